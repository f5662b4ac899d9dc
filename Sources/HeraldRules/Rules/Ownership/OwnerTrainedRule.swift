import HeraldCore

/// Every owner has acknowledged the social media policy recently.
public struct OwnerTrainedRule: Rule {
    public static let description = RuleDescription(
        id: "owner-trained",
        summary: "Every owner acknowledged the social media policy recently",
        rationale: """
            People who post for the organisation must know its policy: records, accessibility, comments, \
            what never to post. Policies ask owners to take the training and acknowledge the policy \
            regularly. Each owner's `policy_acknowledged` date in people.yaml must be no older than the \
            `training_every_days` (default 365) of each unit whose accounts they own, on the audit date. \
            The finding is the person's, so it is reported once, at their entry in people.yaml, naming the \
            accounts it affects (retired accounts do not count).
            """,
        severity: .warning,
        auditsAccounts: false,
        auditsOrganisationFiles: true,
        passing: [
            .account(),
            .account(people: """
                - {id: jdoe, name: Jane Doe, email: jane.doe@fairhaven.gov, unit: parks, policy_acknowledged: 2026-03-02}
                - {id: asmith, name: Alex Smith, email: alex.smith@fairhaven.gov, unit: parks, policy_acknowledged: 2025-06-01}
                - {id: mchen, name: Mei Chen, email: mei.chen@fairhaven.gov, unit: city-hall, policy_acknowledged: 2026-05-20}

                """, units: ExampleOrganisation.parks(standards: "training_every_days: 730")),
        ],
        failing: [
            .people("""
                - {id: jdoe, name: Jane Doe, email: jane.doe@fairhaven.gov, unit: parks, policy_acknowledged: 2026-03-02}
                - {id: asmith, name: Alex Smith, email: alex.smith@fairhaven.gov, unit: parks, policy_acknowledged: ↓2024-09-30}
                - {id: mchen, name: Mei Chen, email: mei.chen@fairhaven.gov, unit: city-hall, policy_acknowledged: 2026-05-20}

                """),
            .people("""
                - {id: ↓jdoe, name: Jane Doe, email: jane.doe@fairhaven.gov, unit: parks}
                - {id: asmith, name: Alex Smith, email: alex.smith@fairhaven.gov, unit: parks, policy_acknowledged: 2026-01-15}
                - {id: mchen, name: Mei Chen, email: mei.chen@fairhaven.gov, unit: city-hall, policy_acknowledged: 2026-05-20}

                """),
        ])

    public init() {}

    /// Never called: the finding is the person's (`auditsAccounts: false`).
    public func check(_ account: Account, in context: AuditContext) -> [Violation] { [] }

    public func checkOrganisation(in context: AuditContext) -> [OrganisationViolation] {
        let registry = context.registry
        let peopleFile = registry.path("people.yaml")
        // Only people whose training is missing, in the future, or older than the strictest unit allows
        // can have a finding: the accounts are searched for them alone.
        let strictest = ([context.organisationFacts] + context.unitFacts.values).map(\.standards.trainingEveryDays).min() ?? .max
        let candidates = Set(registry.people.values.filter { person in
            guard person.active else { return false }
            guard let age = person.policyAcknowledged.map({ $0.value.days(until: context.asOf) }) else { return true }
            return age < 0 || age > strictest
        }.map(\.id))
        var violations: [OrganisationViolation] = []
        let owned = PersonFindings.accounts(ownedBy: candidates, in: registry)
        for id in PersonFindings.inFileOrder(owned.keys, in: registry) {
            // owner-assigned reports owners who are unknown or have left.
            guard let person = registry.people[id], person.active, let accounts = owned[id] else { continue }
            let acknowledged = person.policyAcknowledged
            let age = acknowledged.map { $0.value.days(until: context.asOf) }
            // The accounts whose unit asks for a more recent training than the person's.
            let late = accounts.filter { account in
                guard let age, age >= 0 else { return true }
                return age > context.facts(for: account).standards.trainingEveryDays
            }
            guard !late.isEmpty else { continue }
            let affected = PersonFindings.naming(late)
            let violation: Violation
            if let acknowledged, let age {
                if age < 0 {
                    violation = Violation(at: acknowledged.location,
                        "\(id)'s policy_acknowledged date \(acknowledged.value) is after the audit date \(context.asOf): correct it\(affected)",
                        field: "policy_acknowledged")
                } else {
                    let allowed = late.map { context.facts(for: $0).standards.trainingEveryDays }.min()!
                    violation = Violation(at: acknowledged.location,
                        "\(id) (\(person.name)) last acknowledged the social media policy on \(acknowledged.value), \(age) days ago, more than the \(allowed) days their accounts' units allow: have them retake the training and update policy_acknowledged\(affected)",
                        field: "policy_acknowledged")
                }
            } else {
                violation = Violation(at: person.location,
                    "\(id) (\(person.name)) has no record of acknowledging the social media policy: once they have taken the training, add `policy_acknowledged: YYYY-MM-DD` to their entry\(affected)",
                    field: "policy_acknowledged")
            }
            violations.append(OrganisationViolation(file: peopleFile, violation))
        }
        return violations
    }
}
