import HeraldCore

/// Runs the rules over every account of a registry and gathers the findings in report order.
public struct Auditor: Sendable {
    public let rules: [any Rule]
    public let asOf: CalendarDate

    public init(rules: [any Rule] = RuleCatalog.all, asOf: CalendarDate) {
        self.rules = rules
        self.asOf = asOf
    }

    public func audit(_ registry: Registry) -> AuditResult {
        let context = AuditContext(registry: registry, asOf: asOf)
        let active = activeRules(for: registry.organisation)
        // What the loop needs of each rule, without its documentation: copying a whole `AuditedRule`
        // (examples included) for every account and rule cost more than some rules' checks.
        let accountRules = active.filter { !($0.rule is any FindingsRule) }.map(RuleRun.init)
        let findingsRules = active.filter { $0.rule is any FindingsRule }.map(RuleRun.init)
        let perAccount = ParallelMap.map(indices: registry.accounts.indices) { index in
            Auditor.findings(on: registry.accounts[index], accountRules: accountRules, findingsRules: findingsRules, in: context)
        }
        var organisationFindings: [Finding] = []
        for rule in active where rule.description.auditsOrganisationFiles {
            for found in rule.rule.checkOrganisation(in: context) {
                organisationFindings.append(Finding(rule: rule.id, severity: rule.severity, file: found.file, location: found.violation.location,
                                                    account: nil, unit: found.unit, message: found.violation.message, field: found.violation.field))
            }
        }
        return AuditResult(registry: registry, asOf: asOf, rules: active, findingsByAccount: perAccount,
                           organisationFindings: organisationFindings.sorted(by: Finding.reportOrder))
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
