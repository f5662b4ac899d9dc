import HeraldCore

/// The outcome of an audit: sorted findings and the counts reports and exit codes are made from.
public struct AuditResult: Sendable {
    /// Counts for one unit (or for an unknown unit that accounts name).
    public struct UnitSummary: Sendable, Equatable {
        public let id: String
        /// The unit's name; nil when no unit file defines it.
        public let name: String?
        public var accounts = 0
        /// Accounts with at least one finding.
        public var failingAccounts = 0
        public var errors = 0
        public var warnings = 0
    }

    public let organisation: String
    public let asOf: CalendarDate
    public let accountCount: Int
    /// In report order: file, line, rule.
    public let findings: [Finding]
    public let errorCount: Int
    public let warningCount: Int
    /// Every unit with a file, and every unit an account names, sorted by id.
    public let units: [UnitSummary]

    /// - Parameter findingsByAccount: each account's findings, in the order of `registry.accounts`.
    public init(registry: Registry, asOf: CalendarDate, findingsByAccount: [[Finding]]) {
        organisation = registry.organisation.name
        self.asOf = asOf
        accountCount = registry.accounts.count
        findings = findingsByAccount.flatMap { $0 }.sorted(by: Finding.reportOrder)
        errorCount = findings.count { $0.severity == .error }
        warningCount = findings.count { $0.severity == .warning }

        var summaries: [String: UnitSummary] = [:]
        for unit in registry.units.values { summaries[unit.id] = UnitSummary(id: unit.id, name: unit.name) }
        // Accounts come folder by folder: count a run of one unit's accounts before touching the dictionary.
        var current: UnitSummary?
        for (account, own) in zip(registry.accounts, findingsByAccount) {
            let id = account.unit?.value ?? account.folder ?? "(none)"
            if current?.id != id {
                if let finished = current { summaries[finished.id] = finished }
                current = summaries[id] ?? UnitSummary(id: id, name: nil)
            }
            current!.accounts += 1
            if !own.isEmpty {
                current!.failingAccounts += 1
                current!.errors += own.count { $0.severity == .error }
                current!.warnings += own.count { $0.severity == .warning }
            }
        }
        if let finished = current { summaries[finished.id] = finished }
        units = summaries.values.sorted { $0.id < $1.id }
    }

    /// Findings at or above `threshold`: what decides exit code 1.
    public func hasFindings(atOrAbove threshold: Severity) -> Bool {
        findings.contains { $0.severity >= threshold }
    }
}
