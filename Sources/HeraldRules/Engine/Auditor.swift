import HeraldCore

/// Runs the rules over every account of a registry and gathers the findings in report order.
public struct Auditor: Sendable {
    public let rules: [any Rule]
    public let asOf: CalendarDate

    public init(rules: [any Rule] = RuleCatalog.all, asOf: CalendarDate) {
        self.rules = rules
        self.asOf = asOf
    }

    /// - Parameter registry: consumed: the result's registry is the same one with withheld text hidden,
    ///   changed in place when nothing else holds it (callers pass `consume registry`).
    public func audit(_ registry: consuming Registry) -> AuditResult {
        let (active, perAccount, organisationFindings) = findings(in: registry)
        return AuditResult(registry: Auditor.printable(registry), asOf: asOf, rules: active, findingsByAccount: perAccount,
                           organisationFindings: organisationFindings.sorted(by: Finding.reportOrder))
    }

    /// The rules that ran, each account's findings and the organisation files' findings, with withheld
    /// text hidden in their messages. Everything that holds the registry ends here.
    private func findings(in registry: borrowing Registry) -> ([AuditedRule], [[Finding]], [Finding]) {
        let registry = copy registry
        let context = AuditContext(registry: registry, asOf: asOf)
        let active = activeRules(for: registry.organisation)
        // What the loop needs of each rule, without its documentation: copying a whole `AuditedRule`
        // (examples included) for every account and rule cost more than some rules' checks.
        let accountRules = active.filter { !($0.rule is any FindingsRule) }.map(RuleRun.init)
        let findingsRules = active.filter { $0.rule is any FindingsRule }.map(RuleRun.init)
        let organisationRedaction = Redaction(registry.organisationWithheld)
        let perAccount = ParallelMap.map(indices: registry.accounts.indices) { index in
            let found = Auditor.findings(on: registry.accounts[index], accountRules: accountRules, findingsRules: findingsRules, in: context)
            let withheld = registry.accounts[index].withheld
            guard !withheld.isEmpty || !organisationRedaction.isEmpty else { return found }
            let redaction = Redaction(withheld + registry.organisationWithheld)
            return found.map { $0.redacted(with: redaction) }
        }
        var organisationFindings: [Finding] = []
        for rule in active where rule.description.auditsOrganisationFiles {
            for found in rule.rule.checkOrganisation(in: context) {
                organisationFindings.append(Finding(rule: rule.id, severity: rule.severity, file: found.file, location: found.violation.location,
                                                    account: nil, unit: found.unit, message: organisationRedaction.apply(found.violation.message),
                                                    field: found.violation.field))
            }
        }
        return (active, perAccount, organisationFindings)
    }

    /// The registry as reports may print it: withheld text hidden in the accounts that hold it and, when the
    /// organisation files hold any, in people's and units' fields. Rules never see this copy.
    static func printable(_ registry: consuming Registry) -> Registry {
        var printable = registry
        let withheld = printable.accounts.indices.filter { !printable.accounts[$0].withheld.isEmpty }
        for index in withheld {
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

    /// One account's findings in report order. The account is borrowed: each copy of it would retain its every
    /// field.
    private static func findings(on account: borrowing Account, accountRules: [RuleRun], findingsRules: [RuleRun],
                                 in context: AuditContext) -> [Finding] {
        var findings: [Finding] = []
        let (file, identity, unit) = (account.file, account.identity, account.unit?.value ?? account.folder)
        func add(_ violations: [Violation], of rule: RuleRun) {
            for violation in violations {
                findings.append(Finding(rule: rule.id, severity: rule.severity, file: file,
                                        location: violation.location, account: identity, unit: unit,
                                        message: violation.message, field: violation.field))
            }
        }
        for rule in accountRules where rule.checks(account) { add(rule.rule.check(account, in: context), of: rule) }
        if !account.waivers.isEmpty {
            let grants = WaiverReview.grants(on: account, in: context)
            findings = findings.map { finding in grants[finding.rule].map { finding.waived(by: $0) } ?? finding }
            for rule in findingsRules where rule.checks(account) {
                add((rule.rule as! any FindingsRule).check(account, findings: findings, in: context), of: rule)
            }
        }
        return findings.sorted(by: Finding.reportOrder)
    }

    /// A rule as the per-account loop runs it.
    private struct RuleRun: Sendable {
        let rule: any Rule
        let id: String
        let severity: Severity
        let auditsAccounts: Bool
        let appliesToRetired: Bool
        let appliesToUnreadFiles: Bool

        init(_ audited: AuditedRule) {
            rule = audited.rule
            id = audited.id
            severity = audited.severity
            auditsAccounts = audited.description.auditsAccounts
            appliesToRetired = audited.description.appliesToRetired
            appliesToUnreadFiles = audited.description.appliesToUnreadFiles
        }

        func checks(_ account: Account) -> Bool {
            AuditedRule.checks(account, auditsAccounts: auditsAccounts, retiredToo: appliesToRetired, unreadToo: appliesToUnreadFiles)
        }
    }

    /// The rules the organisation has not turned off, each with the severity it gives them.
    public func activeRules(for organisation: Organisation) -> [AuditedRule] {
        rules.compactMap { rule in
            switch organisation.ruleSettings[rule.description.id]?.value {
            case .off?: return nil
            case let .severity(severity)?: return AuditedRule(rule: rule, severity: severity)
            case nil: return AuditedRule(rule: rule, severity: rule.description.severity)
            }
        }
    }
}
