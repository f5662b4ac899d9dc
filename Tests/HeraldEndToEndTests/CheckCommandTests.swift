import HeraldCore
import Foundation
import HeraldRules
import Testing

/// `herald check` as a department runs it before a pull request.
@Suite struct CheckCommandTests {
    let asOf = ["--as-of", "2026-11-24"]

    @Test func printsOnlyTheFindingsOfTheGivenPaths() throws {
        let herald = try HeraldProcess(fixture: "FailingInventory")
        defer { herald.remove() }
        let output = try herald.run(["check", "Inventory/accounts/library"] + asOf)
        #expect(output.status == 1)
        #expect(output.stdout == """
            Inventory/accounts/library/x-fairhavenlib.yaml:9:1: error: [inventory-schema] unknown key "colour" in an account file: \
            the keys allowed are platform, handle, url, unit, name, bio, owners, status, created, last_reviewed, archiving, \
            two_factor, credentials, recovery_email, escalation, last_post, retired_on, handle_held, waivers, page_id, channel_id, did
            Checked 2 accounts: 1 error, 0 warnings in 1 file.

            """)
        #expect(!FileManager.default.fileExists(atPath: herald.directory.appendingPathComponent("Reports").path))
    }

    /// Only the given folder's accounts are checked, but against the whole registry: an account
    /// registered twice is reported in the folder checked although its twin sits in another folder, and
    /// nothing of the other folder is printed.
    @Test func aFolderIsCheckedAgainstTheWholeRegistry() throws {
        let herald = try HeraldProcess(fixture: "CleanInventory")
        defer { herald.remove() }
        let library = herald.directory.appendingPathComponent("Inventory/accounts/library/instagram-fairhavenlibrary.yaml")
        let twin = try String(contentsOf: library, encoding: .utf8).replacingOccurrences(of: "unit: library", with: "unit: parks")
        try Data(twin.utf8).write(to: herald.directory.appendingPathComponent("Inventory/accounts/parks/instagram-fairhavenlibrary.yaml"))
        let output = try herald.run(["check", "Inventory/accounts/library"] + asOf)
        #expect(output.status == 1)
        let lines = output.stdout.split(separator: "\n")
        #expect(lines.contains { $0.hasPrefix("Inventory/accounts/library/instagram-fairhavenlibrary.yaml:") && $0.contains("[duplicate-account]") },
                "\(output.stdout)")
        #expect(!lines.contains { $0.hasPrefix("Inventory/accounts/parks/") }, "\(output.stdout)")
        #expect(output.stdout.hasSuffix("Checked 1 account: 1 error, 0 warnings in 1 file.\n"), "\(output.stdout)")
    }

    @Test func aCleanFileExitsZeroEvenWhenOthersFail() throws {
        let herald = try HeraldProcess(fixture: "FailingInventory")
        defer { herald.remove() }
        let output = try herald.run(["check", "Inventory/accounts/library/instagram-fairhavenlibrary.yaml"] + asOf)
        #expect(output.status == 0)
        #expect(output.stdout == "Checked 1 account: no problems found.\n")
    }

    @Test func withoutPathsEveryFindingIsPrinted() throws {
        let herald = try HeraldProcess(fixture: "FailingInventory")
        defer { herald.remove() }
        let output = try herald.run(["check"] + asOf)
        #expect(output.stdout.split(separator: "\n").count == 7)
        #expect(output.stdout.hasSuffix("Checked 4 accounts: 5 errors, 1 warning in 2 files.\n"))
    }

    @Test func colourOnlyWhenAskedOrOnATerminal() throws {
        let herald = try HeraldProcess(fixture: "FailingInventory")
        defer { herald.remove() }
        #expect(!(try herald.run(["check"] + asOf).stdout.contains("\u{1B}[")), "a pipe is not a terminal")
        #expect(try herald.run(["check", "--color", "always"] + asOf).stdout.contains("\u{1B}[1;31merror:"))
        #expect(!(try herald.run(["check", "--color", "never"] + asOf).stdout.contains("\u{1B}[")))
    }

    @Test func registryTextCannotInjectTerminalEscapes() throws {
        let herald = try HeraldProcess(fixture: "CleanInventory")
        defer { herald.remove() }
        let account = "platform: x\nhandle: \"fairhaven\\e]0;pwned\\a\"\nurl: https://x.com/a\nunit: parks\nstatus: active\n"
        try Data(account.utf8).write(to: herald.directory.appendingPathComponent("Inventory/accounts/parks/x-evil.yaml"))
        let output = try herald.run(["check"] + asOf)
        #expect(output.status == 1)
        #expect(!output.stdout.contains("\u{1B}"))
        // The escapes are findings at the handle, and no message or hint carries them (nor U+FFFD).
        #expect(output.stdout.contains("x-evil.yaml:2:9: error: [inventory-schema] the value holds invisible control characters (U+001B, U+0007) written as escapes"))
        #expect(!output.stdout.contains("\u{FFFD}"))
    }

    @Test func aBrokenOrganisationFileStopsTheCheckToo() throws {
        let herald = try HeraldProcess(fixture: "BrokenOrganisation")
        defer { herald.remove() }
        let output = try herald.run(["check", "Inventory/accounts/parks"] + asOf)
        #expect(output.status == 2)
        #expect(output.stdout.isEmpty)
        #expect(output.stderr.contains("Inventory/units/library.yaml:5:19: error: handle_pattern"))
    }

    @Test func aBrokenOrganisationFileLeavesTheLastReportInPlace() throws {
        let herald = try HeraldProcess(fixture: "BrokenOrganisation")
        defer { herald.remove() }
        try FileManager.default.createDirectory(at: herald.directory.appendingPathComponent("Reports"), withIntermediateDirectories: true)
        try Data("last night's report\n".utf8).write(to: herald.directory.appendingPathComponent("Reports/report.json"))
        #expect(try herald.run(["audit"] + asOf).status == 2)
        #expect(try herald.file("Reports/report.json") == Data("last night's report\n".utf8))
    }

    @Test func initCreatesAnInventoryThatPassesItsFirstAuditAndNeverOverwrites() throws {
        let herald = try HeraldProcess()
        defer { herald.remove() }
        let created = try herald.run(["init", "--organisation", "Town of \"Example\" # <Ltd>"])
        #expect(created.status == 0, "\(created.stderr)")
        #expect(created.stdout.contains("Next: replace the examples"))
        let audit = try herald.run(["audit", "--format", "json"])
        #expect(audit.status == 0, "\(audit.stdout)\(audit.stderr)")
        let report = try herald.json("Reports/report.json")
        #expect(report["organisation"] as? String == "Town of \"Example\" # <Ltd>", "the name is written as YAML text, whatever it holds")
        #expect((report["findings"] as? [[String: Any]])?.isEmpty == true)
        let ignored = String(decoding: try herald.file(".gitignore"), as: UTF8.self)
        #expect(ignored.contains("\nReports/\n") && ignored.contains("\n.Reports.herald-*\n"), "the reports and their spare stay out of git")
        let people = try herald.file("Inventory/people.yaml")
        let again = try herald.run(["init", "--organisation", "Other"])
        #expect(again.status == 64 && again.stderr.contains("never overwrites"))
        #expect(try herald.file("Inventory/people.yaml") == people)
    }

    @Test func codeOwnersCheckSaysWhenTheSectionIsMissingOrOutOfDate() throws {
        let herald = try HeraldProcess.withShippedInventory()
        defer { herald.remove() }
        let printed = try herald.run(["codeowners"])
        #expect(printed.status == 0 && printed.stdout.contains("/Inventory/accounts/parks-recreation/ @tombrooks @sarachen-parks"))
        let file = herald.directory.appendingPathComponent("CODEOWNERS")
        try Data("* @fairhaven/web\n".utf8).write(to: file)
        #expect(try herald.run(["codeowners", "--check", "CODEOWNERS"]).status == 1, "no section yet")
        try Data(("* @fairhaven/web\n\n" + printed.stdout).utf8).write(to: file)
        #expect(try herald.run(["codeowners", "--check", "CODEOWNERS"]).status == 0)
        let units = herald.directory.appendingPathComponent("Inventory/units/fire.yaml")
        try (try String(contentsOf: units, encoding: .utf8)).replacingOccurrences(of: "maintainers: [bthompson]", with: "maintainers: [bthompson, dmurphy]")
            .write(to: units, atomically: true, encoding: .utf8)
        let stale = try herald.run(["codeowners", "--check", "CODEOWNERS"])
        #expect(stale.status == 1 && stale.stdout.contains("out of date"))
        #expect(try herald.run(["codeowners", "--host", "gitlab"]).stdout.contains("[Herald registry]"))
    }

    @Test func rulesAndExplain() throws {
        let herald = try HeraldProcess()
        defer { herald.remove() }
        let rules = try herald.run(["rules"])
        #expect(rules.status == 0)
        #expect(rules.stdout.split(separator: "\n").count == RuleCatalog.all.count)
        let review = rules.stdout.split(separator: "\n").first { $0.hasPrefix("review-current ") }
        #expect(review?.split(separator: " ", omittingEmptySubsequences: true).prefix(2) == ["review-current", "warning"])
        #expect(review?.hasSuffix("warning  The account was reviewed within its unit's review period") == true)
        let explain = try herald.run(["explain", "bio-states-office"])
        #expect(explain.status == 0)
        #expect(explain.stdout.contains("Followers must be able to tell an official account from a fan page"))
        #expect(explain.stdout.contains("→ line 6: bio does not state the office"))
    }
}
