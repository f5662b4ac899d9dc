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
        let perAccount = ParallelMap.map(registry.accounts) { account -> [Finding] in
            var findings: [Finding] = []
            let unit = account.unit?.value ?? account.folder
            for active in active where active.checks(account) {
                for violation in active.rule.check(account, in: context) {
                    findings.append(Finding(rule: active.id, severity: active.severity, file: account.file,
                                            location: violation.location, account: account.identity, unit: unit,
                                            message: violation.message, field: violation.field))
                }
            }
            return findings.sorted(by: Finding.reportOrder)
        }
        return AuditResult(registry: registry, asOf: asOf, rules: active, findingsByAccount: perAccount)
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
