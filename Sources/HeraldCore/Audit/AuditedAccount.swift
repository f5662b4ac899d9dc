/// One account as the audit saw it: the account, the unit it counts under, and where its findings are
/// in `AuditResult.findings`. Reports read accounts through this, never by pairing indexes.
public struct AuditedAccount: Sendable {
    /// The account, with withheld text already hidden (`Redaction`).
    public let account: Account
    /// The unit it counts under in every report and summary (`AuditResult.unitKey(of:)`).
    public let unitKey: String
    /// Its findings' positions in `AuditResult.findings` (one run: they share the account's file), waived
    /// ones included.
    public let findingRange: Range<Int>
    /// Findings that count (not waived), by severity.
    public let errors: Int
    public let warnings: Int

    public init(account: Account, unitKey: String, findingRange: Range<Int>, errors: Int, warnings: Int) {
        self.account = account
        self.unitKey = unitKey
        self.findingRange = findingRange
        self.errors = errors
        self.warnings = warnings
    }

    /// True when at least one finding counts.
    public var isFailing: Bool { errors + warnings > 0 }
}
