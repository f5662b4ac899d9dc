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
        let active: [(rule: any Rule, severity: Severity)] = rules.compactMap { rule in
            switch registry.organisation.ruleSettings[rule.description.id]?.value {
            case .off?: return nil
            case let .severity(severity)?: return (rule, severity)
            case nil: return (rule, rule.description.severity)
            }
        }
        let perAccount = ParallelMap.map(registry.accounts) { account -> [Finding] in
            var findings: [Finding] = []
            let unit = account.unit?.value ?? account.folder
            for (rule, severity) in active where rule.description.appliesToRetired || !account.isRetired {
                for violation in rule.check(account, in: context) {
                    findings.append(Finding(rule: rule.description.id, severity: severity, file: account.file,
                                            location: violation.location, account: account.identity, unit: unit,
                                            message: violation.message, field: violation.field))
                }
            }
            return findings
        }
        return AuditResult(registry: registry, asOf: asOf, findings: perAccount.flatMap { $0 }.sorted(by: Finding.reportOrder))
    }
}
