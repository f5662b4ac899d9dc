import HeraldCore

/// The outcome of an audit: sorted findings and the counts reports and exit codes are made from.
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
    }

    /// The registry audited: reports show its accounts, units and standards beside the findings.
    public let registry: Registry
    public let organisation: String
    public let asOf: CalendarDate
    /// The rules that ran, in catalogue order, with the severity the organisation gives them.
    public let rules: [AuditedRule]
    public let accountCount: Int
    /// Every finding, waived ones included, in report order: file, line, rule.
    public let findings: [Finding]
    /// Each account's findings in report order, parallel to `registry.accounts`.
    public let findingsByAccount: [[Finding]]
    /// Findings in the organisation files (`people.yaml`, unit files), in report order; also in `findings`.
    public let organisationFindings: [Finding]
    /// Errors and warnings that count: waived findings are not among them.
    public let errorCount: Int
    public let warningCount: Int
    /// Findings excused by a valid waiver.
    public let waivedCount: Int
    /// Every unit with a file, and every unit an account names, sorted by id.
    public let units: [UnitSummary]

    /// - Parameter findingsByAccount: each account's findings in report order, parallel to `registry.accounts`.
    /// - Parameter organisationFindings: findings in organisation files, in report order.
    public init(registry: Registry, asOf: CalendarDate, rules: [AuditedRule], findingsByAccount: [[Finding]], organisationFindings: [Finding] = []) {
        self.registry = registry
        organisation = registry.organisation.name
        self.asOf = asOf
        self.rules = rules
        accountCount = registry.accounts.count
        self.findingsByAccount = findingsByAccount
        self.organisationFindings = organisationFindings
        // Accounts come folder by folder, which is report order unless a folder name sorts around "/".
        let flat = findingsByAccount.flatMap { $0 } + organisationFindings
        let inOrder = zip(flat, flat.dropFirst()).allSatisfy { !Finding.reportOrder($1, $0) }
        findings = inOrder ? flat : flat.sorted(by: Finding.reportOrder)
        errorCount = findings.count { $0.severity == .error && !$0.isWaived }
        warningCount = findings.count { $0.severity == .warning && !$0.isWaived }
        waivedCount = findings.count { $0.isWaived }

        var summaries: [String: UnitSummary] = [:]
        for unit in registry.units.values { summaries[unit.id] = UnitSummary(id: unit.id, name: unit.name) }
        // Accounts come folder by folder: count a run of one unit's accounts before touching the dictionary.
        var current: UnitSummary?
        for (account, own) in zip(registry.accounts, findingsByAccount) {
            let id = AuditResult.unitKey(of: account)
            if current?.id != id {
                if let finished = current { summaries[finished.id] = finished }
                current = summaries[id] ?? UnitSummary(id: id, name: nil)
            }
            current!.accounts += 1
            guard !own.isEmpty else { continue }
            let errors = own.count { $0.severity == .error && !$0.isWaived }
            let warnings = own.count { $0.severity == .warning && !$0.isWaived }
            if errors + warnings > 0 { current!.failingAccounts += 1 }
            current!.errors += errors
            current!.warnings += warnings
            current!.waived += own.count - errors - warnings
        }
        if let finished = current { summaries[finished.id] = finished }
        units = summaries.values.sorted { $0.id < $1.id }
    }

    /// The unit an account counts under in every report: the unit it names, else the folder it sits in,
    /// else `(none)`.
    public static func unitKey(of account: Account) -> String {
        account.unit?.value ?? account.folder ?? "(none)"
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

    /// Findings at or above `threshold`: what decides exit code 1.
    public func hasFindings(atOrAbove threshold: Severity) -> Bool {
        findings.contains { $0.severity >= threshold && !$0.isWaived }
    }
}
