import HeraldCore

/// A rule as this audit ran it: its documentation, the severity the organisation gives it, and which
/// accounts it checks. Reports list these (SARIF's rule table, JUnit's suites, the HTML rule table).
public struct AuditedRule: Sendable {
    public let rule: any Rule
    public let description: RuleDescription
    public let severity: Severity

    public var id: String { description.id }

    public init(rule: any Rule, severity: Severity) {
        self.rule = rule
        self.description = rule.description
        self.severity = severity
    }

    /// Whether the rule looks at `account`: rules about organisation files look at no account; retired accounts and files that could not be read are left to
    /// the rules that say they handle them.
    public func checks(_ account: Account) -> Bool {
        AuditedRule.checks(account, auditsAccounts: description.auditsAccounts, retiredToo: description.appliesToRetired,
                           unreadToo: description.appliesToUnreadFiles)
    }

    /// The test behind `checks(_:)`, for callers that keep a rule's flags without its documentation.
    static func checks(_ account: Account, auditsAccounts: Bool, retiredToo: Bool, unreadToo: Bool) -> Bool {
        auditsAccounts && (retiredToo || !account.isRetired) && (unreadToo || account.wasRead)
    }
}
