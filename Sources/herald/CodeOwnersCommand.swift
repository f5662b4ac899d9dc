import ArgumentParser
import Foundation
import HeraldCore
import HeraldReports

/// `herald codeowners`: code review enforces who may change what.
struct CodeOwnersCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "codeowners",
        abstract: "Print the CODEOWNERS section for the registry, or check that a CODEOWNERS file has it.",
        discussion: """
            Each Inventory/accounts/<unit>/ folder is owned by its unit's maintainers (the nearest parent \
            unit's, where none of its own can review), the rest of the inventory by herald.yaml's \
            registry_owners, by their github: or gitlab: user names in people.yaml. Paste the section into \
            .github/CODEOWNERS (GitHub) or CODEOWNERS (GitLab); --check FILE exits 1 when the section in \
            FILE is missing or out of date, for the nightly job.
            """,
        version: HeraldVersion.current)

    @Option(help: "The inventory folder, as a path from the repository's top folder.")
    var inventory = "Inventory"

    @Option(help: "github or gitlab (default: herald.yaml's code_host, else github).")
    var host: CodeHost?

    @Option(help: ArgumentHelp("A CODEOWNERS file whose herald section must be as generated (exit 1 when not).", valueName: "file"))
    var check: String?

    func run() throws {
        let registry = try Outcome.loadRegistry(inventory)
        let section = CodeOwners.section(registry, inventory: inventory, host: host ?? registry.organisation.codeHost ?? .github)
        guard let check else {
            print(section, terminator: "")
            return
        }
        guard let data = FileManager.default.contents(atPath: check), let text = String(data: data, encoding: .utf8) else {
            Console.error(TerminalText.safe("herald: error: \(check) cannot be read"))
            throw ExitCode(2)
        }
        guard let current = CodeOwners.current(in: text) else {
            print(TerminalText.safe("\(check) has no herald section: paste the output of `herald codeowners` into it"))
            throw ExitCode(1)
        }
        guard current == section else {
            print(TerminalText.safe("\(check): the herald section is out of date (people, units or maintainers changed): replace it with the output of `herald codeowners`"))
            throw ExitCode(1)
        }
        print(TerminalText.safe("\(check): the herald section is up to date"))
    }
}

extension CodeHost: ExpressibleByArgument {}
