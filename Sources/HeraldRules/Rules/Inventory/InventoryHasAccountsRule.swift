import HeraldCore

/// An inventory with no account file is almost always the wrong folder.
public struct InventoryHasAccountsRule: Rule {
    public static let description = RuleDescription(
        id: "inventory-has-accounts",
        summary: "The inventory holds at least one account file",
        rationale: """
            An audit of no accounts finds nothing wrong, so a nightly job or a pull-request check pointed at \
            the wrong folder (or at a registry whose accounts/ folder was emptied) would pass and \
            look healthy. The finding says so at herald.yaml. It is a warning: an organisation that wants \
            such a job to fail sets `inventory-has-accounts: error` under `rules:` in herald.yaml.
            """,
        severity: .warning,
        auditsAccounts: false,
        auditsOrganisationFiles: true,
        passing: [.account()],
        failing: [.settingsWithoutAccounts("↓organisation: City of Fairhaven\nofficial_domains: [fairhaven.gov]\n")])

    public init() {}

    /// Never called: the rule audits no account (`auditsAccounts: false`).
    public func check(_ account: Account, in context: AuditContext) -> [Violation] { [] }

    public func checkOrganisation(in context: AuditContext) -> [OrganisationViolation] {
        let registry = context.registry
        guard registry.accounts.isEmpty else { return [] }
        let accounts = registry.path("accounts/")
        return [OrganisationViolation(file: registry.path("herald.yaml"), Violation(at: .startOfFile,
            "\(accounts) holds no account file, so this audit checked nothing: check that the audit reads the right folder, or add the accounts, one file each in accounts/<unit-id>/"))]
    }
}
