// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Herald",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "herald", targets: ["herald"]),
        .library(name: "HeraldCore", targets: ["HeraldCore"]),
        .library(name: "HeraldRules", targets: ["HeraldRules"]),
        .library(name: "HeraldReports", targets: ["HeraldReports"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/swiftlang/swift-subprocess", from: "1.0.2"),
        .package(url: "https://github.com/swiftcsv/SwiftCSV", from: "0.10.0"),
        .package(url: "https://github.com/yaslab/CSV.swift", from: "2.5.2"),
    ],
    targets: [
        .systemLibrary(name: "CLibYAML", pkgConfig: "yaml-0.1", providers: [.apt(["libyaml-dev"]), .brew(["libyaml"])]),
        .systemLibrary(name: "CLibXML2", pkgConfig: "libxml-2.0", providers: [.apt(["libxml2-dev"]), .brew(["libxml2"])]),
        // renameat2 (swapping the report folder in one step), sync_file_range, syncfs and glibc's mallopt, which
        // Swift cannot call directly (a header only: the C library has them).
        .systemLibrary(name: "CSystemCalls"),
        .target(name: "HeraldCore", dependencies: ["CLibYAML"]),
        .target(name: "HeraldRules", dependencies: ["HeraldCore"]),
        // Git, run as a process: an inventory as a commit stores it (herald check --changed-since).
        .target(name: "HeraldGit", dependencies: ["HeraldCore", .product(name: "Subprocess", package: "swift-subprocess")]),
        // Spreadsheets and the tools' account lists: read with SwiftCSV (it guesses the delimiter spreadsheet
        // programs chose) and JSON with Foundation; the accounts table written with CSV.swift's writer.
        .target(name: "HeraldExports", dependencies: ["HeraldCore", .product(name: "SwiftCSV", package: "SwiftCSV"),
                                                      .product(name: "CSV", package: "CSV.swift")]),
        .target(
            name: "HeraldReports",
            dependencies: [
                "HeraldCore", "CLibXML2",
                .product(name: "Mustache", package: "swift-mustache"),
            ],
            // The report's XML schema, the built-in HTML template and the public directory's page, style and lookup
            // script, compiled into the binary as bytes.
            resources: [.embedInCode("Resources/herald-report.xsd"), .embedInCode("Resources/report.mustache"),
                        .embedInCode("Resources/directory.mustache"), .embedInCode("Resources/directory.css"), .embedInCode("Resources/lookup.js")]),
        .executableTarget(
            name: "herald",
            dependencies: [
                "HeraldCore", "HeraldRules", "HeraldReports", "HeraldGit", "HeraldExports", "CSystemCalls",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            // The commit a release was built from (Scripts/release.sh writes it; "unknown" in a working copy),
            // for `herald --version --verbose`.
            resources: [.embedInCode("Resources/build-commit.txt")]),
        .testTarget(name: "HeraldCoreTests", dependencies: ["HeraldCore"]),
        .testTarget(name: "HeraldRulesTests", dependencies: ["HeraldRules"]),
        // Parses reports with libxml2 for the tests (XPath, the HTML parser); never part of the product.
        .target(name: "HeraldTestSupport", dependencies: ["CLibXML2"], path: "Tests/HeraldTestSupport"),
        .testTarget(name: "HeraldReportsTests", dependencies: ["HeraldReports", "HeraldRules", "HeraldTestSupport"]),
        .testTarget(
            name: "HeraldEndToEndTests", dependencies: ["herald", "HeraldReports", "HeraldTestSupport"],
            exclude: ["Fixtures"]),
    ]
)
