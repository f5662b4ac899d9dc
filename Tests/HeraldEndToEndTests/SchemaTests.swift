import Foundation
import HeraldCore
import HeraldRules
import Testing

/// `herald schema` checked with a real JSON Schema validator (check-jsonschema, which reads YAML as the
/// YAML language server does): it agrees with Herald's loader on the shipped inventory, on every
/// `inventory-schema` failing example a schema of one file can see, and on a wrong value of every key of
/// an account file.
@Suite(.serialized) struct SchemaTests {
    let asOf = ["--as-of", "2026-11-24"]

    /// Whether check-jsonschema is on the PATH (.ci/run installs it with pip).
    static let validatorAvailable: Bool = {
        let probe = Process()
        probe.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        probe.arguments = ["check-jsonschema", "--version"]
        probe.standardOutput = FileHandle.nullDevice
        probe.standardError = FileHandle.nullDevice
        // CI (.ci/run) requires it: a validator that went missing there must fail the run, not skip.
        let required = ProcessInfo.processInfo.environment["HERALD_REQUIRE_SCHEMA_VALIDATOR"] == "1"
        guard (try? probe.run()) != nil else { return required }
        probe.waitUntilExit()
        if probe.terminationStatus != 0 && !required { print("check-jsonschema is not installed: the schema tests that need it are skipped (pip install check-jsonschema)") }
        return probe.terminationStatus == 0 || required
    }()

    /// check-jsonschema's verdict on `files` (paths relative to `herald`'s folder): the files it rejects.
    private func rejected(_ files: [String], schema: String, in herald: HeraldProcess) throws -> Set<String> {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["check-jsonschema", "--output-format", "json", "--schemafile", schema] + files
        process.currentDirectoryURL = herald.directory
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let report = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any], "check-jsonschema gave no JSON: is it installed?")
        let parseErrors = (report["parse_errors"] as? [[String: Any]] ?? []).compactMap { $0["filename"] as? String }
        let errors = (report["errors"] as? [[String: Any]] ?? []).compactMap { $0["filename"] as? String }
        return Set(parseErrors + errors)
    }

    @Test(.enabled(if: SchemaTests.validatorAvailable, "check-jsonschema is not installed")) func theSchemasAreValidDraft07AndTheShippedInventoryIsJudgedAsHeraldJudgesIt() throws {
        let herald = try HeraldProcess.withShippedInventory()
        defer { herald.remove() }
        let written = try herald.run(["schema", "--output", "schema"])
        #expect(written.status == 0, "\(written.stderr)")
        let names = ["account", "herald", "people", "unit", "impostors"]
        for name in names {
            let meta = Process()
            meta.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            meta.arguments = ["check-jsonschema", "--check-metaschema", "schema/\(name).schema.json"]
            meta.currentDirectoryURL = herald.directory
            meta.standardOutput = FileHandle.nullDevice
            try meta.run()
            meta.waitUntilExit()
            #expect(meta.terminationStatus == 0, "\(name).schema.json is not valid JSON Schema")
        }
        // What Herald's loader reports in each file: schema problems, and keys that hold a secret (a key
        // no format allows, which no-secrets reports instead).
        let check = try herald.run(["check"] + asOf)
        let judged = Set(check.stdout.split(separator: "\n").filter { $0.contains("[inventory-schema]") || $0.contains("[no-secrets] key \"") }
            .map { String($0.prefix { $0 != ":" }) })
        let inventory = herald.directory.appendingPathComponent("Inventory")
        let accounts = try FileManager.default.subpathsOfDirectory(atPath: inventory.appendingPathComponent("accounts").path)
            .filter { $0.hasSuffix(".yaml") }.sorted().map { "Inventory/accounts/" + $0 }
        let units = try FileManager.default.contentsOfDirectory(atPath: inventory.appendingPathComponent("units").path).sorted().map { "Inventory/units/" + $0 }
        var failing = try rejected(accounts, schema: "schema/account.schema.json", in: herald)
        failing.formUnion(try rejected(["Inventory/herald.yaml"], schema: "schema/herald.schema.json", in: herald))
        failing.formUnion(try rejected(["Inventory/people.yaml"], schema: "schema/people.schema.json", in: herald))
        failing.formUnion(try rejected(units, schema: "schema/unit.schema.json", in: herald))
        failing.formUnion(try rejected(["Inventory/impostors.yaml"], schema: "schema/impostors.schema.json", in: herald))
        #expect(failing == judged)
        #expect(failing.count >= 4, "the shipped inventory shows schema faults on purpose")
    }

    @Test(.enabled(if: SchemaTests.validatorAvailable, "check-jsonschema is not installed")) func everyFailingExampleOfInventorySchemaThatOneFileShowsFailsTheSchema() throws {
        let herald = try HeraldProcess()
        defer { herald.remove() }
        #expect(try herald.run(["schema", "--output", "schema"]).status == 0)
        var expected: [String: Bool] = [:]
        for (number, example) in InventorySchemaRule.description.failing.enumerated() {
            let file = "example-\(number).yaml"
            try example.text.write(to: herald.directory.appendingPathComponent(file), atomically: true, encoding: .utf8)
            // Where a file sits and how it is named is beyond a schema of its contents.
            let messages = try ExampleRunner.findings(of: InventorySchemaRule(), on: example).map(\.message)
            expected[file] = !messages.allSatisfy { $0.contains("does not match the folder") || $0.contains("file name does not match") }
        }
        let failing = try rejected(expected.keys.sorted(), schema: "schema/account.schema.json", in: herald)
        for (file, visible) in expected.sorted(by: { $0.key < $1.key }) {
            #expect(failing.contains(file) == visible, "\(file)")
        }
        #expect(expected.values.filter { $0 }.count >= 8)
    }

    @Test(.enabled(if: SchemaTests.validatorAvailable, "check-jsonschema is not installed")) func aWrongValueOfEveryAccountKeyFailsBothHeraldAndTheSchema() throws {
        let herald = try HeraldProcess()
        defer { herald.remove() }
        #expect(try herald.run(["init", "Inventory", "--organisation", "Fairhaven"] + asOf).status == 0)
        let folder = herald.directory.appendingPathComponent("Inventory/accounts/example-unit")
        let example = try String(contentsOf: folder.appendingPathComponent("x-exampledepartment.yaml"), encoding: .utf8)
        var files: [String: (key: String, line: Int)] = [:]
        for (number, field) in InventoryFormat.account.enumerated() {
            let wrong: String
            switch field.kind {
            case .text: wrong = "[one, two]"
            case .date: wrong = "2026-02-30"
            case .boolean: wrong = "maybe"
            case .wholeNumber: wrong = "-1"
            case .choice: wrong = "nonsense"
            case .list, .listOf, .keyed, .mapping: wrong = "just-text"
            }
            let lines = example.split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.hasPrefix(field.key + ":") }
            let text = lines.joined(separator: "\n").trimmingCharacters(in: .newlines) + "\n\(field.key): \(wrong)\n"
            let name = "x-exampledepartment\(number).yaml"
            try text.write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8)
            files["Inventory/accounts/example-unit/" + name] = (field.key, text.split(separator: "\n").count)
        }
        let check = try herald.run(["check"] + asOf)
        let failing = try rejected(files.keys.sorted(), schema: "schema/account.schema.json", in: herald)
        for (file, place) in files.sorted(by: { $0.key < $1.key }) {
            #expect(check.stdout.contains("\(file):\(place.line):"), "Herald accepts a wrong \(place.key)")
            #expect(failing.contains(file), "the schema accepts a wrong \(place.key)")
        }
        // And the example as written passes both.
        #expect(try rejected(["Inventory/accounts/example-unit/x-exampledepartment.yaml"], schema: "schema/account.schema.json", in: herald).isEmpty)
    }

    @Test func theFormatDocumentListsExactlyTheKeysTheLoaderReads() throws {
        let document = try String(contentsOf: HeraldProcess.fixtures.deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("docs/inventory-format.md"), encoding: .utf8)
        // Each section's first table: the keys in its first column (`a`, `b` counts as two).
        func keys(after heading: String) throws -> Set<String> {
            let start = try #require(document.range(of: heading)).upperBound
            let rows = document[start...].split(separator: "\n").drop { !$0.hasPrefix("| key") }.dropFirst(2).prefix { $0.hasPrefix("|") }
            return Set(rows.flatMap { row in
                row.split(separator: "|").first.map { cell in cell.split(separator: ",").map { $0.trimmingCharacters(in: CharacterSet(charactersIn: " `")) } } ?? []
            })
        }
        #expect(try keys(after: "## `herald.yaml`") == Set(InventoryFormat.settings(ruleIDs: []).keys))
        #expect(try keys(after: "## `people.yaml`") == Set(InventoryFormat.person.keys))
        #expect(try keys(after: "## `units/<unit-id>.yaml`") == Set(InventoryFormat.unit.keys))
        #expect(try keys(after: "## Standards") == Set(InventoryFormat.standards.keys))
        #expect(try keys(after: "## `accounts/<unit-id>/") == Set(InventoryFormat.account.keys))
        #expect(try keys(after: "## `impostors.yaml`") == Set(InventoryFormat.impostor.keys))
        #expect(try keys(after: "## Waivers") == Set(InventoryFormat.waiver.keys))
    }

    @Test func initWritesTheSchemasTheModelinesAndTheVSCodeSettingThatFindThem() throws {
        let herald = try HeraldProcess()
        defer { herald.remove() }
        #expect(try herald.run(["init", "registry/Inventory", "--organisation", "Fairhaven"] + asOf).status == 0)
        let inventory = herald.directory.appendingPathComponent("registry/Inventory")
        let files = try FileManager.default.subpathsOfDirectory(atPath: inventory.path).filter { $0.hasSuffix(".yaml") }
        #expect(files.count == 4)
        for file in files {
            let url = inventory.appendingPathComponent(file)
            let first = try String(contentsOf: url, encoding: .utf8).split(separator: "\n").first.map(String.init) ?? ""
            let prefix = "# yaml-language-server: $schema="
            #expect(first.hasPrefix(prefix), "\(file) has no modeline")
            let schema = url.deletingLastPathComponent().appendingPathComponent(String(first.dropFirst(prefix.count))).standardizedFileURL
            #expect(FileManager.default.fileExists(atPath: schema.path), "\(file)'s modeline names \(schema.path)")
        }
        let settings = try #require(try JSONSerialization.jsonObject(with: herald.file(".vscode/settings.json")) as? [String: Any])
        let schemas = try #require(settings["yaml.schemas"] as? [String: [String]])
        #expect(schemas.count == 5)
        for (schema, globs) in schemas {
            #expect(FileManager.default.fileExists(atPath: herald.directory.appendingPathComponent(schema).path))
            #expect(globs.allSatisfy { $0.hasPrefix("registry/Inventory/") })
        }
        #expect(schemas["./schema/account.schema.json"] == ["registry/Inventory/accounts/**/*.yaml"])
        // The new registry passes its audit with the modelines in it, and init never overwrites.
        #expect(try herald.run(["audit", "--inventory", "registry/Inventory", "--format", "json"] + asOf).status == 0)
        #expect(try herald.run(["init", "registry/Inventory", "--organisation", "Fairhaven"] + asOf).status == 64)
    }
}
