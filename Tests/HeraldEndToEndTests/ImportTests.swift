import Foundation
import Testing

/// `herald import`: from the office's spreadsheet to a registry, as spreadsheet programs save it.
@Suite struct ImportTests {
    @Test func aSpreadsheetBecomesAccountUnitAndPeopleFiles() throws {
        let herald = try HeraldProcess()
        defer { herald.remove() }
        // A byte order mark, CRLF, semicolons, a quoted cell with a line break and quotes, UTF-8 names.
        let csv = "\u{FEFF}Department;Platform;Profile link;Owners;Bio;Display name\r\n"
            + "Parks & Recreation;Instagram;https://www.instagram.com/fairhavenparks/;\"Zoë Núñez; tom.brooks@fairhaven.gov\";\"Official account of Parks & Recreation.\r\nNot \"\"monitored\"\" 24/7.\";Fairhaven Parks\r\n"
            + "Library;x;https://x.com/FairhavenLib;Hyun Park, Zoë Núñez;;Fairhaven Library\r\n"
        try Data(csv.utf8).write(to: herald.directory.appendingPathComponent("accounts.csv"))
        let imported = try herald.run(["import", "accounts.csv"])
        #expect(imported.status == 0, "\(imported.stdout)\(imported.stderr)")
        #expect(imported.stdout.contains("Imported 2 accounts") && imported.stdout.contains("Next: "))
        let account = String(decoding: try herald.file("Inventory/accounts/parks-recreation/instagram-fairhavenparks.yaml"), as: UTF8.self)
        #expect(account.contains("bio: \"Official account of Parks & Recreation.\\nNot \\\"monitored\\\" 24/7.\""), "\(account)")
        #expect(account.contains("owners: [zoe-nunez, tom-brooks]"), "ids from names, accents folded; from e-mails, their local part")
        let people = String(decoding: try herald.file("Inventory/people.yaml"), as: UTF8.self)
        #expect(people.contains("name: \"Zoë Núñez\"") && people.contains("email: \"tom.brooks@fairhaven.gov\""))
        #expect(String(decoding: try herald.file("Inventory/units/parks-recreation.yaml"), as: UTF8.self).contains("name: \"Parks & Recreation\""))
        // The registry it makes can be audited (the new units still need maintainers: findings, not a broken registry).
        let audit = try herald.run(["audit", "--format", "json"])
        #expect(audit.status == 1, "\(audit.stderr)")
        // Run again: nothing is overwritten without --force.
        let again = try herald.run(["import", "accounts.csv"])
        #expect(again.status == 2 && again.stderr.contains("exists already; nothing was written"))
        #expect(try herald.run(["import", "accounts.csv", "--force"]).status == 0)
    }

    @Test func aRowThatCannotBeConvertedStopsTheImportWithItsNumber() throws {
        let herald = try HeraldProcess()
        defer { herald.remove() }
        let csv = "Platform,Handle,Unit\ninstagram,fairhavenparks,Parks\nMySpace,fairhaven,Parks\nx,,Parks\n"
        try Data(csv.utf8).write(to: herald.directory.appendingPathComponent("accounts.csv"))
        let run = try herald.run(["import", "accounts.csv"])
        #expect(run.status == 2)
        #expect(run.stderr.contains("accounts.csv:3:1: error: row 3: the platform is missing or not one Herald knows (MySpace)"))
        #expect(run.stderr.contains("accounts.csv:4:1: error: row 4: neither a handle nor a profile link of x is given"))
        #expect(!FileManager.default.fileExists(atPath: herald.directory.appendingPathComponent("Inventory").path), "nothing is written")
        // A mapping names columns the defaults do not find.
        try Data("Kanal,Konto,Abteilung\ninstagram,fairhavenparks,Parks\n".utf8).write(to: herald.directory.appendingPathComponent("german.csv"))
        try Data("columns:\n  platform: Kanal\n  handle: Konto\n  unit: Abteilung\n".utf8).write(to: herald.directory.appendingPathComponent("map.yaml"))
        let mapped = try herald.run(["import", "german.csv", "--map", "map.yaml"])
        #expect(mapped.status == 0, "\(mapped.stderr)")
        #expect(FileManager.default.fileExists(atPath: herald.directory.appendingPathComponent("Inventory/accounts/parks/instagram-fairhavenparks.yaml").path))
    }

    @Test func theAccountsTableRoundTripsThroughImport() throws {
        let herald = try HeraldProcess.withShippedInventory()
        defer { herald.remove() }
        let exported = try herald.run(["export", "--format", "csv", "--output", "accounts.csv"])
        #expect(exported.status == 0 && exported.stdout.hasPrefix("Wrote accounts.csv: "))
        let table = try herald.file("accounts.csv")
        #expect(table.starts(with: [0xEF, 0xBB, 0xBF]), "a byte order mark, so that Excel reads accents right")
        #expect(try herald.run(["import", "accounts.csv", "--inventory", "Copy"]).status == 0)
        #expect(try herald.run(["export", "--inventory", "Copy", "--output", "again.csv"]).status == 0)
        let rows = { (data: Data) in Set(String(decoding: data, as: UTF8.self).components(separatedBy: "\r\n")) }
        #expect(rows(try herald.file("again.csv")) == rows(table), "export, import, export gives the same table")
    }
}
