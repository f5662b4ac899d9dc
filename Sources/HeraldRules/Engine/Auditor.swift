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
        let active: [ActiveRule] = rules.compactMap { rule in
            let description = rule.description
            switch registry.organisation.ruleSettings[description.id]?.value {
            case .off?: return nil
            case let .severity(severity)?: return ActiveRule(rule: rule, severity: severity)
            case nil: return ActiveRule(rule: rule, severity: description.severity)
            }
        }
        let perAccount = ParallelMap.map(registry.accounts) { account -> [Finding] in
            var findings: [Finding] = []
            let unit = account.unit?.value ?? account.folder
            for active in active where (active.appliesToRetired || !account.isRetired) && (active.appliesToUnreadFiles || account.wasRead) {
                for violation in active.rule.check(account, in: context) {
                    findings.append(Finding(rule: active.id, severity: active.severity, file: account.file,
                                            location: violation.location, account: account.identity, unit: unit,
                                            message: violation.message, field: violation.field))
                }
            }
            return findings
        }
        return AuditResult(registry: registry, asOf: asOf, findingsByAccount: perAccount)
    }

    /// A rule as configured for this audit; the description is read once, not once per account.
    private struct ActiveRule: Sendable {
        let rule: any Rule
        let id: String
        let severity: Severity
        let appliesToRetired: Bool
        let appliesToUnreadFiles: Bool

        init(rule: any Rule, severity: Severity) {
            let description = rule.description
            self.rule = rule
            self.id = description.id
            self.severity = severity
            self.appliesToRetired = description.appliesToRetired
            self.appliesToUnreadFiles = description.appliesToUnreadFiles
        }
    }
}
