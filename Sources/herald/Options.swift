import ArgumentParser
import Foundation
import HeraldCore
import HeraldExports
import HeraldGit
import HeraldReports

/// Options every auditing command shares.
struct AuditOptions: ParsableArguments {
    @OptionGroup var location: InventoryOption
    var inventory: String { location.inventory }

    @Option(help: "Exit 1 when a finding is at or above this severity: error, warning or never.")
    var failOn: FailThreshold = .error

    @Option(help: "The audit date, YYYY-MM-DD (default: today). Reports depend on nothing else that changes.", transform: CalendarDate.argument)
    var asOf: CalendarDate?

    @Option(help: ArgumentHelp("A baseline (herald baseline write): the findings it holds are shown apart and do not count.", valueName: "file"))
    var baseline: String?

    @Flag(help: "Exit 1 when a baseline entry matches no finding any more, so that the baseline only shrinks.")
    var failOnUnmatchedBaseline = false

    @Option(name: .customLong("export"), help: ArgumentHelp("A tool's account list (CSV or JSON) to reconcile the registry with; repeat for several.", valueName: "file"))
    var exports: [String] = []

    @Option(help: ArgumentHelp("How to read the exports' columns (a YAML mapping; see docs/reconcile.md).", valueName: "file"))
    var exportMap: String?

    /// The exports of `--export`, or nil without any; an export or a mapping that cannot be read stops the
    /// command (exit 2) with its row and column.
    func readExports() throws -> [ToolExport]? {
        guard !exports.isEmpty else { return nil }
        let mapping = try exportMap.map { path in try Outcome.readOrStop("the export mapping") { () throws(ProblemList) in try ExportMapping.read(path) } }
            ?? ExportMapping()
        return try exports.map { path in try Outcome.readOrStop("the export") { () throws(ProblemList) in try ExportReader.read(path, mapping: mapping) } }
    }

    @Flag(help: "Read the inventory's git history: review dates no commit recorded, and (with reviews_from_git in herald.yaml) review dates from Reviewed-by: trailers.")
    var git = false

    /// Git's record of the account files with `--git`, or nil; git that cannot answer stops the command
    /// (exit 2) rather than give a wrong date.
    func readHistory() async throws -> ReviewHistory? {
        guard git else { return nil }
        return try await Self.readHistory(inventory: inventory)
    }

    /// Git's record of the account files of `inventory`, or exit 2 with git's trouble.
    static func readHistory(inventory: String) async throws -> ReviewHistory {
        do {
            return try await GitHistory.read(inventory: inventory)
        } catch {
            Console.error(TerminalText.safe("herald: error: --git: \(error.description)"))
            throw Outcome.auditCouldNotRun.exitCode
        }
    }

    func validateBaseline() throws {
        if exportMap != nil && exports.isEmpty { throw ValidationError("--export-map needs --export FILE") }
        if failOnUnmatchedBaseline && baseline == nil { throw ValidationError("--fail-on-unmatched-baseline needs --baseline FILE") }
    }

    /// The baseline of `--baseline`, or nil; a baseline that cannot be read stops the command (exit 2).
    func readBaseline() throws -> Baseline? {
        guard let baseline else { return nil }
        return try Outcome.readOrStop("the baseline") { () throws(ProblemList) in try BaselineReader.read(baseline) }
    }

    /// Whether the audit fails (exit 1): findings that count at or above `--fail-on` among `findings`
    /// (only new ones when `newOnly`), or with `--fail-on-unmatched-baseline` a baseline entry that matches
    /// nothing.
    func failed(_ findings: some Sequence<Finding>, newOnly: Bool, baseline: BaselineOutcome?) -> Bool {
        if failOnUnmatchedBaseline, let baseline, !baseline.unmatched.isEmpty { return true }
        guard let threshold = failOn.severity else { return false }
        return findings.contains { $0.severity >= threshold && $0.counts && (!newOnly || $0.change == .new) }
    }

    /// The audit date: `--as-of`, or today on this machine's calendar (the only place time enters).
    var auditDate: CalendarDate { asOf ?? Self.today }

    /// Today on this machine's calendar: the one place time enters when `--as-of` is not given.
    static var today: CalendarDate {
        let today = Calendar.current.dateComponents([.year, .month, .day], from: Date())
        return CalendarDate(year: today.year!, month: today.month!, day: today.day!)!
    }
}

enum FailThreshold: String, ExpressibleByArgument, CaseIterable {
    case error, warning, never

    var severity: Severity? {
        switch self {
        case .error: return .error
        case .warning: return .warning
        case .never: return nil
        }
    }
}

extension CalendarDate: ExpressibleByArgument {
    public init?(argument: String) {
        self.init(argument)
    }

    /// `--as-of`'s reading: the date, or a usage error that says what is wrong with it (ArgumentParser
    /// alone would only say the value is invalid).
    static func argument(_ text: String) throws -> CalendarDate {
        if let reason = CalendarDate.reason(rejecting: text) { throw ValidationError("\(text) is not a day: \(reason)") }
        return CalendarDate(text)!
    }
}
