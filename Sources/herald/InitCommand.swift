import ArgumentParser
import Foundation
import HeraldCore
import HeraldReports
import HeraldRules

/// `herald init`: a new registry that passes its first audit, every file explained in comments.
struct Initialise: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Create a new inventory: herald.yaml, people.yaml, an example unit and account.",
        discussion: """
            Writes into FOLDER (default Inventory), which must not exist or must be empty: nothing is ever \
            overwritten. The standards are written out in herald.yaml with what each means; the example \
            people, unit and account are marked as examples, to replace with your own. herald audit passes \
            on the new inventory at once. A .gitignore with Reports/ and Directory/ (and their staging \
            folders and spares, .Reports.herald-* and .Directory.herald-*) is added beside it when there is \
            none.
            """,
        version: HeraldVersion.current)

    @Argument(help: ArgumentHelp("The inventory folder to create.", valueName: "folder"))
    var folder = "Inventory"

    @Option(help: "The organisation's name, as reports and the public directory show it.")
    var organisation: String

    @Option(help: "The date written as the example's last review and post, YYYY-MM-DD (default: today).", transform: CalendarDate.argument)
    var asOf: CalendarDate?

    func validate() throws {
        guard !organisation.trimmingCharacters(in: .whitespaces).isEmpty else { throw ValidationError("--organisation needs the organisation's name") }
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder), !isFolder.boolValue || !entries.isEmpty {
            throw ValidationError("\(folder) exists and is not an empty folder: herald init never overwrites; name a new folder")
        }
    }

    func run() throws {
        let date = (asOf ?? AuditOptions.today).description
        let name = BaselineText.quoted(organisation)
        let files: [(String, String)] = [
            ("herald.yaml", """
                # \(organisation)'s social media policy, as Herald checks it (docs/inventory-format.md).
                organisation: \(name)
                # E-mail domains that count as official (owners, recovery addresses): uncomment and set yours.
                # official_domains: [example.org]
                standards:                      # for every unit, unless a unit (or a parent) sets its own
                  min_owners: 2                 # named owners per account, all current staff
                  review_every_days: 365        # how old last_reviewed may be
                  require_archiving: false      # true: every account names its archiving service
                  require_two_factor: true      # two_factor: true on every account
                  require_vault: true           # credentials: names the vault entry, never the password
                  require_escalation_contact: true   # whom to call when staff are harassed
                  training_every_days: 365      # owners acknowledge the policy this often
                  # platforms: [x, instagram]   # the platforms units may use (default: all)
                  # handle_pattern: "^example"  # a regular expression every handle matches
                  # bio_must_include: ["Not monitored 24/7"]
                # rules:                        # change a rule's severity, or turn it off
                #   review-current: error

                """),
            ("people.yaml", """
                # Everyone who may own or maintain an official account. Set active: false when someone leaves,
                # and keep the entry. The two people below are EXAMPLES: replace them with your staff.
                - {id: example-owner, name: Example Owner, email: owner@example.org, policy_acknowledged: \(date)}
                - {id: example-deputy, name: Example Deputy, email: deputy@example.org, policy_acknowledged: \(date)}

                """),
            ("units/example-unit.yaml", """
                # An EXAMPLE unit: rename the file to your unit's id and fill in its name and maintainers.
                id: example-unit
                name: Example Department
                aliases: [Example Dept]
                maintainers: [example-owner]
                escalation: safety@example.org  # whom staff call about harassment or threats

                """),
            ("accounts/example-unit/x-exampledepartment.yaml", """
                # An EXAMPLE account: one file per official account, named <platform>-<handle>.yaml, in its
                # unit's folder. Replace it with a real account, or delete it.
                platform: x
                handle: ExampleDepartment
                url: https://x.com/ExampleDepartment
                unit: example-unit
                name: Example Department
                bio: "Official account of the Example Department. Not monitored 24/7."
                owners: [example-owner, example-deputy]
                status: active
                last_reviewed: \(date)
                two_factor: true
                credentials: "Vault: Communications / Example Department X"
                last_post: \(date)

                """),
        ]
        let ruleIDs = RuleCatalog.all.map(\.description.id)
        let schemas = InventorySchema.files(ruleIDs: ruleIDs)
        var wroteSettings = false
        do {
            for (path, text) in files {
                let url = URL(fileURLWithPath: folder).appendingPathComponent(path)
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                // The editor's modeline first: the YAML language server checks the file as it is typed.
                let schema = schemas.first { Initialise.matches(path, glob: $0.glob) }.map { EditorSettings.modeline(schema: schemaPath($0.name, from: path)) + "\n" } ?? ""
                // withoutOverwriting: a file that appeared meanwhile is kept, and the command fails.
                try Data((schema + text).utf8).write(to: url, options: .withoutOverwriting)
            }
            try FileManager.default.createDirectory(atPath: Initialise.schemaFolder, withIntermediateDirectories: true)
            for file in schemas where !FileManager.default.fileExists(atPath: Initialise.schemaFolder + "/" + file.name) {
                try Data(InventorySchema.text(of: file).utf8).write(to: URL(fileURLWithPath: Initialise.schemaFolder + "/" + file.name), options: .withoutOverwriting)
            }
            // Files beside the inventory are the repository's: written only when there are none.
            if !FileManager.default.fileExists(atPath: ".vscode/settings.json") {
                try FileManager.default.createDirectory(atPath: ".vscode", withIntermediateDirectories: true)
                try Data(EditorSettings.vscode(schemaFolder: Initialise.schemaFolder, inventory: inventoryFromHere, ruleIDs: ruleIDs).utf8)
                    .write(to: URL(fileURLWithPath: ".vscode/settings.json"), options: .withoutOverwriting)
                wroteSettings = true
            }
            if !FileManager.default.fileExists(atPath: ".gitignore") {
                try Data(("# Written by herald audit and herald publish: rebuilt on every run. Beside them while they are written,\n"
                          + "# and as a spare until the next run: .Reports.herald-* and .Directory.herald-*.\n"
                          + "Reports/\nDirectory/\n.Reports.herald-*\n.Directory.herald-*\n").utf8)
                    .write(to: URL(fileURLWithPath: ".gitignore"), options: .withoutOverwriting)
            }
        } catch {
            Console.error(TerminalText.safe("herald: error: \(folder) could not be created: \(error.localizedDescription)"))
            throw Outcome.reportNotWritten.exitCode
        }
        print(TerminalText.safe("Created \(folder)/ for \(organisation): herald.yaml, people.yaml, units/example-unit.yaml, accounts/example-unit/x-exampledepartment.yaml"))
        print("Editors: the files name their JSON Schema (in \(Initialise.schemaFolder)/, from `herald schema`); "
              + (wroteSettings ? "VS Code's YAML extension reads .vscode/settings.json (docs/editors.md)."
                               : ".vscode/settings.json exists and was left as it is: add the yaml.schemas that `herald schema --vscode --inventory \(TerminalText.safe(inventoryFromHere))` prints (docs/editors.md)."))
        print("Next: replace the examples with your people, units and accounts, then run `herald audit\(folder == "Inventory" ? "" : " --inventory " + TerminalText.safe(folder))`.")
    }

    /// Where `herald init` writes the schemas, beside the inventory (as `herald schema` does by default).
    static let schemaFolder = "schema"

    /// The schema's path as seen from the inventory file at `path` (inside `folder`), for its modeline:
    /// relative, so the repository can be cloned anywhere.
    private func schemaPath(_ name: String, from path: String) -> String {
        Initialise.relative(URL(fileURLWithPath: Initialise.schemaFolder).appendingPathComponent(name),
                            from: URL(fileURLWithPath: folder).appendingPathComponent(path).deletingLastPathComponent())
    }

    /// `target` as a path from the folder `base` (`../../schema/x.json`).
    private static func relative(_ target: URL, from base: URL) -> String {
        let to = target.standardizedFileURL.pathComponents, from = base.standardizedFileURL.pathComponents
        let shared = zip(to, from).prefix { $0 == $1 }.count
        return (Array(repeating: "..", count: from.count - shared) + to.dropFirst(shared)).joined(separator: "/")
    }

    /// Whether `path` (inside the inventory) is one of the files `glob` (`accounts/**/*.yaml`) describes.
    static func matches(_ path: String, glob: String) -> Bool {
        if glob == path { return true }
        if glob.hasPrefix("accounts/") { return path.hasPrefix("accounts/") }
        if glob.hasPrefix("units/") { return path.hasPrefix("units/") }
        return false
    }

    /// The inventory folder as a path from the working folder (the repository's top, where VS Code opens
    /// the workspace), for the settings file.
    private var inventoryFromHere: String {
        guard folder.hasPrefix("/") else { return folder }
        return Initialise.relative(URL(fileURLWithPath: folder), from: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
    }
}
