import HeraldCore

/// Two-factor authentication is on for the account.
public struct TwoFactorRule: Rule {
    public static let description = RuleDescription(
        id: "two-factor",
        summary: "Two-factor authentication is turned on",
        rationale: """
            A password alone is how most official accounts are taken over: phished, reused or guessed. \
            Every platform offers a second factor (an app or a security key); policies require it on every \
            official account. The account records `two_factor: true` once it is on. Where a unit cannot yet, \
            its standards may say `require_two_factor: false` (default true).
            """,
        severity: .error,
        passing: [.account(), .account(["two_factor": nil], units: ExampleOrganisation.parks(standards: "require_two_factor: false"))],
        failing: [.account(["two_factor": "↓false"]), .account(["two_factor": nil])])

    public init() {}

    public func check(_ account: Account, in context: AuditContext) -> [Violation] {
        guard context.facts(for: account).standards.requireTwoFactor, account.twoFactor?.value != true else { return [] }
        if account.schemaProblems.contains(where: { $0.field == "two_factor" }) { return [] }
        let fix = "turn on two-factor authentication (an authenticator app or a security key) in the account's settings, then record `two_factor: true`"
        if let written = account.twoFactor {
            return [Violation(at: written.location, "two-factor authentication is off: \(fix)", field: "two_factor")]
        }
        return [Violation(at: account.location, "the account does not record two-factor authentication: \(fix)", field: "two_factor")]
    }
}
