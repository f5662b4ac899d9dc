import Foundation

/// Runs the built `herald` binary the way users and CI do, in a copy of a fixture folder.
struct HeraldProcess {
    struct Output {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    /// The binary SwiftPM built beside the test bundle.
    static let binary: URL = {
        if let path = ProcessInfo.processInfo.environment["HERALD_BINARY"] { return URL(fileURLWithPath: path) }
        let candidates = [Bundle.main.bundleURL, URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()]
            + Bundle.allBundles.map { $0.bundleURL.deletingLastPathComponent() }
        return candidates.map { $0.appendingPathComponent("herald") }.first { FileManager.default.isExecutableFile(atPath: $0.path) }
            ?? candidates[0].appendingPathComponent("herald")
    }()

    /// A fresh working folder holding a copy of `fixture` (or nothing).
    let directory: URL

    init(fixture: String? = nil) throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("herald-e2e-\(UUID().uuidString)")
        if let fixture {
            try FileManager.default.copyItem(at: Self.fixtures.appendingPathComponent(fixture), to: directory)
        } else {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        }
    }

    /// A working folder holding a copy of the repository's own Inventory/.
    static func withShippedInventory() throws -> HeraldProcess {
        let herald = try HeraldProcess()
        let shipped = fixtures.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Inventory")
        try FileManager.default.copyItem(at: shipped, to: herald.directory.appendingPathComponent("Inventory"))
        return herald
    }

    @discardableResult
    func run(_ arguments: [String], environment: [String: String] = [:], in subfolder: String? = nil) throws -> Output {
        let process = Process()
        process.executableURL = Self.binary
        process.arguments = arguments
        process.currentDirectoryURL = subfolder.map { directory.appendingPathComponent($0) } ?? directory
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        // Files, not pipes: a long error output cannot fill a pipe and hang the test.
        let outURL = directory.appendingPathComponent(".stdout-\(UUID().uuidString)")
        let errURL = directory.appendingPathComponent(".stderr-\(UUID().uuidString)")
        _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: outURL); try? FileManager.default.removeItem(at: errURL) }
        process.standardOutput = try FileHandle(forWritingTo: outURL)
        process.standardError = try FileHandle(forWritingTo: errURL)
        try process.run()
        process.waitUntilExit()
        return Output(status: process.terminationStatus,
                      stdout: String(decoding: try Data(contentsOf: outURL), as: UTF8.self),
                      stderr: String(decoding: try Data(contentsOf: errURL), as: UTF8.self))
    }

    func file(_ path: String) throws -> Data {
        try Data(contentsOf: directory.appendingPathComponent(path))
    }

    func json(_ path: String) throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: file(path)) as? [String: Any] ?? [:]
    }

    func remove() {
        try? FileManager.default.removeItem(at: directory)
    }
}
