import HeraldCore

/// Runs the rules over every account of a registry and gathers the findings, and what each rule made of
/// each account, into an `AuditResult`. The one place that decides whether a rule checks an account.
public struct Auditor: Sendable {
    public let rules: [any Rule]
    public let asOf: CalendarDate
    /// What git records of the account files, for `--git`; the rules that need it look at no account
    /// without it.
    public let history: ReviewHistory?
    /// The tools' account lists, for the reconcile rules; they look at nothing without them.
    public let exports: [ToolExport]?

    public init(rules: [any Rule] = RuleCatalog.all, asOf: CalendarDate, history: ReviewHistory? = nil, exports: [ToolExport]? = nil) {
        self.rules = rules
        self.asOf = asOf
        self.history = history
        self.exports = exports
    }

    /// The audit of `registry`; the result's registry is the same one with withheld text hidden.
    /// - Parameter checkingOnly: nil to check every account. Otherwise the positions (in
    ///   `registry.accounts`) of the only accounts whose rules run, for a result read for those accounts'
    ///   findings alone (`herald check` of some paths): every other account gets no finding and the outcome
    ///   `notApplicable` for every rule. The whole registry still makes the context (a duplicate in another
    ///   folder is still found), and the organisation files are still audited.
    public func audit(_ registry: Registry, checkingOnly: Set<Int>? = nil) -> AuditResult {
        let active = activeRules(for: registry.organisation)
        let (perAccount, outcomes, organisationFindings, withholding) = findings(in: registry, rules: active, checkingOnly: checkingOnly)
        return AuditResult(registry: Auditor.printable(registry, withholding: withholding), asOf: asOf, rules: active.map(\.info), accountFindings: perAccount,
                           outcomes: outcomes, organisationFindings: organisationFindings.sorted(by: Finding.reportOrder))
    }

    /// Each account's findings and outcomes, the organisation files' findings, with withheld text hidden in
    /// their messages, and the positions of the accounts that withhold text. Everything that holds the
    /// unredacted registry ends here.
    private func findings(in registry: Registry, rules active: [ActiveRule], checkingOnly: Set<Int>?) -> ([[Finding]], [RuleOutcome], [Finding], [Int]) {
        let context = AuditContext(registry: registry, asOf: asOf, history: history, exports: exports)
        let organisationRedaction = Redaction(registry.organisationWithheld)
        let accounts = registry.accounts
        let chunks = stride(from: 0, to: accounts.count, by: 64).map { $0 ..< min($0 + 64, accounts.count) }
        // The loop reads each rule's scope as plain values and calls the rules through their own array:
        // handing the shared rule objects around retained them from both cores at once, and those two
        // retains, each waiting for the other core's cache line, cost 4% of the audit's processor time.
        let scopes = active.map(\.scope)
        let checkers = active.map(\.rule)
        let ids = active.map(\.id)
        // The rules about the organisation files run beside the accounts' (about 20 ms of 100,000 accounts'
        // audit, which ran on one core after them).
        let organisationRules = active.filter(\.info.scope.organisationFiles)
        let organisationFindings = BackgroundWork { [context] in
            organisationRules.flatMap { rule in
                rule.rule.checkOrganisation(in: context).map { found in
                    Finding(rule: rule.id, severity: rule.severity, file: found.file, location: found.violation.location, account: nil,
                            unit: found.unit, message: organisationRedaction.apply(found.violation.message), field: found.violation.field,
                            isInAccountFile: false)
                }
            }
        }
        let perChunk = ParallelMap.map(chunks, chunkSize: 1) { chunk in
            var findings: [[Finding]] = []
            var outcomes: [RuleOutcome] = []
            var withholding: [Int] = []
            findings.reserveCapacity(chunk.count)
            outcomes.reserveCapacity(chunk.count * active.count)
            // This chunk's own copy of the context, which carries the account being checked.
            var context = context
            for index in chunk {
                let account = accounts[index]
                // Noted for every account, checked or not: the result's registry hides withheld text in all.
                if !account.withheld.isEmpty { withholding.append(index) }
                if let checkingOnly, !checkingOnly.contains(index) {
                    findings.append([])
                    outcomes.append(contentsOf: repeatElement(.notApplicable, count: active.count))
                    continue
                }
                context.checking = (account, context.lookUpFacts(for: account))
                var found = Auditor.findings(on: account, scopes: scopes, checkers: checkers, ids: ids, in: context, outcomes: &outcomes)
                if !account.withheld.isEmpty || !organisationRedaction.isEmpty {
                    let redaction = Redaction(account.withheld + registry.organisationWithheld)
                    found = found.map { $0.redacted(with: redaction) }
                }
                findings.append(found)
            }
            return (findings, outcomes, withholding)
        }
        return (perChunk.flatMap(\.0), perChunk.flatMap(\.1), organisationFindings.result(), perChunk.flatMap(\.2))
    }

    /// The registry as reports may print it: withheld text hidden in the accounts that hold it and, when the
    /// organisation files hold any, in people's and units' fields. Rules never see this copy.
    /// - Parameter withholding: the positions of the accounts that withhold text, found while they were
    ///   audited (looking through 100,000 accounts again, one cache miss each, was 9 ms on one core).
    static func printable(_ registry: Registry, withholding: [Int]) -> Registry {
        var printable = registry
        for index in withholding {
            printable.accounts[index] = printable.accounts[index].redacted(with: Redaction(printable.accounts[index].withheld))
        }
        let redaction = Redaction(printable.organisationWithheld)
        guard !redaction.isEmpty else { return printable }
        printable.organisation.name = redaction.apply(printable.organisation.name)
        printable.people = printable.people.mapValues { person in
            var person = person
            person.name = redaction.apply(person.name)
            person.email = person.email.map(redaction.apply)
            return person
        }
        printable.units = printable.units.mapValues { unit in
            var unit = unit
            unit.name = redaction.apply(unit.name)
            unit.aliases = unit.aliases.map(redaction.apply)
            unit.escalation = redaction.apply(unit.escalation)
            return unit
        }
        return printable
    }

    /// One account's findings in report order: the rules that check it, then waivers applied, then the
    /// rules about the other rules' findings (the waiver rules). What each rule made of the account is
    /// appended to `outcomes`, one per rule, in the order of `scopes`, `checkers` and `ids` (the active rules').
    private static func findings(on account: Account, scopes: [RuleScope], checkers: [any Rule], ids: [String],
                                 in context: AuditContext, outcomes: inout [RuleOutcome]) -> [Finding] {
        var findings: [Finding] = []
        // The index of each finding's rule, finding by finding (until they are sorted).
        var ruleOfFinding: [Int] = []
        let (file, identity, unit) = (account.file, account.identity, account.unitOrFolder)
        let state = AccountState(account)
        func add(_ violations: [Violation], of rule: Int) {
            for violation in violations {
                findings.append(Finding(rule: ids[rule], severity: scopes[rule].severity, file: file,
                                        location: violation.location, account: identity, unit: unit,
                                        message: violation.message, field: violation.field))
                ruleOfFinding.append(rule)
            }
        }
        for rule in scopes.indices where !scopes[rule].isFindingsRule && scopes[rule].checks(state) {
            add(checkers[rule].check(account, in: context), of: rule)
        }
        if !account.waivers.isEmpty {
            let grants = WaiverReview.grants(on: account, in: context)
            findings = findings.map { finding in grants[finding.rule].map { finding.waived(by: $0) } ?? finding }
            for rule in scopes.indices where scopes[rule].isFindingsRule && scopes[rule].checks(state) {
                add((checkers[rule] as! any FindingsRule).check(account, findings: findings, in: context), of: rule)
            }
        }
        for rule in scopes.indices {
            var failed = false, waived = false
            for (position, owner) in ruleOfFinding.enumerated() where owner == rule {
                if findings[position].isWaived { waived = true } else { failed = true }
            }
            outcomes.append(scopes[rule].outcome(on: state, failed: failed, waived: waived))
        }
        return findings.sorted(by: Finding.reportOrder)
    }

    /// What the per-account loop reads of a rule: plain values, which no core has to count references on.
    struct RuleScope: Sendable {
        let severity: Severity
        let isFindingsRule: Bool
        let auditsAccounts: Bool
        let appliesToRetired: Bool
        let appliesToUnreadFiles: Bool

        /// Whether the rule looks at the account: rules about organisation files look at no account; retired
        /// accounts and files that could not be read are left to the rules that say they handle them.
        func checks(_ account: AccountState) -> Bool {
            auditsAccounts && (appliesToRetired || !account.isRetired) && (appliesToUnreadFiles || account.wasRead)
        }

        /// What the rule made of the account, given whether it has findings that count (`failed`) and
        /// findings excused by a waiver (`waived`).
        func outcome(on account: AccountState, failed: Bool, waived: Bool) -> RuleOutcome {
            if failed { return .failed }
            if waived { return .waived }
            if checks(account) { return .passed }
            guard auditsAccounts else { return .notApplicable }
            if account.isRetired && !appliesToRetired { return .skippedRetired }
            return .unreadable  // the rule would look at this account but for its unreadable file
        }
    }

    /// A rule as this audit runs it: the organisation's severity, and what the per-account loop reads of
    /// its documentation, read once.
    final class ActiveRule: Sendable {
        let rule: any Rule
        let info: AuditedRule
        let id: String
        let severity: Severity
        let scope: RuleScope

        /// - Parameter hasHistory: whether the audit has git's record; a rule that needs it looks at no
        ///   account without it.
        init(_ rule: any Rule, severity: Severity, hasHistory: Bool, hasExports: Bool) {
            let description = rule.description
            self.rule = rule
            id = description.id
            self.severity = severity
            let auditsAccounts = description.auditsAccounts && (hasHistory || !description.needsHistory) && (hasExports || !description.needsExports)
            // Whether the rule audits the organisation files (and the exports) in this audit.
            let auditsOrganisationFiles = description.auditsOrganisationFiles && (hasExports || !description.needsExports)
            scope = RuleScope(severity: severity, isFindingsRule: rule is any FindingsRule, auditsAccounts: auditsAccounts,
                              appliesToRetired: description.appliesToRetired, appliesToUnreadFiles: description.appliesToUnreadFiles)
            info = AuditedRule(id: id, summary: description.summary, rationale: description.rationale, severity: severity,
                               scope: .init(accounts: auditsAccounts, organisationFiles: auditsOrganisationFiles))
        }
    }

    /// What decides whether a rule looks at an account, read once per account rather than once per rule.
    struct AccountState {
        let isRetired: Bool
        let wasRead: Bool

        init(_ account: Account) {
            isRetired = account.isRetired
            wasRead = account.wasRead
        }
    }

    /// The rules the organisation has not turned off, each with the severity it gives them.
    func activeRules(for organisation: Organisation) -> [ActiveRule] {
        rules.compactMap { rule in
            switch organisation.ruleSettings[rule.description.id]?.value {
            case .off?: return nil
            case let .severity(severity)?: return ActiveRule(rule, severity: severity, hasHistory: history != nil, hasExports: exports != nil)
            case nil: return ActiveRule(rule, severity: rule.description.severity, hasHistory: history != nil, hasExports: exports != nil)
            }
        }
    }
}
