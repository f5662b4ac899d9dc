import Foundation
import HeraldReports
import HeraldTestSupport
import Testing

/// The worst day: a 10,000-account registry that misses what a new policy asks (several findings per
/// account, about 80,000 in all). Every report must still be accepted by what reads it: GitHub code
/// scanning (25,000 results a run, 10 MB gzipped), GitHub's step summary (1 MiB), GitLab's JUnit import
/// (30 MB a file, 500,000 test cases).
@Suite(.serialized) struct ConsumerLimitsTests {
    static let accounts = 10_000

    /// Accounts with only the required keys: no bio, owners, review, two-factor, vault or last post.
    static func writeRegistry(in folder: URL) throws {
        let files = FileManager.default
        try files.createDirectory(at: folder.appendingPathComponent("units"), withIntermediateDirectories: true)
        try Data("organisation: City of Fairhaven\nofficial_domains: [fairhaven.gov]\nstandards:\n  min_owners: 2\n".utf8)
            .write(to: folder.appendingPathComponent("herald.yaml"))
        try Data("- {id: jdoe, name: Jane Doe, email: jane.doe@fairhaven.gov}\n".utf8).write(to: folder.appendingPathComponent("people.yaml"))
        for unit in 0..<20 {
            let id = "unit-\(unit)"
            try Data("id: \(id)\nname: Unit \(unit)\nmaintainers: [jdoe]\n".utf8).write(to: folder.appendingPathComponent("units/\(id).yaml"))
            let accounts = folder.appendingPathComponent("accounts/\(id)")
            try files.createDirectory(at: accounts, withIntermediateDirectories: true)
            for number in 0..<(Self.accounts / 20) {
                let handle = "fairhaven\(unit)x\(number)"
                try Data("platform: x\nhandle: \(handle)\nurl: https://x.com/\(handle)\nunit: \(id)\nstatus: active\n".utf8)
                    .write(to: accounts.appendingPathComponent("x-\(handle).yaml"))
            }
        }
    }

    @Test func everyReportStaysWithinWhatItsConsumerAccepts() throws {
        let herald = try HeraldProcess()
        defer { herald.remove() }
        try Self.writeRegistry(in: herald.directory.appendingPathComponent("Inventory"))
        let audit = try herald.run(["audit", "--as-of", "2026-11-24", "--format", "json,sarif,junit,codequality"])
        #expect(audit.status == 1)
        let findings = try #require(try herald.json("Reports/report.json")["findings"] as? [[String: Any]])
        #expect(findings.count > 25_000, "the registry must exceed GitHub's limit for the test to mean anything")

        // SARIF: at most 25,000 results, errors kept before warnings, a notification and a warning on stderr.
        let sarif = try #require(try JSONSerialization.jsonObject(with: herald.file("Reports/report.sarif")) as? [String: Any])
        let runs = try #require(sarif["runs"] as? [[String: Any]])
        #expect(runs.count == 1)
        let results = try #require(runs[0]["results"] as? [[String: Any]])
        #expect(results.count == 25_000)
        #expect(results.allSatisfy { (($0["locations"] as? [[String: Any]])?.count ?? 0) == 1 })
        let errorsInReport = findings.count { $0["severity"] as? String == "error" }
        let errorsKept = results.count { $0["level"] as? String == "error" }
        #expect(errorsKept == min(errorsInReport, 25_000), "no warning may take the place of an error")
        let notifications = ((runs[0]["invocations"] as? [[String: Any]])?.first?["toolExecutionNotifications"] as? [[String: Any]]) ?? []
        #expect(notifications.count == 1)
        #expect(audit.stderr.contains("report.sarif holds 25000 of \(findings.count) findings"))
        #expect(try Self.gzippedSize(herald.directory.appendingPathComponent("Reports/report.sarif")) < 10_000_000)

        // JUnit for GitLab: under 30 MB and 500,000 test cases.
        let junit = try herald.file("Reports/junit.xml")
        #expect(junit.count < 30_000_000, "junit.xml is \(junit.count) bytes")
        let cases = String(decoding: junit, as: UTF8.self).components(separatedBy: "<testcase ").count - 1
        #expect(cases >= Self.accounts && cases < 500_000)
        // Passing accounts became one case per unit and rule; the suites' counts still add up, and the
        // file is still valid against the strict JUnit schema.
        let document = try #require(MarkupDocument(xml: Array(junit)))
        #expect(document.count("//testcase[contains(@name, 'accounts pass')]") > 0)
        #expect(document.values("//testsuite/@tests").compactMap(Int.init).reduce(0, +) == cases)
        #expect(XMLValidator.validate(Array(junit), against: try Repository.text("Tests/Schemas/junit-ant-strict.xsd")) == [])

        // The step summary: under 1 MiB, and it says how many findings it could not show.
        let summary = herald.directory.appendingPathComponent("summary.md")
        let check = try herald.run(["check", "--as-of", "2026-11-24", "--format", "github"], environment: ["GITHUB_STEP_SUMMARY": summary.path])
        #expect(check.status == 1)
        let markdown = try Data(contentsOf: summary)
        #expect(markdown.count <= 1_048_576 && markdown.count > 900_000)
        #expect(String(decoding: markdown, as: UTF8.self).contains("findings are not shown:** GitHub takes at most 1 MiB per step summary"))
    }

    /// The size `gzip` makes of the file: what GitHub's 10 MB upload limit counts.
    static func gzippedSize(_ file: URL) throws -> Int {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "gzip -c \"$1\" | wc -c", "sh", file.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Int(String(decoding: output, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)) ?? .max
    }
}
