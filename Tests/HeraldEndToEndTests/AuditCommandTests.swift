import HeraldCore
import Foundation
import HeraldRules
import Testing

/// `herald audit` as the nightly job runs it: exit codes, the summary and report.json.
@Suite struct AuditCommandTests {
    let asOf = ["--as-of", "2026-11-24"]

    @Test func aCleanInventoryExitsZeroAndWritesTheReport() throws {
        let herald = try HeraldProcess(fixture: "CleanInventory")
        defer { herald.remove() }
        let output = try herald.run(["audit"] + asOf)
        #expect(output.status == 0, "\(output.stdout)\(output.stderr)")
        #expect(output.stdout.contains("2 accounts in 3 units: 0 errors, 0 warnings"))
        #expect(output.stdout.contains("Wrote Reports/report.json"))
        let report = try herald.json("Reports/report.json")
        #expect(report["schema_version"] as? Int == 1)
        #expect(report["as_of"] as? String == "2026-11-24")
        #expect((report["findings"] as? [Any])?.isEmpty == true)
        let summary = report["summary"] as? [String: Int]
        #expect(summary?["accounts"] == 2 && summary?["errors"] == 0 && summary?["warnings"] == 0)
    }

    @Test func findingsExitOneAndAreInTheReportInOrder() throws {
        let herald = try HeraldProcess(fixture: "FailingInventory")
        defer { herald.remove() }
        let output = try herald.run(["audit"] + asOf)
        #expect(output.status == 1)
        #expect(output.stdout.contains("4 accounts in 3 units: 5 errors, 1 warning in 2 accounts"))
        #expect(output.stdout.contains("parks    1 of 2 accounts failing: 4 errors, 1 warning"))
        let report = try herald.json("Reports/report.json")
        let findings = try #require(report["findings"] as? [[String: Any]])
        #expect(findings.map { $0["rule"] as? String } == ["inventory-schema", "bio-states-office", "unit-standards", "owner-assigned", "owner-assigned", "review-current"])
        let first = findings[0]
        #expect(first["file"] as? String == "Inventory/accounts/library/x-fairhavenlib.yaml")
        #expect(first["line"] as? Int == 9 && first["column"] as? Int == 1)
        #expect(first["account"] as? String == "x:fairhavenlib" && first["unit"] as? String == "library")
        #expect(first["severity"] as? String == "error")
        #expect((first["message"] as? String)?.hasPrefix("unknown key \"colour\"") == true)
        let summary = report["summary"] as? [String: Int]
        #expect(summary?["errors"] == 5 && summary?["warnings"] == 1)
    }

    @Test func failOnDecidesWhichSeverityFailsTheRun() throws {
        let herald = try HeraldProcess(fixture: "WarningsOnly")
        defer { herald.remove() }
        #expect(try herald.run(["audit"] + asOf).status == 0)
        #expect(try herald.run(["audit", "--fail-on", "warning"] + asOf).status == 1)
        let failing = try HeraldProcess(fixture: "FailingInventory")
        defer { failing.remove() }
        #expect(try failing.run(["audit", "--fail-on", "never"] + asOf).status == 0)
    }

    @Test func sameInventoryAndDateGiveByteIdenticalReports() throws {
        let herald = try HeraldProcess(fixture: "FailingInventory")
        defer { herald.remove() }
        try herald.run(["audit", "--output", "first"] + asOf)
        try herald.run(["audit", "--output", "second"] + asOf)
        #expect(try herald.file("first/report.json") == herald.file("second/report.json"))
        try herald.run(["audit", "--output", "third", "--as-of", "2027-06-01"])
        #expect(try herald.file("first/report.json") != herald.file("third/report.json"))
    }

    @Test func aBrokenOrganisationFileExitsTwoAndWritesNoReport() throws {
        let herald = try HeraldProcess(fixture: "BrokenOrganisation")
        defer { herald.remove() }
        let output = try herald.run(["audit"] + asOf)
        #expect(output.status == 2)
        #expect(output.stderr.hasPrefix("Inventory/units/library.yaml:5:19: error: handle_pattern \"^(fairhaven\" is not a valid regular expression"))
        #expect(!FileManager.default.fileExists(atPath: herald.directory.appendingPathComponent("Reports").path))
    }

    @Test func aMissingInventoryExitsTwo() throws {
        let herald = try HeraldProcess()
        defer { herald.remove() }
        let output = try herald.run(["audit"] + asOf)
        #expect(output.status == 2)
        #expect(output.stderr.hasPrefix("herald: error: no inventory found: herald looks for herald.yaml in "))
        #expect(output.stderr.contains("Run herald inside the registry's repository, pass --inventory FOLDER, or start a registry with `herald init`."))
        #expect(!output.stderr.contains(":1:1:"))
        let typed = try herald.run(["audit", "--inventory", "Inventroy"] + asOf)
        #expect(typed.status == 2)
        #expect(typed.stderr == "herald: error: --inventory Inventroy: the inventory folder does not exist: give the folder that holds herald.yaml\n")
    }

    @Test func usageErrorsExitSixtyFour() throws {
        let herald = try HeraldProcess(fixture: "CleanInventory")
        defer { herald.remove() }
        for arguments in [["audit", "--as-of", "2026-02-30"], ["audit", "--fail-on", "sometimes"], ["audit", "--format", "json,pdf"],
                          ["audit", "--bogus"], ["audit", "--output", ""], ["explain", "no-such-rule"],
                          ["check", "Inventory/accounts/nowhere"], ["check", "/usr"]] {
            let output = try herald.run(arguments)
            #expect(output.status == 64, "\(arguments): \(output.stderr)")
            #expect(!output.stderr.isEmpty)
        }
    }

    @Test func anUnwritableReportExitsThreeAndLeavesNoTemporaryFile() throws {
        let herald = try HeraldProcess(fixture: "CleanInventory")
        defer { herald.remove() }
        try FileManager.default.createDirectory(at: herald.directory.appendingPathComponent("Reports/report.json"), withIntermediateDirectories: true)
        let output = try herald.run(["audit"] + asOf)
        #expect(output.status == 3)
        #expect(output.stderr.contains("herald: error: the reports could not be written, Reports is as it was: Reports/report.json: this is not a file"))
        let left = try FileManager.default.contentsOfDirectory(atPath: herald.directory.appendingPathComponent("Reports").path)
        #expect(left == ["report.json"])

        try Data().write(to: herald.directory.appendingPathComponent("file"))
        #expect(try herald.run(["audit", "--output", "file/reports"] + asOf).status == 3)
    }

    @Test func versionAndHelpOnEveryCommand() throws {
        let herald = try HeraldProcess()
        defer { herald.remove() }
        for command in [[], ["audit"], ["check"], ["rules"], ["explain"]] {
            let version = try herald.run(command + ["--version"])
            #expect(version.status == 0 && version.stdout == "0.1.0\n", "\(command)")
            let help = try herald.run(command + ["--help"])
            #expect(help.status == 0 && help.stdout.contains("USAGE"), "\(command)")
        }
    }

    @Test func theShippedInventoryShowsEveryRuleFailingAndMostAccountsPassing() throws {
        let herald = try HeraldProcess.withShippedInventory()
        defer { herald.remove() }
        let output = try herald.run(["audit"] + asOf)
        #expect(output.status == 1, "\(output.stderr)")
        let report = try herald.json("Reports/report.json")
        let findings = try #require(report["findings"] as? [[String: Any]])
        let rules = Set(findings.compactMap { $0["rule"] as? String })
        // Every rule fails somewhere, with findings that count (not only waived ones).
        let counted = Set(findings.filter { $0["waiver"] == nil }.compactMap { $0["rule"] as? String })
        // Rules that read git's history (`--git`) look at no account here; GitWorkflowTests fails them.
        // and rules that reconcile with the tools' exports (herald reconcile) look at nothing without them:
        // ReconcileTests fails them with the shipped exports.
        // inventory-has-accounts fails only an inventory without accounts (FirstHourTests).
        #expect(counted == Set(RuleCatalog.all.filter { !$0.description.needsHistory && !$0.description.needsExports }.map(\.description.id))
            .subtracting(["inventory-has-accounts"]))
        #expect(rules == counted)
        // The impostor register is in the report as it stands.
        #expect((report["impostors"] as? [[String: Any]])?.count == 5)
        #expect(String(decoding: try herald.file("Reports/report.html"), as: UTF8.self).contains("<table aria-labelledby=\"impostors-heading\" id=\"impostors\">"))
        // A waiver in each state: one excuses a finding; the others are reported as expired, invalid, unused.
        #expect(findings.contains { $0["waiver"] != nil })
        #expect(["waiver-expired", "waiver-invalid", "waiver-unused"].allSatisfy(counted.contains))
        let summary = try #require(report["summary"] as? [String: Int])
        #expect((40...80).contains(summary["accounts"] ?? 0))
        #expect((summary["failing_accounts"] ?? 0) * 3 < (summary["accounts"] ?? 0), "most accounts pass")
    }
}
