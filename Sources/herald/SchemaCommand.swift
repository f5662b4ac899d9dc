import ArgumentParser
import Foundation
import HeraldCore
import HeraldReports
import HeraldRules

/// `herald schema`: JSON Schema for editors, from the loader's own field definitions.
struct Schema: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write JSON Schema for the registry's files, for editors that check YAML as you type.",
        discussion: """
            Writes account.schema.json, herald.schema.json, people.schema.json, unit.schema.json and \
            impostors.schema.json (JSON Schema draft-07, what the YAML language server in VS Code and \
            JetBrains' IDEs read) into FOLDER, from the same field definitions Herald's loader checks: keys, \
            types, the platforms and statuses, dates, required keys, no other keys, and each key's meaning \
            as hover help. An editor then flags a misspelt key or an impossible date before a commit; what a \
            schema cannot see (units, people, file names, every rule) is still herald check's. With \
            --vscode, also prints the .vscode/settings.json that maps each schema to its files \
            (docs/editors.md).
            """,
        version: HeraldVersion.current)

    @Option(help: ArgumentHelp("The folder the schemas are written to (created when missing; the five files replaced).", valueName: "folder"))
    var output = "schema"

    @Option(help: ArgumentHelp("With --vscode: the inventory folder, as a path from the repository's top.", valueName: "folder"))
    var inventory = InventoryLocation.defaultFolder

    @Flag(help: "Print the VS Code setting (yaml.schemas) for these schemas and --inventory.")
    var vscode = false

    func run() throws {
        let ruleIDs = RuleCatalog.all.map(\.description.id)
        do {
            try FileManager.default.createDirectory(atPath: output, withIntermediateDirectories: true)
            for file in InventorySchema.files(ruleIDs: ruleIDs) {
                let path = URL(fileURLWithPath: output).appendingPathComponent(file.name)
                try Data(InventorySchema.text(of: file).utf8).write(to: path, options: .atomic)
                Console.error(TerminalText.safe("Wrote \(output)/\(file.name) (for \(inventory)/\(file.glob))"))
            }
        } catch {
            Console.error(TerminalText.safe("herald: error: the schemas could not be written to \(output): \(error.localizedDescription)"))
            throw Outcome.reportNotWritten.exitCode
        }
        if vscode { print(EditorSettings.vscode(schemaFolder: output, inventory: inventory, ruleIDs: ruleIDs), terminator: "") }
    }
}
