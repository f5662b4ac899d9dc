import HeraldCore

/// No account is both registered as official and reported as an impostor.
public struct ImpostorNotOfficialRule: Rule {
    public static let description = RuleDescription(
        id: "impostor-not-official",
        summary: "No account is both registered as official and reported as an impostor",
        rationale: """
            The public directory tells people an account is official or an impostor; it cannot say both. An \
            entry of impostors.yaml that names a registered active account means one of the two records is \
            wrong: someone registered an impostor as official, or reported the organisation's own account. \
            Findings point at the entry in impostors.yaml.
            """,
        severity: .error,
        auditsAccounts: false,
        auditsOrganisationFiles: true,
        passing: [
            .account(),
            .impostors("- platform: instagram\n  handle: fairhavenparks_official\n  reported: 2026-11-02\n  status: reported\n"),
        ],
        failing: [
            .impostors("- platform: instagram\n  handle: ↓FairhavenParks\n  reported: 2026-11-02\n  status: reported\n"),
            .impostors("- platform: instagram\n  url: ↓https://www.instagram.com/fairhavenparks/\n  reported: 2026-11-02\n  status: removed\n"),
        ])

    public init() {}

    /// Never called: the rule audits no account (`auditsAccounts: false`).
    public func check(_ account: Account, in context: AuditContext) -> [Violation] { [] }

    public func checkOrganisation(in context: AuditContext) -> [OrganisationViolation] {
        guard let file = context.registry.impostorsFile else { return [] }
        let official = AccountsByKey(context.registry) { !$0.isRetired }
        return context.registry.impostors.compactMap { impostor in
            guard let account = official.first(named: impostor.identityKeys) else { return nil }
            return OrganisationViolation(file: file, Violation(at: impostor.place,
                "\(impostor.shown) is reported as an impostor but registered as official in \(account.file): one of the two is wrong; delete the impostor entry, or retire the account file if the organisation does not run it",
                field: "handle"))
        }
    }
}
