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
        let official = ImpostorMatches.accounts(in: context.registry) { !$0.isRetired }
        return context.registry.impostors.compactMap { impostor in
            guard let account = impostor.identityKeys.lazy.compactMap({ official[$0] }).first else { return nil }
            return OrganisationViolation(file: file, Violation(at: impostor.place,
                "\(impostor.shown) is reported as an impostor but registered as official in \(account.file): one of the two is wrong; delete the impostor entry, or retire the account file if the organisation does not run it",
                field: "handle"))
        }
    }
}

/// The registry's accounts by identity key, for matching the impostor register.
enum ImpostorMatches {
    /// Accounts that `include` keeps, by each of their identity keys (the first account of a key wins).
    static func accounts(in registry: Registry, where include: (Account) -> Bool) -> [String: Account] {
        var byKey: [String: Account] = [:]
        for account in registry.accounts where include(account) {
            for key in account.identityKeys where byKey[key] == nil { byKey[key] = account }
        }
        return byKey
    }
}
