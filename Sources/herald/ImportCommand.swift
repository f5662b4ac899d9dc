import ArgumentParser
import Foundation
import HeraldCore
import HeraldExports
import HeraldReports

/// `herald import`: from the office's spreadsheet to a registry.
struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Turn a spreadsheet of accounts (CSV) into account files, and the units and people it names.",
        discussion: """
            Columns are matched to the format's keys without regard to letter case or spaces (Platform, Handle, \
            URL or Profile link, Unit or Department, Owners separated by ; or ,, Bio, Name, Status, …); --map \
            names the others. Every row that cannot be converted is reported with its number and why, and then \
            nothing is written. An existing file is never overwritten without --force. New people are added to \
            a new people.yaml, or listed to add by hand when there is one.
            """,
        version: HeraldVersion.current)

    @Argument(help: ArgumentHelp("The spreadsheet, saved as CSV.", valueName: "file.csv"))
    var file: String

    @Option(name: .customLong("inventory"),
            help: ArgumentHelp("The inventory folder (default: the one found as the other commands find it, else Inventory; created when missing, with herald init's herald.yaml if it has none).", valueName: "folder"))
    var givenInventory: String?
    var inventory: String { givenInventory ?? InventoryOption.found }

    @Option(help: ArgumentHelp("A YAML mapping: `columns:` with an account key and the spreadsheet's column name for it.", valueName: "file"))
    var map: String?

    @Flag(help: "Replace account and unit files that exist already.")
    var force = false

    func run() throws {
        let mapping: [String: String] = try map.map { path in
            try Outcome.readOrStop("the mapping") { () throws(ProblemList) -> [String: String] in
                guard let data = FileManager.default.contents(atPath: path) else {
                    throw ProblemList([Problem(file: path, location: .startOfFile, message: "the mapping cannot be read: check the path")])
                }
                let document = try YAMLDocument(Array(data), file: path)
                var columns: [String: String] = [:]
                for entry in document.entries.first(where: { $0.key == "columns" })?.value.entries ?? [] { columns[entry.key] = entry.value.text ?? "" }
                return columns
            }
        } ?? [:]
        let table = try Outcome.readOrStop("the spreadsheet") { () throws(ProblemList) in try ExportReader.table(file) }
        let existing = FileManager.default.fileExists(atPath: inventory + "/herald.yaml") ? try Outcome.loadRegistry(inventory) : nil
        let made = try Outcome.readOrStop("the spreadsheet") { () throws(ProblemList) in
            try AccountImport.files(header: table.header, rows: table.rows, file: file, mapping: mapping,
                                    units: existing?.units ?? [:], people: existing.map { Array($0.people.values) } ?? [])
        }
        var files = made.accounts + made.units
        let peopleFile = inventory + "/people.yaml"
        let peopleExists = FileManager.default.fileExists(atPath: peopleFile)
        if !made.people.isEmpty && !peopleExists {
            files.append(AccountImport.File(path: "people.yaml", text: "# Made by herald import: check each person's name and e-mail.\n" + made.people.map(Self.line).joined()))
        }
        if existing == nil && !FileManager.default.fileExists(atPath: inventory + "/herald.yaml") {
            files.append(AccountImport.File(path: "herald.yaml", text: "organisation: \(YAMLDocument.quoted("(your organisation)"))\n# See herald init for every standard, explained.\n"))
        }
        let clashes = files.filter { FileManager.default.fileExists(atPath: inventory + "/" + $0.path) && !($0.path == "people.yaml") }
        if !clashes.isEmpty && !force {
            for clash in clashes { Console.error(TerminalText.safe("\(inventory)/\(clash.path): exists already; nothing was written: give --force to replace it, or remove its row")) }
            throw Outcome.auditCouldNotRun.exitCode
        }
        do {
            for made in files {
                let url = URL(fileURLWithPath: inventory).appendingPathComponent(made.path)
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(made.text.utf8).write(to: url, options: .atomic)
            }
        } catch {
            Console.error(TerminalText.safe("herald: error: the files could not be written: \(error.localizedDescription)"))
            throw Outcome.reportNotWritten.exitCode
        }
        print(TerminalText.safe("Imported \(AuditSummaryText.count(made.accounts.count, "account")) into \(inventory)/accounts/, "
                                + "\(AuditSummaryText.count(made.units.count, "new unit")), \(AuditSummaryText.count(made.people.count, "new person", plural: "new people"))."))
        if !made.people.isEmpty && peopleExists {
            print(TerminalText.safe("Add these people to \(peopleFile):"))
            for person in made.people { print(TerminalText.safe(Self.line(person)), terminator: "") }
        }
        print(TerminalText.safe("Next: give the new units their maintainers, then run `herald audit\(inventory == "Inventory" ? "" : " --inventory " + inventory)`."))
    }

    static func line(_ person: AccountImport.NewPerson) -> String {
        "- {id: \(person.id), name: \(YAMLDocument.quoted(person.name))" + (person.email.map { ", email: \(YAMLDocument.quoted($0))" } ?? "")
            + ", unit: \(person.unit)}\n"
    }
}
