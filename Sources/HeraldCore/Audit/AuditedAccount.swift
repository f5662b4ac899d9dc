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

/// Every account of an audit in registry order, each as an `AuditedAccount`: a collection read by position
/// like an array. What the audit worked out per account is kept beside the registry's accounts, and each
/// `AuditedAccount` is made when it is read. Made all at once, 100,000 of them counted a reference on each
/// account right after the rules had let it go cold: 30 ms of cache misses at the end of every audit.
public struct AuditedAccounts: RandomAccessCollection, Sendable {
    private let accounts: [Account]
    private let unitKeys: [String]
    private let findingRanges: [Range<Int>]
    private let counts: [(errors: Int32, warnings: Int32)]

    /// - Parameters: one element per account of `accounts`, in its order. Counts above 2^31 are clamped.
    init(accounts: [Account], unitKeys: [String], findingRanges: [Range<Int>], counts: [(errors: Int, warnings: Int)]) {
        precondition(unitKeys.count == accounts.count && findingRanges.count == accounts.count && counts.count == accounts.count,
                     "one unit, one run of findings and one count per account")
        self.accounts = accounts
        self.unitKeys = unitKeys
        self.findingRanges = findingRanges
        self.counts = counts.map { (Int32(clamping: $0.errors), Int32(clamping: $0.warnings)) }
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { accounts.count }

    public subscript(position: Int) -> AuditedAccount {
        AuditedAccount(account: accounts[position], unitKey: unitKeys[position], findingRange: findingRanges[position],
                       errors: Int(counts[position].errors), warnings: Int(counts[position].warnings))
    }
}
