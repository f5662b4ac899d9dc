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
    ],
    targets: [
        .systemLibrary(name: "CLibYAML", pkgConfig: "yaml-0.1", providers: [.apt(["libyaml-dev"]), .brew(["libyaml"])]),
        .target(name: "HeraldCore", dependencies: ["CLibYAML"]),
        .target(name: "HeraldRules", dependencies: ["HeraldCore"]),
        .target(name: "HeraldReports", dependencies: ["HeraldCore", "HeraldRules"]),
        .executableTarget(
            name: "herald",
            dependencies: [
                "HeraldCore", "HeraldRules", "HeraldReports",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]),
        .testTarget(name: "HeraldCoreTests", dependencies: ["HeraldCore"]),
        .testTarget(name: "HeraldRulesTests", dependencies: ["HeraldRules"]),
        .testTarget(name: "HeraldReportsTests", dependencies: ["HeraldReports"]),
        .testTarget(
            name: "HeraldEndToEndTests", dependencies: ["herald"],
            exclude: ["Fixtures"]),
    ]
)
