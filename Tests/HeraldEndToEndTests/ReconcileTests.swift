import Foundation
import HeraldRules
import Testing

/// `herald reconcile`: the registry against the tools' exports, as the communications office runs it on
/// the shipped inventory and on exports as spreadsheet programs and tools write them.
@Suite struct ReconcileTests {
    static let asOf = ["--as-of", "2026-11-24"]

    func findings(_ herald: HeraldProcess) throws -> [[String: Any]] {
        try herald.json("Reports/report.json")["findings"] as? [[String: Any]] ?? []
    }

    @Test func theShippedExportsTripEachReconcileRule() throws {
        let herald = try HeraldProcess.withShippedInventory()
        defer { herald.remove() }
        let run = try herald.run(["reconcile", "Inventory/exports/instagram-accounts.csv", "Inventory/exports/example-tool.csv",
                                  "--map", "Inventory/exports/example-tool-mapping.yaml", "--format", "json,junit"] + Self.asOf)
        #expect(run.status == 1, "\(run.stdout)\(run.stderr)")
        let found = try findings(herald)
        let reconcileRules = Set(RuleCatalog.all.filter(\.description.needsExports).map(\.description.id))
        #expect(Set(found.compactMap { $0["rule"] as? String }).isSuperset(of: reconcileRules))
        // Findings in an export point at its row and column.
        let unregistered = found.filter { $0["rule"] as? String == "tool-account-unregistered" && ($0["file"] as? String)?.hasSuffix("instagram-accounts.csv") == true }
        #expect(unregistered.map { "\($0["line"]!):\($0["column"]!)" } == ["13:2"], "line 13 (row 12: the bio of row 10 holds a line break), column 2 (handle)")
        let drift = try #require(found.first { $0["rule"] as? String == "bio-drift" })
        #expect(drift["file"] as? String == "Inventory/accounts/public-library/instagram-fairhavenlibrary.yaml" && drift["line"] as? Int == 6)
        let admins = found.filter { $0["rule"] as? String == "tool-admin-unregistered" }.compactMap { $0["message"] as? String }
        #expect(admins.contains { $0.hasPrefix("greg.foster@fairhaven.gov (Greg Foster) still has access") })
        #expect(admins.contains { $0.hasPrefix("summer.intern.2026@gmail.com has access to instagram @fairhavenparks") })
        #expect(!admins.contains { $0.contains("tom.brooks") }, "an owner in either file of a duplicated account counts")
        // JUnit carries them too, under the export's name.
        let junit = String(decoding: try herald.file("Reports/junit.xml"), as: UTF8.self)
        #expect(junit.contains("Inventory/exports/instagram-accounts.csv &#xB7; tool-account-unregistered"))
        // Without exports the rules look at nothing, and the audit is the plain one.
        #expect(try herald.run(["audit", "--format", "json"] + Self.asOf).status == 1)
        #expect(try findings(herald).allSatisfy { !reconcileRules.contains($0["rule"] as? String ?? "") })
    }

    @Test func exportsAsSpreadsheetsWriteThemAreRead() throws {
        let herald = try HeraldProcess.withShippedInventory()
        defer { herald.remove() }
        // A byte order mark, CRLF, semicolons, a quoted field with a line break and a quote, columns in another order.
        let csv = "\u{FEFF}Status;Admins;Handle;Platform;Bio\r\n"
            + "connected;jane.doe@fairhaven.gov;cityoffairhaven;instagram;\"Line one\r\nsays \"\"hi\"\"\"\r\n"
            + "Disconnected;;fairhavenfire;Instagram;\r\n"
        try Data(csv.utf8).write(to: herald.directory.appendingPathComponent("export.csv"))
        #expect(try herald.run(["reconcile", "export.csv", "--format", "json"] + Self.asOf).status == 1)
        let found = try findings(herald)
        #expect(found.contains { $0["rule"] as? String == "tool-disconnected" && $0["line"] as? Int == 4 && $0["column"] as? Int == 1 },
                "row 3 starts on line 4: the quoted line break does not start a row of its own")
        #expect(found.contains { $0["rule"] as? String == "registered-account-vanished" })
        // JSON: a list of objects with the format's keys.
        let json = #"[{"platform": "instagram", "handle": "fairhavenfire", "status": "disconnected"}, {"platform": "x", "url": "https://x.com/SomeoneElse"}]"#
        try Data(json.utf8).write(to: herald.directory.appendingPathComponent("export.json"))
        #expect(try herald.run(["reconcile", "export.json", "--format", "json"] + Self.asOf).status == 1)
        #expect(try findings(herald).contains { $0["rule"] as? String == "tool-account-unregistered" && ($0["message"] as? String)?.hasPrefix("x @SomeoneElse") == true })
    }

    @Test func aMalformedExportIsAClearErrorWithItsRowAndColumn() throws {
        let herald = try HeraldProcess.withShippedInventory()
        defer { herald.remove() }
        let cases: [(name: String, text: String, expected: String)] = [
            ("fields.csv", "platform,handle\ninstagram,fairhavenfire\nx,a,b\n", "fields.csv:3:3: error: row 3 has 3 fields and the header 2"),
            ("quote.csv", "platform,handle\ninstagram,fairhavenfire\ninstagram,\"fair\"haven\n", "quote.csv:3:1: error: line 3 cannot be read as CSV"),
            ("columns.csv", "network,who\ninstagram,x\n", "columns.csv:1:1: error: no column holds the handle or the profile url"),
            ("platform.csv", "platform,handle\nMySpace,fairhaven\n", "platform.csv:2:1: error: \"MySpace\" is not a platform Herald knows"),
            ("unclosed.csv", "platform,handle,bio\r\ninstagram,fairhavenfire,\"Fire\r\ninstagram,fairhavenparks,Parks\r\n", "unclosed.csv:2:1: error: line 2 opens a quoted field that is never closed"),
            ("crlf.csv", "platform,handle\r\ninstagram,fairhavenfire\r\ninstagram,\"fair\"haven\"\r\n", "crlf.csv:3:1: error: line 3 cannot be read as CSV"),
        ]
        for (name, text, expected) in cases {
            try Data(text.utf8).write(to: herald.directory.appendingPathComponent(name))
            let run = try herald.run(["reconcile", name] + Self.asOf)
            #expect(run.status == 2, "\(name): \(run.stdout)")
            #expect(run.stderr.contains(expected), "\(name): \(run.stderr)")
            #expect(!FileManager.default.fileExists(atPath: herald.directory.appendingPathComponent("Reports").path), "nothing is written")
        }
        try Data("columns:\n  handel: Name\n".utf8).write(to: herald.directory.appendingPathComponent("map.yaml"))
        let map = try herald.run(["reconcile", "fields.csv", "--map=map.yaml"] + Self.asOf)
        #expect(map.status == 2 && map.stderr.contains("map.yaml:2:3: error: \"handel\" is not a field of an export"))
        #expect(try herald.run(["reconcile"] + Self.asOf).status == 64)
    }
}
