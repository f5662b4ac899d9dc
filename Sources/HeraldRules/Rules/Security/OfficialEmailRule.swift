import HeraldCore

/// Owners and the account's recovery address use the organisation's own e-mail domains.
public struct OfficialEmailRule: Rule {
    public static let description = RuleDescription(
        id: "official-email",
        summary: "Owners and the recovery address use an official e-mail domain",
        rationale: """
            An account tied to a personal mailbox leaves with its owner, and a password reset sent there is \
            out of the organisation's reach. Every owner's address in people.yaml and the account's \
            `recovery_email` must be on one of the organisation's `official_domains` (herald.yaml), or on a \
            subdomain of one. Nothing is checked while herald.yaml lists no official domain. An owner's \
            address is the person's: it is reported once, at their entry in people.yaml, naming the accounts \
            they own (retired accounts do not count); the recovery address at the account file.
            """,
        severity: .error,
        auditsOrganisationFiles: true,
        passing: [.account(), .account(["recovery_email": "parks.social@rec.fairhaven.gov"]),
                  .account(["recovery_email": "Parks.Social@Rec.Fairhaven.GOV"])],
        failing: [
            .account(["recovery_email": "↓fairhavenparks@gmail.com"]),
            .account(["recovery_email": "↓parks@notfairhaven.gov"]),
            .people("""
                - {id: jdoe, name: Jane Doe, email: ↓janedoe1987@yahoo.com, unit: parks, policy_acknowledged: 2026-03-02}
                - {id: asmith, name: Alex Smith, email: alex.smith@fairhaven.gov, unit: parks, policy_acknowledged: 2026-01-15}
                - {id: mchen, name: Mei Chen, email: mei.chen@fairhaven.gov, unit: city-hall, policy_acknowledged: 2026-05-20}

                """),
            .people("""
                - {id: ↓jdoe, name: Jane Doe, unit: parks, policy_acknowledged: 2026-03-02}
                - {id: asmith, name: Alex Smith, email: alex.smith@fairhaven.gov, unit: parks, policy_acknowledged: 2026-01-15}
                - {id: mchen, name: Mei Chen, email: mei.chen@fairhaven.gov, unit: city-hall, policy_acknowledged: 2026-05-20}

                """),
        ])

    public init() {}

    public func check(_ account: Account, in context: AuditContext) -> [Violation] {
        guard !context.officialDomains.isEmpty, let recovery = account.recoveryEmail, !context.isOfficialAddress(recovery.value) else { return [] }
        return [Violation(at: recovery.location,
            "the recovery address \(recovery.value) is not on an official domain (\(context.officialDomains.joined(separator: ", "))): change the account's recovery e-mail to a shared work mailbox and record it here",
            field: "recovery_email")]
    }

    public func checkOrganisation(in context: AuditContext) -> [OrganisationViolation] {
        let registry = context.registry
        guard !context.officialDomains.isEmpty else { return [] }
        let peopleFile = registry.path("people.yaml")
        let official = context.officialDomains.joined(separator: ", ")
        var violations: [OrganisationViolation] = []
        // owner-assigned reports owners who are unknown or have left.
        let candidates = Set(context.standing.filter { $0.value.active && !$0.value.hasOfficialEmail }.keys)
        let owned = PersonFindings.accounts(ownedBy: candidates, in: registry)
        for id in PersonFindings.inFileOrder(owned.keys, in: registry) {
            guard let person = registry.people[id], let accounts = owned[id] else { continue }
            let affected = PersonFindings.naming(accounts)
            if let email = person.email {
                violations.append(OrganisationViolation(file: peopleFile, Violation(at: person.emailLocation ?? person.location,
                    "\(id)'s e-mail \(email) is not on an official domain (\(official)): write their work address\(affected)",
                    field: "email")))
            } else {
                violations.append(OrganisationViolation(file: peopleFile, Violation(at: person.location,
                    "\(id) (\(person.name)) has no e-mail: add their work address on \(official)\(affected)", field: "email")))
            }
        }
        return violations
    }
}
