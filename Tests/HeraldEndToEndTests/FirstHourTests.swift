import Foundation
import Testing

/// What a newcomer meets in the first hour (issue 14, section 5): the inventory found from where they
/// stand, usage errors that say what was expected, an empty inventory that does not pass silently, and a
/// version line worth pasting into a problem report.
@Suite struct FirstHourTests {
    let asOf = ["--as-of", "2026-11-24"]

    @Test func checkFindsTheInventoryFromInsideAUnitFolder() throws {
        let herald = try HeraldProcess.withShippedInventory()
        defer { herald.remove() }
        let fromTop = try herald.run(["check", "Inventory/accounts/fire"] + asOf)
        let inside = try herald.run(["check", "."] + asOf, in: "Inventory/accounts/fire")
        #expect(inside.status == 1, "\(inside.stderr)")
        // The same findings, with paths that open from where the command ran.
        #expect(inside.stdout == fromTop.stdout.replacingOccurrences(of: "Inventory/", with: "../../"))
        #expect(inside.stdout.contains("../../accounts/fire/instagram-fairhavenfire.yaml:7:21: error: [owner-assigned]"))
        // A file named from inside the inventory, and the whole inventory from its own folder.
        let file = try herald.run(["check", "instagram-fairhavenfire.yaml"] + asOf, in: "Inventory/accounts/fire")
        #expect(file.stdout.hasPrefix("../../accounts/fire/instagram-fairhavenfire.yaml:7:21"))
        #expect(file.stdout.contains("Checked 1 account: 1 error"))
        let whole = try herald.run(["check"] + asOf, in: "Inventory")
        #expect(whole.stdout.contains("./accounts/fire/instagram-fairhavenfire.yaml:7:21"))
        // At the repository's top, `.` holds the inventory: the whole of it.
        let top = try herald.run(["check", "."] + asOf)
        #expect(top.status == 1 && top.stdout.contains("Checked 61 accounts"), "\(top.stdout)\(top.stderr)")
        // Reports go beside the inventory, not into the unit folder the audit ran in.
        let audit = try herald.run(["audit", "--format", "json"] + asOf, in: "Inventory/accounts/fire")
        #expect(audit.stdout.contains("Wrote ../../../Reports/report.json"), "\(audit.stdout)")
        #expect(FileManager.default.fileExists(atPath: herald.directory.appendingPathComponent("Reports/report.json").path))
        #expect(!FileManager.default.fileExists(atPath: herald.directory.appendingPathComponent("Inventory/accounts/fire/Reports").path))
    }

    @Test func withoutAnInventoryTheMessageSaysWhatWasSearched() throws {
        let herald = try HeraldProcess()
        defer { herald.remove() }
        let output = try herald.run(["check", "."] + asOf)
        #expect(output.status == 2)
        #expect(output.stderr.hasPrefix("herald: error: no inventory found: herald looks for herald.yaml in \(herald.directory.path) and every folder above it"))
        #expect(!output.stderr.contains("not inside"))
    }

    @Test func usageErrorsSayWhatWasExpected() throws {
        let herald = try HeraldProcess.withShippedInventory()
        defer { herald.remove() }
        let unknown = try herald.run(["audti"])
        #expect(unknown.status == 64)
        #expect(unknown.stderr.contains("'audti' is not a herald command: did you mean `herald audit`? expected one of init, import, export, audit, check,"))
        let day = try herald.run(["audit", "--as-of", "2026-02-30"])
        #expect(day.status == 64)
        #expect(day.stderr.contains("2026-02-30 is not a day: February 2026 has 28 days, so there is no day 30"))
        let month = try herald.run(["check", "--as-of", "2026-13-01"])
        #expect(month.stderr.contains("there is no month 13: months run from 01 to 12"))
        let shape = try herald.run(["check", "--as-of", "30/11/2026"])
        #expect(shape.stderr.contains("write the date as YYYY-MM-DD, like 2026-03-31"))
        let format = try herald.run(["audit", "--format", "pdf"])
        #expect(format.status == 64)
        #expect(format.stderr.contains("- all"))
        #expect(!FileManager.default.fileExists(atPath: herald.directory.appendingPathComponent("Reports").path))
    }

    @Test func anInventoryWithoutAccountsSaysSoAndCanBeMadeToFail() throws {
        let herald = try HeraldProcess()
        defer { herald.remove() }
        #expect(try herald.run(["init", "Inventory", "--organisation", "City of Fairhaven"] + asOf).status == 0)
        let accounts = herald.directory.appendingPathComponent("Inventory/accounts")
        for entry in try FileManager.default.contentsOfDirectory(atPath: accounts.path) {
            try FileManager.default.removeItem(at: accounts.appendingPathComponent(entry))
        }
        let warned = try herald.run(["audit", "--format", "json"] + asOf)
        #expect(warned.status == 0, "a warning, by default: \(warned.stdout)")
        #expect(warned.stdout.contains("0 accounts in 1 unit: 0 errors, 1 warning"))
        #expect(warned.stdout.contains("Organisation files: 1 finding in 1 file (herald.yaml)"))
        let check = try herald.run(["check"] + asOf)
        #expect(check.stdout.contains("Inventory/herald.yaml:1:1: warning: [inventory-has-accounts] Inventory/accounts/ holds no account file, so this audit checked nothing"))
        // git keeps no empty folder: in a clone, the empty accounts/ is not there at all. Same answer.
        try FileManager.default.removeItem(at: accounts)
        let missing = try herald.run(["check"] + asOf)
        #expect(missing.status == 0, "\(missing.stdout)\(missing.stderr)")
        #expect(missing.stdout == check.stdout)
        // The organisation makes a job pointed at the wrong folder fail.
        let settings = herald.directory.appendingPathComponent("Inventory/herald.yaml")
        let text = try String(contentsOf: settings, encoding: .utf8)
        try (text + "\nrules:\n  inventory-has-accounts: error\n").write(to: settings, atomically: true, encoding: .utf8)
        let failed = try herald.run(["audit", "--format", "json"] + asOf)
        #expect(failed.status == 1, "\(failed.stdout)\(failed.stderr)")
    }

    @Test func theVerboseVersionNamesWhatAProblemReportNeeds() throws {
        let herald = try HeraldProcess()
        defer { herald.remove() }
        let output = try herald.run(["--version", "--verbose"])
        #expect(output.status == 0)
        let keys = output.stdout.split(separator: "\n").map { $0.split(separator: ":").first.map(String.init) ?? "" }
        #expect(keys.first?.hasPrefix("herald ") == true)
        #expect(Array(keys.dropFirst()) == ["commit", "swift", "libyaml", "libxml2", "system"])
        #expect(output.stdout.range(of: #"libyaml: \d+\.\d+\.\d+\n"#, options: .regularExpression) != nil)
        #expect(output.stdout.range(of: #"libxml2: \d+\.\d+\.\d+\n"#, options: .regularExpression) != nil)
        #expect(try herald.run(["--version"]).stdout.split(separator: "\n").count == 1)
    }

    /// Every command's help is its man page section (Scripts/release.sh generates the pages from it).
    @Test func everyCommandHasAnAbstractAndADiscussion() throws {
        let herald = try HeraldProcess()
        defer { herald.remove() }
        let output = try herald.run(["--experimental-dump-help"])
        let dump = try #require(try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String: Any])
        var missing: [String] = []
        func visit(_ command: [String: Any], path: String) {
            let name = path.isEmpty ? (command["commandName"] as? String ?? "") : path + " " + (command["commandName"] as? String ?? "")
            for key in ["abstract", "discussion"] where ((command[key] as? String) ?? "").count < 40 && name != "herald help" {
                missing.append("\(name): \(key)")
            }
            for sub in command["subcommands"] as? [[String: Any]] ?? [] { visit(sub, path: name) }
        }
        visit(try #require(dump["command"] as? [String: Any]), path: "")
        #expect(missing.isEmpty, "\(missing)")
    }
}
