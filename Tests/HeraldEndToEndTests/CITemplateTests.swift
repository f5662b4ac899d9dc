import Foundation
import Testing

/// The ready-to-copy CI jobs and pre-commit hooks: each parses as YAML, every herald command line in them
/// runs on a registry in a git repository (never a usage error), and the pre-commit hook runs with
/// pre-commit itself.
@Suite struct CITemplateTests {
    static let repository = HeraldProcess.fixtures.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let templates = ["ci/github/herald-nightly.yml", "ci/github/herald-pull-request.yml", "ci/gitlab/herald.gitlab-ci.yml", ".pre-commit-hooks.yaml"]

    /// Runs `command` with bash in `directory`, the built herald first on the PATH.
    static func shell(_ command: String, in directory: URL, environment: [String: String] = [:]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = ["-c", command]
        process.currentDirectoryURL = directory
        let path = HeraldProcess.binary.deletingLastPathComponent().path + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")
        process.environment = ProcessInfo.processInfo.environment.merging(environment.merging(["PATH": path]) { $1 }) { $1 }
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    static var hasPyYAML: Bool {
        (try? shell("python3 -c 'import yaml'", in: repository).status) == 0
    }

    static var hasPreCommit: Bool {
        (try? shell("command -v pre-commit", in: repository).status) == 0
    }

    /// PyYAML comes with pre-commit, which .ci/run installs: where it cannot, the test shows as skipped.
    @Test(.enabled(if: hasPyYAML, "PyYAML is not installed (.ci/run installs it with pre-commit)"))
    func everyTemplateParsesAsYAML() throws {
        for template in Self.templates {
            let parsed = try Self.shell("python3 -c 'import sys, yaml; yaml.safe_load(open(sys.argv[1]))' \(template)", in: Self.repository)
            #expect(parsed.status == 0, "\(template): \(parsed.output)")
        }
    }

    /// The herald command lines of a template: `herald audit …`, `herald check …`, up to the end of the
    /// line or a shell operator, with CI expressions given values a test repository has.
    static func commandLines(in template: String) throws -> [String] {
        let text = try String(contentsOf: repository.appendingPathComponent(template), encoding: .utf8)
        return text.split(separator: "\n").compactMap { line -> String? in
            guard let start = line.range(of: "herald "),
                  ["", "run:", "entry:", "-"].contains(line[..<start.lowerBound].trimmingCharacters(in: .whitespaces)),
                  ["audit", "check", "baseline", "validate-report"].contains(where: { line[start.upperBound...].hasPrefix($0) }) else { return nil }
            var command = String(line[start.lowerBound...])
            for stop in [" > ", " ||", " &&", ";"] { if let cut = command.range(of: stop) { command = String(command[..<cut.lowerBound]) } }
            return command
                .replacingOccurrences(of: "${{ github.base_ref }}", with: "main")
                .replacingOccurrences(of: "$CI_MERGE_REQUEST_DIFF_BASE_SHA", with: "main")
        }
    }

    @Test func everyHeraldCommandLineInTheTemplatesRunsOnARegistry() throws {
        let herald = try GitWorkflowTests.repository()
        defer { herald.remove() }
        try GitWorkflowTests.git(herald, ["update-ref", "refs/remotes/origin/main", "HEAD"])
        let summary = herald.directory.appendingPathComponent("step-summary.md")
        var ran = 0
        for template in Self.templates {
            for command in try Self.commandLines(in: template) {
                // The nightly job builds compare=() from the previous report; here there is none.
                let line = "compare=(); " + command
                let result = try Self.shell(line, in: herald.directory, environment: ["GITHUB_STEP_SUMMARY": summary.path])
                #expect([0, 1].contains(result.status), "\(template): `\(command)` exited \(result.status): \(result.output)")
                ran += 1
            }
        }
        #expect(ran >= 9, "the templates' command lines were found")
        #expect(FileManager.default.fileExists(atPath: herald.directory.appendingPathComponent("herald-history.jsonl").path))
    }

    @Test(.enabled(if: hasPreCommit, "pre-commit is not installed (.ci/run installs it)"))
    func thePreCommitHookReportsWhatTheStagedChangeBroke() throws {
        let manifest = try Self.shell("pre-commit validate-manifest .pre-commit-hooks.yaml", in: Self.repository)
        #expect(manifest.status == 0, "\(manifest.output)")
        // The hooks as this working tree has them, in a repository of their own (try-repo reads commits).
        let hooks = try HeraldProcess()
        defer { hooks.remove() }
        try FileManager.default.copyItem(at: Self.repository.appendingPathComponent(".pre-commit-hooks.yaml"),
                                         to: hooks.directory.appendingPathComponent(".pre-commit-hooks.yaml"))
        try GitWorkflowTests.git(hooks, ["init", "-q", "-b", "main"])
        try GitWorkflowTests.git(hooks, ["add", ".pre-commit-hooks.yaml"])
        try GitWorkflowTests.git(hooks, ["commit", "-q", "-m", "Hooks"])
        let herald = try GitWorkflowTests.repository()
        defer { herald.remove() }
        let cache = hooks.directory.appendingPathComponent(".pre-commit-cache").path
        let environment = ["PRE_COMMIT_HOME": cache, "HOME": hooks.directory.path]
        let clean = try Self.shell("pre-commit try-repo \(hooks.directory.path) herald-check-system --all-files", in: herald.directory, environment: environment)
        #expect(clean.status == 0, "nothing changed, nothing broken: \(clean.output)")
        try GitWorkflowTests.edit(herald, "Inventory/people.yaml") {
            $0.replacingOccurrences(of: "email: daniel.rosen@fairhaven.gov, unit: mayors-office,", with: "email: daniel.rosen@fairhaven.gov, unit: mayors-office, active: false,")
        }
        try GitWorkflowTests.git(herald, ["add", "Inventory/people.yaml"])
        let broken = try Self.shell("pre-commit try-repo \(hooks.directory.path) herald-check-system", in: herald.directory, environment: environment)
        #expect(broken.status == 1, "\(broken.output)")
        #expect(broken.output.contains("[owner-assigned]") && broken.output.contains("drosen"))
    }
}
