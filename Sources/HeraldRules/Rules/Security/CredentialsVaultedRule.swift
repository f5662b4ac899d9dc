import HeraldCore

/// The account says where its credentials are kept: a password manager or vault entry.
public struct CredentialsVaultedRule: Rule {
    public static let description = RuleDescription(
        id: "credentials-vaulted",
        summary: "The account names the vault entry that holds its credentials",
        rationale: """
            Passwords of official accounts must live in the organisation's password manager, shared through \
            it and never by e-mail, chat or spreadsheet, so access survives staff changes and can be revoked. \
            The account records where: `credentials: "1Password: Comms / Parks Instagram"` — a reference \
            (vault, folder, entry), never the password itself. A single word with no vault, folder or \
            separator is taken for a password. Units may say `require_vault: false` (default true).
            """,
        severity: .warning,
        passing: [.account(), .account(["credentials": "\"vault://comms/parks-instagram\""]),
                  .account(["credentials": nil], units: ExampleOrganisation.parks(standards: "require_vault: false"))],
        failing: [.account(["credentials": nil]), .account(["credentials": "↓Sunflower2026"])])

    public init() {}

    public func check(_ account: Account, in context: AuditContext) -> [Violation] {
        guard context.facts(for: account).standards.requireVault else { return [] }
        guard let credentials = account.credentials else {
            if account.schemaProblems.contains(where: { $0.field == "credentials" }) { return [] }
            return [Violation(at: account.location,
                "the account does not say where its password is kept: store it in the organisation's password manager and add `credentials:` with the entry's reference (vault / folder / entry), never the password",
                field: "credentials")]
        }
        // A value that looks like a key or token is reported by no-secrets.
        if account.secretSuspects.contains(where: { $0.location == credentials.location }) || Account.isVaultReference(credentials.value) { return [] }
        return [Violation(at: credentials.location,
            "\"credentials\" holds a single word, not a reference to a vault entry: if it is the password, delete it from the file and change the password; then write where it is kept, like \"1Password: Comms / Parks Instagram\"",
            field: "credentials")]
    }
}
