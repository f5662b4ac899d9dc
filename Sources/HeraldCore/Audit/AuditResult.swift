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
        public var accounts: Int { counts.accounts }
        /// Accounts with at least one finding that counts (not waived).
        public var failingAccounts: Int { counts.failingAccounts }
        public var errors: Int { counts.errors }
        public var warnings: Int { counts.warnings }
        /// Findings excused by a valid waiver: shown, but counted neither as errors nor as warnings.
        public var waived: Int { counts.waived }
        /// Findings in the baseline (and not waived): shown apart, counted neither as errors nor as warnings.
        public var baselined: Int { counts.baselined }
        fileprivate var counts = Counts()

        fileprivate init(id: String, name: String?) {
            self.id = id
            self.name = name
        }
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
    public let accounts: AuditedAccounts
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
    /// The lists the findings came in, one per account, kept as long as the result: freed at the end of
    /// `init`, 100,000 lists and each finding's count were 16 ms of the audit's last one-core stretch on a
    /// messy registry. They hold the same findings as `findings`, so they cost only the lists themselves.
    private let accountFindingLists: [[Finding]]

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
        accountFindingLists = accountFindings
        self.organisationFindings = organisationFindings

        // One pass over the accounts on every core reads what the rest needs of each: its unit, its counts
        // and whether its file sorts after the one before. The accounts were last touched by the rules, so
        // each is a cache miss; read one after the other on one core, they were 60 ms of the audit's
        // one-core stretch on 100,000 accounts.
        let accountList = registry.accounts
        let findingLists = accountFindings
        let chunkSize = 1024
        let chunks = stride(from: 0, to: accountList.count, by: chunkSize).map { $0 ..< min($0 + chunkSize, accountList.count) }
        let facts = ParallelMap.map(chunks, chunkSize: 1) { chunk in
            AccountFacts(accountList, chunk, findingLists)
        }
        let fileOrder = AuditResult.fileOrder(of: accountList, runStarts: facts.flatMap(\.runStarts))
        // Counted from the chunks' counts: each account's list is far from the cache by now.
        let counts = facts.flatMap(\.counts)
        let ranges: [Range<Int>]
        let lastFirst = facts.lazy.compactMap(\.lastFirstFinding).max(by: Finding.reportOrder)
        if let lastFirst, let firstOrganisation = organisationFindings.first, Finding.reportOrder(firstOrganisation, lastFirst) {
            (findings, ranges) = AuditResult.merged(findingLists, inFileOrder: fileOrder, counts: counts, organisationFindings: organisationFindings)
        } else {
            (findings, ranges) = AuditResult.concatenated(findingLists, inFileOrder: fileOrder, counts: counts, organisationFindings: organisationFindings)
        }

        var summaries: [String: UnitSummary] = [:]
        for unit in registry.units.values { summaries[unit.id] = UnitSummary(id: unit.id, name: unit.name) }
        // Accounts come folder by folder: each chunk counted its runs of one unit's accounts already.
        for run in facts.lazy.flatMap(\.unitRuns) {
            var summary = summaries[run.key] ?? UnitSummary(id: run.key, name: nil)
            summary.counts.add(run.counts)
            summaries[run.key] = summary
        }
        accounts = AuditedAccounts(accounts: accountList, unitKeys: facts.flatMap(\.unitKeys), findingRanges: ranges,
                                   counts: counts.map { ($0.errors, $0.warnings) })
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

    /// The accounts' findings in file order, then the organisation files' (when none of those sorts before
    /// an account's first finding, as when the organisation files sort after `accounts/`), with each
    /// account's range in the list. Each account's place follows from the counts alone, so the findings
    /// are copied on every core: copied on one, reaching each account's list, cold since the rules let it
    /// go, was most of the audit's last one-core stretch (about 40 ms of a messy registry's 250,000 findings).
    private static func concatenated(_ lists: [[Finding]], inFileOrder fileOrder: [Int], counts: [Counts],
                                     organisationFindings: [Finding]) -> ([Finding], [Range<Int>]) {
        var ranges = [Range<Int>](repeating: 0 ..< 0, count: lists.count)
        var total = 0
        for index in fileOrder {
            ranges[index] = total ..< total + counts[index].findings
            total += counts[index].findings
        }
        let chunkSize = 4096
        let chunks = stride(from: 0, to: fileOrder.count, by: chunkSize).map { $0 ..< min($0 + chunkSize, fileOrder.count) }
        let starts = ranges
        let all = [Finding](unsafeUninitializedCapacity: total + organisationFindings.count) { buffer, count in
            // Each chunk of accounts fills the slots of its own findings; no two chunks touch one slot.
            let slots = SendableSlots(base: buffer.baseAddress)
            _ = ParallelMap.map(chunks, chunkSize: 1) { chunk in
                for index in fileOrder[chunk] {
                    // Each slot is written once, inside the buffer: the counts sort every finding into one kind.
                    precondition(lists[index].count == starts[index].count, "an account's findings and their count agree")
                    for (offset, finding) in lists[index].enumerated() { (slots.base! + starts[index].lowerBound + offset).initialize(to: finding) }
                }
                return 0
            }
            for (offset, finding) in organisationFindings.enumerated() { (buffer.baseAddress! + total + offset).initialize(to: finding) }
            count = total + organisationFindings.count
        }
        return (all, ranges)
    }

    /// The findings of the accounts in file order, each organisation file's placed before the first account
    /// whose first finding sorts after it, with each account's range in the list.
    private static func merged(_ lists: [[Finding]], inFileOrder fileOrder: [Int], counts: [Counts],
                               organisationFindings: [Finding]) -> ([Finding], [Range<Int>]) {
        var all: [Finding] = []
        all.reserveCapacity(counts.reduce(organisationFindings.count) { $0 + $1.findings })
        var ranges = [Range<Int>](repeating: 0 ..< 0, count: lists.count)
        var organisationNext = 0
        for index in fileOrder {
            // An account without findings (most, in an ordinary registry) is settled without its list.
            guard counts[index].findings > 0 else {
                ranges[index] = all.count ..< all.count
                continue
            }
            let own = lists[index]
            if let first = own.first {
                // Organisation files that sort before this account's file come first.
                while organisationNext < organisationFindings.count, Finding.reportOrder(organisationFindings[organisationNext], first) {
                    all.append(organisationFindings[organisationNext])
                    organisationNext += 1
                }
            }
            ranges[index] = all.count ..< all.count + own.count
            all.append(contentsOf: own)
        }
        all.append(contentsOf: organisationFindings[organisationNext...])
        return (all, ranges)
    }

    /// The start of a buffer that the chunks of `concatenated` fill, each its own slots.
    private struct SendableSlots: @unchecked Sendable {
        let base: UnsafeMutablePointer<Finding>?
    }

    /// The positions of `accounts` in file order (by path). Accounts come folder by folder, which is file
    /// order unless a folder name sorts around "/" (`a-b/` sorts before `a/`, as in the usual `parks/`
    /// beside `parks-east/`). `runStarts` are the positions where a run of accounts already in file order
    /// starts (a new folder, or a file that does not sort after the one before): the runs are put in order
    /// by their first file, and checked where two runs meet. Only a registry whose runs interleave is
    /// sorted account by account: sorting 100,000 paths that share long prefixes was 50 ms of the audit's
    /// one-core stretch, where ordering 2,000 folder runs takes well under one.
    static func fileOrder(of accounts: [Account], runStarts: [Int]) -> [Int] {
        let bounds = runStarts.filter { $0 > 0 && $0 < accounts.count } + [accounts.count]
        var runs: [Range<Int>] = []
        var start = 0
        for end in bounds where end > start {
            runs.append(start ..< end)
            start = end
        }
        guard runs.count > 1 else { return Array(accounts.indices) }
        let ordered = runs.sorted { accounts[$0.lowerBound].file < accounts[$1.lowerBound].file }
        let inOrder = zip(ordered, ordered.dropFirst()).allSatisfy { accounts[$0.upperBound - 1].file < accounts[$1.lowerBound].file }
        return inOrder ? ordered.flatMap { $0 } : accounts.indices.sorted { accounts[$0].file < accounts[$1].file }
    }

    /// What `init` reads of one chunk of accounts, worked out on the chunk's core.
    private struct AccountFacts: Sendable {
        /// Per account of the chunk: the unit it counts under, and its findings counted.
        var unitKeys: [String] = []
        var counts: [Counts] = []
        /// The chunk's runs of accounts of one unit, in order, with their counts added up.
        var unitRuns: [(key: String, counts: Counts)] = []
        /// Positions (in the whole list) where a run in file order starts: a new folder, or a file that
        /// does not sort after the one before.
        var runStarts: [Int] = []
        /// The account's first finding that sorts last, of the chunk's accounts: whether any organisation
        /// file's finding sorts before an account's decides how the findings are put in order.
        var lastFirstFinding: Finding?

        init(_ accounts: [Account], _ chunk: Range<Int>, _ findings: [[Finding]]) {
            unitKeys.reserveCapacity(chunk.count)
            counts.reserveCapacity(chunk.count)
            for index in chunk {
                let account = accounts[index]
                let key = AuditResult.unitKey(of: account)
                var own = Counts(accounts: 1)
                if let first = findings[index].first, lastFirstFinding.map({ Finding.reportOrder($0, first) }) ?? true { lastFirstFinding = first }
                for finding in findings[index] {
                    if finding.isWaived {
                        own.waived += 1
                    } else if finding.isBaselined {
                        own.baselined += 1
                    } else if finding.severity == .error {
                        own.errors += 1
                    } else {
                        own.warnings += 1
                    }
                }
                if own.errors + own.warnings > 0 { own.failingAccounts = 1 }
                unitKeys.append(key)
                counts.append(own)
                if unitRuns.last?.key == key { unitRuns[unitRuns.count - 1].counts.add(own) } else { unitRuns.append((key, own)) }
                if index > 0 {
                    let before = accounts[index - 1]
                    if before.folder != account.folder || !(before.file < account.file) { runStarts.append(index) }
                }
            }
        }
    }

    /// One account's findings counted, or a run of accounts' added up.
    fileprivate struct Counts: Sendable, Equatable {
        var accounts = 0, failingAccounts = 0, errors = 0, warnings = 0, waived = 0, baselined = 0

        /// Every finding counted: waived, in the baseline, or counting.
        var findings: Int { errors + warnings + waived + baselined }

        mutating func add(_ other: Counts) {
            accounts += other.accounts
            failingAccounts += other.failingAccounts
            errors += other.errors
            warnings += other.warnings
            waived += other.waived
            baselined += other.baselined
        }
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
