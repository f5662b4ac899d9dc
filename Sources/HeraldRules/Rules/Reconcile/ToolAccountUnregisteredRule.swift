import HeraldCore

/// Every account the tools hold is in the registry.
public struct ToolAccountUnregisteredRule: Rule {
    public static let description = RuleDescription(
        id: "tool-account-unregistered",
        summary: "Every account the social media tools hold is registered",
        rationale: """
            An account the organisation's tools post to but the registry does not list has no named owners, \
            no review and no place in the public directory: a shadow account. Reconciled with the tools' \
            exports (herald reconcile, herald audit --export); findings point at the export's row.
            """,
        severity: .error,
        auditsAccounts: false,
        auditsOrganisationFiles: true,
        needsExports: true,
        passing: [.export([["platform": "instagram", "handle": "fairhavenparks"]])],
        failing: [.export([["platform": "instagram", "handle": "fairhavenparks"], ["platform": "x", "handle": "FairhavenParksEvents"]])])

    public init() {}

    /// Never called: the rule audits no account (`auditsAccounts: false`).
    public func check(_ account: Account, in context: AuditContext) -> [Violation] { [] }

    public func checkOrganisation(in context: AuditContext) -> [OrganisationViolation] {
        let registered = AccountsByKey(context.registry)
        return (context.exports ?? []).flatMap { export in
            export.rows.compactMap { row -> OrganisationViolation? in
                let keys = row.identityKeys
                guard !keys.isEmpty, registered.first(named: keys) == nil else { return nil }
                return OrganisationViolation(file: export.file, Violation(at: row.place("handle"),
                    "\(row.shown) is in the tool but not in the registry: register it (an account file with its owners), or remove it from the tool",
                    field: "handle"))
            }
        }
    }
}
