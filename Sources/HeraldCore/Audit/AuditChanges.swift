/// A finding of an earlier audit, as that audit's `report.json` holds it (or as an audit of an earlier
/// commit produced it, for `herald check --changed-since`).
public struct PreviousFinding: Sendable, Equatable {
    public let rule: String
    /// `error` or `warning`, as the earlier audit gave it.
    public let severity: String
    /// As the earlier audit showed it: `Inventory/accounts/parks/x-fairhavenparks.yaml`.
    public let file: String
    /// 1-based line and column in the file as it was then.
    public let location: SourceLocation
    /// `platform:handle`, when the file said it.
    public let account: String?
    public let unit: String?
    public let field: String?
    public let message: String

    public init(rule: String, severity: String, file: String, location: SourceLocation, account: String?, unit: String?,
                field: String?, message: String) {
        self.rule = rule
        self.severity = severity
        self.file = file
        self.location = location
        self.account = account
        self.unit = unit
        self.field = field
        self.message = message
    }

    public init(_ finding: Finding) {
        self.init(rule: finding.rule, severity: finding.severity.rawValue, file: finding.file, location: finding.location,
                  account: finding.account, unit: finding.unit, field: finding.field, message: finding.message)
    }
}

/// The findings of an earlier audit, to compare this one with.
public struct PreviousAudit: Sendable {
    /// The earlier audit's date (`as_of`), for "3 new since 2026-11-29".
    public let asOf: CalendarDate
    /// What the comparison is with, as shown to people: the report's path, or `main (3f2a9c…)`.
    public let source: String
    /// The inventory folder as the earlier audit's file paths start with it; nil when its report does not
    /// say (then this audit's is taken).
    public let inventory: String?
    public let findings: [PreviousFinding]

    public init(asOf: CalendarDate, source: String, inventory: String?, findings: [PreviousFinding]) {
        self.asOf = asOf
        self.source = source
        self.inventory = inventory
        self.findings = findings
    }
}

/// What changed since the audit compared with: every finding of this audit is new or persisting
/// (`Finding.change`); those of the earlier one that are gone are fixed, or not re-checked when their rule
/// did not look this time (turned off, the file unreadable, the account retired).
public struct AuditChanges: Sendable {
    public let since: CalendarDate
    public let source: String
    /// Findings of this audit, waived and baselined ones included, that the earlier one did not have.
    public let newCount: Int
    public let persistingCount: Int
    /// Findings of the earlier audit that its rule, looking again, no longer finds; in report order.
    public let fixed: [PreviousFinding]
    /// Findings of the earlier audit whose rule did not look this time; in report order.
    public let notRechecked: [PreviousFinding]
}

/// Findings accepted when the organisation adopted Herald (`herald baseline write`): an audit with the
/// baseline shows them apart and does not count them.
public struct Baseline: Sendable {
    /// One accepted finding. It holds ids and the fingerprint, never a message: no secret and no personal
    /// data beyond ids reaches the file.
    public struct Entry: Sendable, Equatable {
        public let rule: String
        public let file: String
        public let account: String?
        public let field: String?
        /// `FindingFingerprint`: what the entry matches.
        public let fingerprint: UInt64
        /// Where the entry is written in the baseline file (`startOfFile` for an entry not read from one).
        public let location: SourceLocation

        public init(rule: String, file: String, account: String?, field: String?, fingerprint: UInt64, location: SourceLocation = .startOfFile) {
            self.rule = rule
            self.file = file
            self.account = account
            self.field = field
            self.fingerprint = fingerprint
            self.location = location
        }
    }

    /// The baseline file's path, as given.
    public let file: String
    public let entries: [Entry]

    public init(file: String, entries: [Entry]) {
        self.file = file
        self.entries = entries
    }

    /// The baseline of every finding of `result` that counts (waived ones are excused already), sorted by
    /// file, rule and fingerprint so that the file changes only where findings do.
    public static func entries(of result: AuditResult) -> [Entry] {
        let fingerprints = FindingFingerprint.all(result.findings, inventory: result.inventory)
        return zip(result.findings, fingerprints).filter { !$0.0.isWaived }
            .map { Entry(rule: $0.rule, file: $0.file, account: $0.account, field: $0.field, fingerprint: $1) }
            .sorted { ($0.file, $0.rule, $0.fingerprint) < ($1.file, $1.rule, $1.fingerprint) }
    }
}

/// How a baseline matched this audit's findings.
public struct BaselineOutcome: Sendable {
    public let file: String
    public let entryCount: Int
    /// Findings of this audit the baseline holds.
    public let matchedCount: Int
    /// Entries no finding matches any more: the problem was fixed, so the entry can go.
    public let unmatched: [Baseline.Entry]
}

extension AuditResult {
    /// This audit with each finding marked new or persisting since `previous` and as in `baseline` or
    /// not, the counts and outcomes made again from the marks, and `changes` and `baseline` set.
    ///
    /// Findings are paired by identity, never by line (`FindingFingerprint`): first those equal to the
    /// letter, then the rest with their volatile parts hidden, so a day count that grew is the same
    /// finding. An earlier finding left unpaired is fixed when its
    /// rule looked at its account (or organisation file) this time, and not re-checked when the rule is
    /// turned off, the file could not be read or the account is now retired.
    public func compared(with previous: PreviousAudit?, baseline: Baseline?) -> AuditResult {
        var isBaselined = [Bool](repeating: false, count: findings.count)
        var baselineOutcome: BaselineOutcome?
        if let baseline {
            let fingerprints = FindingFingerprint.all(findings, inventory: inventory)
            var byFingerprint: [UInt64: Int] = [:]
            for (index, fingerprint) in fingerprints.enumerated() { byFingerprint[fingerprint] = index }
            var unmatched: [Baseline.Entry] = []
            for entry in baseline.entries {
                if let index = byFingerprint[entry.fingerprint] {
                    isBaselined[index] = true
                } else {
                    unmatched.append(entry)
                }
            }
            baselineOutcome = BaselineOutcome(file: baseline.file, entryCount: baseline.entries.count,
                                              matchedCount: baseline.entries.count - unmatched.count, unmatched: unmatched)
        }

        var change = [FindingChange?](repeating: nil, count: findings.count)
        var changes: AuditChanges?
        if let previous {
            let earlierInventory = previous.inventory ?? inventory
            let pairs = Self.pair(findings.map { FindingFingerprint.Subject($0, inventory: inventory) }, with: previous.findings.map {
                FindingFingerprint.Subject(rule: $0.rule, account: $0.account, file: $0.file, field: $0.field, message: $0.message, inventory: earlierInventory)
            })
            for index in findings.indices { change[index] = pairs.current[index] ? .persisting : .new }
            var fixed: [PreviousFinding] = []
            var notRechecked: [PreviousFinding] = []
            let places = AccountPlaces(accounts)
            for (index, earlier) in previous.findings.enumerated() where !pairs.previous[index] {
                if looked(again: earlier, places: places) { fixed.append(earlier) } else { notRechecked.append(earlier) }
            }
            let persisting = pairs.current.count { $0 }
            changes = AuditChanges(since: previous.asOf, source: previous.source, newCount: findings.count - persisting,
                                   persistingCount: persisting, fixed: fixed, notRechecked: notRechecked)
        }

        let marked = findings.indices.map { findings[$0].marked(baselined: isBaselined[$0], change: change[$0]) }
        var newOutcomes = outcomes
        if baseline != nil {
            for (accountIndex, account) in accounts.enumerated() where !account.findingRange.isEmpty {
                for (ruleIndex, rule) in rules.enumerated() where outcomes[accountIndex * rules.count + ruleIndex] == .failed {
                    let own = marked[account.findingRange].filter { $0.rule == rule.id }
                    if !own.contains(where: \.counts) { newOutcomes[accountIndex * rules.count + ruleIndex] = .baselined }
                }
            }
        }
        let organisationMarked = marked.filter { !$0.isInAccountFile }
        var result = AuditResult(registry: registry, asOf: asOf, rules: rules,
                                 accountFindings: accounts.map { Array(marked[$0.findingRange]) },
                                 outcomes: newOutcomes, organisationFindings: organisationMarked)
        result.changes = changes
        result.baseline = baselineOutcome
        return result
    }

    /// Which of `current` and of `previous` found a partner: equal identities to the letter first, then
    /// equal identities with volatile parts hidden, each partner used once, in order.
    static func pair(_ current: [FindingFingerprint.Subject], with previous: [FindingFingerprint.Subject]) -> (current: [Bool], previous: [Bool]) {
        var currentPaired = [Bool](repeating: false, count: current.count)
        var previousPaired = [Bool](repeating: false, count: previous.count)
        for numbers in [FindingFingerprint.Numbers.kept, .hidden] {
            var waiting: [UInt64: [Int]] = [:]
            for index in previous.indices.reversed() where !previousPaired[index] {
                waiting[FindingFingerprint.identityHash(of: previous[index], numbers: numbers), default: []].append(index)
            }
            for index in current.indices where !currentPaired[index] {
                let identity = FindingFingerprint.identityHash(of: current[index], numbers: numbers)
                if let partner = waiting[identity]?.popLast() {
                    currentPaired[index] = true
                    previousPaired[partner] = true
                }
            }
        }
        return (currentPaired, previousPaired)
    }

    /// Whether the rule of an earlier finding looked again at what it was about: the rule still runs and,
    /// for an account file that is still in the registry, checked the account this time. An account file
    /// that is gone is looked at in the sense that matters: its findings are fixed.
    private func looked(again earlier: PreviousFinding, places: AccountPlaces) -> Bool {
        guard let ruleIndex = rules.firstIndex(where: { $0.id == earlier.rule }) else { return false }
        guard let accountIndex = places.index(file: earlier.file, account: earlier.account) else { return true }
        switch outcome(ofRule: ruleIndex, onAccount: accountIndex) {
        case .passed, .failed, .waived, .baselined: return true
        case .skippedRetired, .notApplicable, .unreadable: return false
        }
    }
}

/// Where each account of an audit is, by file and by `platform:handle`.
private struct AccountPlaces {
    private var byFile: [String: Int] = [:]
    private var byAccount: [String: Int] = [:]

    init(_ accounts: AuditedAccounts) {
        for (index, audited) in accounts.enumerated() {
            byFile[audited.account.file] = index
            if let identity = audited.account.identity, byAccount[identity] == nil { byAccount[identity] = index }
        }
    }

    /// The account in `file`, else the account `platform:handle` (its file moved to another folder).
    func index(file: String, account: String?) -> Int? {
        byFile[file] ?? account.flatMap { byAccount[$0] }
    }
}
