/// The outcome of an audit, and the one contract between the rule engine and every output: the findings
/// in report order, each account with its unit and findings, what each rule made of each account, plain
/// rule information and the counts that reports and exit codes are made from. Reports read this and
/// nothing else of the engine; none of them decides again what a rule checks.
public struct AuditResult: Sendable {
    /// Counts for one unit (or for an unknown unit that accounts name).
    public struct UnitSummary: Sendable, Equatable {
        public let id: String
        /// The unit's name; nil when no unit file defines it.
        public let name: String?
        public var accounts = 0
        /// Accounts with at least one finding that counts (not waived).
        public var failingAccounts = 0
        public var errors = 0
        public var warnings = 0
        /// Findings excused by a valid waiver: shown, but counted neither as errors nor as warnings.
        public var waived = 0
        /// Findings in the baseline (and not waived): shown apart, counted neither as errors nor as warnings.
        public var baselined = 0
    }

    /// The registry audited, with withheld text hidden: reports show its units, people and standards.
    public let registry: Registry
    public let organisation: String
    public let asOf: CalendarDate
    /// The rules that ran, in catalogue order, with the severity the organisation gives them.
    public let rules: [AuditedRule]
    /// Every finding, waived ones included, in report order (file, line, rule, column, message). An
    /// account's findings are one run of it (`AuditedAccount.findingRange`).
    public let findings: [Finding]
    /// Every account in registry order (`Registry.accounts`: folder by folder, files sorted).
    public let accounts: [AuditedAccount]
    /// Findings in the organisation files (`people.yaml`, unit files), in report order; also in `findings`.
    public let organisationFindings: [Finding]
    /// Errors and warnings that count: waived findings are not among them.
    public let errorCount: Int
    public let warningCount: Int
    /// Findings excused by a valid waiver.
    public let waivedCount: Int
    /// Findings in the baseline that no waiver excuses.
    public let baselinedCount: Int
    /// What changed since the audit compared with (`--compare-to`, `--changed-since`); nil without one.
    public internal(set) var changes: AuditChanges?
    /// How the baseline (`--baseline`) matched; nil without one.
    public internal(set) var baseline: BaselineOutcome?
    /// The counts of earlier audits and this one (`--history`); nil without a history file.
    public internal(set) var trend: AuditTrend?
    /// Every unit with a file, and every unit an account names, sorted by id.
    public let units: [UnitSummary]
    /// `rules.count` outcomes per account, account after account.
    let outcomes: [RuleOutcome]

    /// - Parameters:
    ///   - accountFindings: each account's findings in report order, parallel to `registry.accounts`; every
    ///     finding of an account is in its file.
    ///   - outcomes: `rules.count` outcomes per account of `registry.accounts`, account after account.
    ///   - organisationFindings: findings in organisation files, in report order.
    public init(registry: Registry, asOf: CalendarDate, rules: [AuditedRule], accountFindings: consuming [[Finding]],
                outcomes: [RuleOutcome], organisationFindings: [Finding]) {
        precondition(accountFindings.count == registry.accounts.count && outcomes.count == registry.accounts.count * rules.count,
                     "one list of findings and one outcome per rule for each account")
        self.registry = registry
        organisation = registry.organisation.name
        self.asOf = asOf
        self.rules = rules
        self.outcomes = outcomes
        self.organisationFindings = organisationFindings

        let fileOrder = AuditResult.fileOrder(of: registry.accounts)
        var all: [Finding] = []
        all.reserveCapacity(accountFindings.reduce(0) { $0 + $1.count } + organisationFindings.count)
        var ranges = [Range<Int>](repeating: 0 ..< 0, count: registry.accounts.count)
        var organisationNext = 0
        for index in fileOrder {
            let own = accountFindings[index]
            if let first = own.first {
                // Organisation files that sort before this account's file come first.
                while organisationNext < organisationFindings.count, Finding.reportOrder(organisationFindings[organisationNext], first) {
                    all.append(organisationFindings[organisationNext])
                    organisationNext += 1
                }
            }
            ranges[index] = all.count ..< all.count + own.count
            all.append(contentsOf: own)
            accountFindings[index] = []  // each finding held once
        }
        all.append(contentsOf: organisationFindings[organisationNext...])
        findings = all

        var summaries: [String: UnitSummary] = [:]
        for unit in registry.units.values { summaries[unit.id] = UnitSummary(id: unit.id, name: unit.name) }
        var audited: [AuditedAccount] = []
        audited.reserveCapacity(registry.accounts.count)
        // Accounts come folder by folder: count a run of one unit's accounts before touching the dictionary.
        var current: UnitSummary?
        for (account, range) in zip(registry.accounts, ranges) {
            let key = AuditResult.unitKey(of: account)
            var errors = 0, warnings = 0, waived = 0, baselined = 0
            for finding in all[range] {
                if finding.isWaived {
                    waived += 1
                } else if finding.isBaselined {
                    baselined += 1
                } else if finding.severity == .error {
                    errors += 1
                } else {
                    warnings += 1
                }
            }
            audited.append(AuditedAccount(account: account, unitKey: key, findingRange: range, errors: errors, warnings: warnings))
            if current?.id != key {
                if let finished = current { summaries[finished.id] = finished }
                current = summaries[key] ?? UnitSummary(id: key, name: nil)
            }
            current!.accounts += 1
            if errors + warnings > 0 { current!.failingAccounts += 1 }
            current!.errors += errors
            current!.warnings += warnings
            current!.waived += waived
            current!.baselined += baselined
        }
        if let finished = current { summaries[finished.id] = finished }
        accounts = audited
        units = summaries.values.sorted { $0.id < $1.id }
        // The accounts' counts are in the unit summaries already; the organisation files' are added.
        let organisationErrors = organisationFindings.count { $0.severity == .error && $0.counts }
        let organisationWaived = organisationFindings.count { $0.isWaived }
        let organisationBaselined = organisationFindings.count { $0.isBaselined && !$0.isWaived }
        errorCount = units.reduce(organisationErrors) { $0 + $1.errors }
        warningCount = units.reduce(organisationFindings.count - organisationErrors - organisationWaived - organisationBaselined) { $0 + $1.warnings }
        waivedCount = units.reduce(organisationWaived) { $0 + $1.waived }
        baselinedCount = units.reduce(organisationBaselined) { $0 + $1.baselined }
    }

    /// The positions of `accounts` in file order (by path). Accounts come folder by folder, which is file
    /// order unless a folder name sorts around "/" (`a-b/` sorts before `a/`): then the runs of accounts
    /// already in order are put in order by their first file, and the result checked. Only a registry
    /// whose runs interleave is sorted account by account: sorting 100,000 paths that share long prefixes
    /// was 50 ms of the audit's one-core stretch, where ordering 2,000 folder runs takes well under one.
    static func fileOrder(of accounts: [Account]) -> [Int] {
        var runs: [Range<Int>] = []
        var start = 0
        for position in accounts.indices.dropFirst() where !(accounts[position - 1].file < accounts[position].file) {
            runs.append(start ..< position)
            start = position
        }
        runs.append(start ..< accounts.count)
        guard runs.count > 1 else { return Array(accounts.indices) }
        let order = runs.sorted { accounts[$0.lowerBound].file < accounts[$1.lowerBound].file }.flatMap { $0 }
        let inOrder = zip(order, order.dropFirst()).allSatisfy { accounts[$0].file < accounts[$1].file }
        return inOrder ? order : accounts.indices.sorted { accounts[$0].file < accounts[$1].file }
    }

    /// The unit an account counts under in every report: the unit it names, else the folder it sits in,
    /// else `(none)`. The one definition: summaries, HTML sections, JUnit class names and the step
    /// summary all group by it.
    public static func unitKey(of account: Account) -> String {
        unitKey(unit: account.unitOrFolder)
    }

    /// `unit`, or `(none)` for an account that names no unit and sits in no folder.
    public static func unitKey(unit: String?) -> String {
        unit ?? "(none)"
    }

    public var accountCount: Int { accounts.count }

    /// The inventory folder as every file path of the audit starts with it (`Inventory`, `./Inventory`,
    /// an absolute path): `herald.yaml`'s folder.
    public var inventory: String { registry.inventory }

    /// The account's findings in report order, waived ones included.
    public func findings(of account: AuditedAccount) -> ArraySlice<Finding> {
        findings[account.findingRange]
    }

    /// What the rule at `rule` (an index into `rules`) made of the account at `account` (an index into
    /// `accounts`).
    public func outcome(ofRule rule: Int, onAccount account: Int) -> RuleOutcome {
        outcomes[account * rules.count + rule]
    }

    /// The audit in one word, for report headers: `passed` (no findings), `warnings` (warnings only) or
    /// `failed` (at least one error). The exit code also depends on `--fail-on`.
    public var verdict: Verdict {
        errorCount > 0 ? .failed : warningCount > 0 ? .warnings : .passed
    }

    /// `passed` (no findings), `warnings` (warnings only), `failed` (at least one error).
    public enum Verdict: String, Sendable {
        case passed, warnings, failed
    }

    /// Accounts with at least one finding that counts (not waived).
    public var failingAccountCount: Int { units.reduce(0) { $0 + $1.failingAccounts } }

    /// Findings that count (neither waived nor in the baseline) at or above `threshold`, only new ones
    /// when `newOnly` (`--count new`): what decides exit code 1.
    public func hasFindings(atOrAbove threshold: Severity, newOnly: Bool = false) -> Bool {
        findings.contains { $0.severity >= threshold && $0.counts && (!newOnly || $0.change == .new) }
    }
}
