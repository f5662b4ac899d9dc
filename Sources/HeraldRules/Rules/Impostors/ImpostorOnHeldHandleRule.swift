import HeraldCore

/// No impostor uses a handle the organisation retired and holds.
public struct ImpostorOnHeldHandleRule: Rule {
    public static let description = RuleDescription(
        id: "impostor-on-held-handle",
        summary: "No impostor uses a retired handle the organisation holds",
        rationale: """
            A retired account is kept so that nobody else can take its handle. An impostor under that handle \
            means the hold failed: the account was deleted, renamed or taken over. Report the impostor to the \
            platform with the retired account's record, and check who holds the old account's credentials. \
            Findings point at the entry in impostors.yaml.
            """,
        severity: .error,
        auditsAccounts: false,
        auditsOrganisationFiles: true,
        passing: [
            .impostors("- platform: x\n  handle: FairhavenPools\n  reported: 2026-11-02\n  status: reported\n"),
        ],
        failing: [
            .impostors("- platform: x\n  handle: ↓FairhavenPool\n  reported: 2026-11-02\n  status: reported\n",
                       alongside: [Example.File(path: "parks/x-fairhavenpool.yaml", yaml: """
                           platform: x
                           handle: FairhavenPool
                           url: https://x.com/FairhavenPool
                           unit: parks
                           status: retired
                           retired_on: 2025-09-30
                           handle_held: true

                           """)]),
        ])

    public init() {}

    /// Never called: the rule audits no account (`auditsAccounts: false`).
    public func check(_ account: Account, in context: AuditContext) -> [Violation] { [] }

    public func checkOrganisation(in context: AuditContext) -> [OrganisationViolation] {
        guard let file = context.registry.impostorsFile else { return [] }
        let held = AccountsByKey(context.registry) { $0.isRetired && $0.handleHeld?.value == true }
        return context.registry.impostors.compactMap { impostor in
            guard let account = held.first(named: impostor.identityKeys) else { return nil }
            return OrganisationViolation(file: file, Violation(at: impostor.place,
                "\(impostor.shown) uses the retired handle that \(account.file) records as held: the hold failed; report the impostor to the platform with the retired account's record, and check who holds that account's credentials",
                field: "handle"))
        }
    }
}
