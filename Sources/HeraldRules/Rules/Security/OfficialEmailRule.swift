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
            subdomain of one. Nothing is checked while herald.yaml lists no official domain.
            """,
        severity: .error,
        passing: [.account(), .account(["recovery_email": "parks.social@rec.fairhaven.gov"])],
        failing: [
            .account(["recovery_email": "↓fairhavenparks@gmail.com"]),
            .account(["owners": "[↓jdoe, asmith]"], people: """
                - {id: jdoe, name: Jane Doe, email: janedoe1987@yahoo.com, unit: parks, policy_acknowledged: 2026-03-02}
                - {id: asmith, name: Alex Smith, email: alex.smith@fairhaven.gov, unit: parks, policy_acknowledged: 2026-01-15}
                - {id: mchen, name: Mei Chen, email: mei.chen@fairhaven.gov, unit: city-hall, policy_acknowledged: 2026-05-20}

                """),
        ])

    public init() {}

    public func check(_ account: Account, in context: AuditContext) -> [Violation] {
        let domains = context.officialDomains
        guard !domains.isEmpty else { return [] }
        var official: String { domains.joined(separator: ", ") }
        var violations: [Violation] = []
        for owner in account.owners?.value ?? [] {
            // owner-assigned reports unknown people and people who have left
            guard let standing = context.standing[owner.value], standing.active, !standing.hasOfficialEmail,
                  let person = context.registry.people[owner.value] else { continue }
            if let email = person.email {
                if !context.isOfficialAddress(email) {
                    violations.append(Violation(at: owner.location,
                        "owner \(owner.value)'s e-mail \(email) (people.yaml line \(person.emailLocation?.line ?? person.location.line)) is not on an official domain (\(official)): write their work address in people.yaml",
                        field: "owners"))
                }
            } else {
                violations.append(Violation(at: owner.location,
                    "owner \(owner.value) has no e-mail in people.yaml (line \(person.location.line)): add their work address on \(official)", field: "owners"))
            }
        }
        if let recovery = account.recoveryEmail, !context.isOfficialAddress(recovery.value) {
            violations.append(Violation(at: recovery.location,
                "the recovery address \(recovery.value) is not on an official domain (\(official)): change the account's recovery e-mail to a shared work mailbox and record it here",
                field: "recovery_email"))
        }
        return violations
    }
}
