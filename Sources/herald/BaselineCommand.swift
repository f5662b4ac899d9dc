import ArgumentParser
import Foundation
import HeraldCore
import HeraldReports
import HeraldRules

/// `herald baseline`: the findings an organisation accepts when it adopts Herald.
struct BaselineCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "baseline",
        abstract: "Record the current findings, so that audits with --baseline count only new ones.",
        discussion: """
            An organisation that adopts Herald on a registry that does not yet meet its policy starts with \
            many findings. herald baseline write records them; herald audit and herald check with \
            --baseline FILE then show them apart and fail only on new ones, and \
            --fail-on-unmatched-baseline makes the baseline only shrink (docs/workflows.md).
            """,
        version: HeraldVersion.current,
        subcommands: [Write.self])

    /// `herald baseline write FILE`.
    struct Write: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Audit the registry and write every finding that counts into a baseline file.",
            discussion: """
                The file is YAML, one finding per line, sorted: commit it and review changes to it like any file. \
                It holds rule ids, file paths, account ids, keys and fingerprints, never a message or a value \
                from the registry. Waived findings are left out: their waivers excuse them already.
                """,
            version: HeraldVersion.current)

        @Argument(help: ArgumentHelp("The baseline file to write (replaced when it exists).", valueName: "file"))
        var file: String

        @OptionGroup var location: InventoryOption
        var inventory: String { location.inventory }

        @Option(help: "The audit date, YYYY-MM-DD (default: today).", transform: CalendarDate.argument)
        var asOf: CalendarDate?

        @Flag(help: "Audit with the inventory's git history, as the audits that will use the baseline do (give it when they run with --git).")
        var git = false

        func run() async throws {
            let history = git ? try await AuditOptions.readHistory(inventory: inventory) : nil
            let registry = try Outcome.loadRegistry(inventory, given: location.isGiven)
            let date = asOf ?? AuditOptions.today
            let result = Auditor(asOf: date, history: history).audit(registry)
            let entries = Baseline.entries(of: result)
            let text = BaselineText.render(entries, organisation: result.organisation)
            do {
                // Written beside and renamed over: a reader never sees half a baseline.
                try Data(text.utf8).write(to: URL(fileURLWithPath: file), options: .atomic)
            } catch {
                Console.error(TerminalText.safe("herald: error: the baseline \(file) could not be written: \(error.localizedDescription)"))
                throw Outcome.reportNotWritten.exitCode
            }
            print("Wrote \(TerminalText.safe(file)): \(AuditSummaryText.count(entries.count, "finding")) of \(AuditSummaryText.count(result.accountCount, "account")) as of \(date).")
            print("Commit it, and run `herald audit --baseline \(TerminalText.safe(file))` (or `herald check --baseline …`): only findings not in it count.")
        }
    }
}
