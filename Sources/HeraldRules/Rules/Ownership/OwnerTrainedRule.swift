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
            unit's `training_every_days` (default 365) on the audit date.
            """,
        severity: .warning,
        passing: [
            .account(),
            .account(people: """
                - {id: jdoe, name: Jane Doe, email: jane.doe@fairhaven.gov, unit: parks, policy_acknowledged: 2026-03-02}
                - {id: asmith, name: Alex Smith, email: alex.smith@fairhaven.gov, unit: parks, policy_acknowledged: 2025-06-01}
                - {id: mchen, name: Mei Chen, email: mei.chen@fairhaven.gov, unit: city-hall, policy_acknowledged: 2026-05-20}

                """, units: ExampleOrganisation.parks(standards: "training_every_days: 730")),
        ],
        failing: [
            .account(["owners": "[jdoe, ↓asmith]"], people: """
                - {id: jdoe, name: Jane Doe, email: jane.doe@fairhaven.gov, unit: parks, policy_acknowledged: 2026-03-02}
                - {id: asmith, name: Alex Smith, email: alex.smith@fairhaven.gov, unit: parks, policy_acknowledged: 2024-09-30}

                """),
            .account(["owners": "[↓jdoe, asmith]"], people: """
                - {id: jdoe, name: Jane Doe, email: jane.doe@fairhaven.gov, unit: parks}
                - {id: asmith, name: Alex Smith, email: alex.smith@fairhaven.gov, unit: parks, policy_acknowledged: 2026-01-15}

                """),
        ])

    public init() {}

    public func check(_ account: Account, in context: AuditContext) -> [Violation] {
        let every = context.facts(for: account).standards.trainingEveryDays
        var violations: [Violation] = []
        for owner in account.owners?.value ?? [] {
            guard let standing = context.standing[owner.value], standing.active else { continue }  // owner-assigned reports those
            if let acknowledged = standing.policyAcknowledged, case let age = acknowledged.days(until: context.asOf), age >= 0, age <= every { continue }
            guard let person = context.registry.people[owner.value] else { continue }
            guard let acknowledged = person.policyAcknowledged else {
                violations.append(Violation(at: owner.location,
                    "owner \(owner.value) (\(person.name)) has no record of acknowledging the social media policy: once they have taken the training, add `policy_acknowledged: YYYY-MM-DD` to their entry in people.yaml (line \(person.location.line))",
                    field: "owners"))
                continue
            }
            let age = acknowledged.value.days(until: context.asOf)
            if age < 0 {
                violations.append(Violation(at: owner.location,
                    "owner \(owner.value)'s policy_acknowledged date \(acknowledged.value) is after the audit date \(context.asOf): correct it in people.yaml (line \(acknowledged.location.line))",
                    field: "owners"))
            } else if age > every {
                violations.append(Violation(at: owner.location,
                    "owner \(owner.value) (\(person.name)) last acknowledged the social media policy on \(acknowledged.value), \(age) days ago, more than the \(every) days allowed: have them retake the training and update policy_acknowledged in people.yaml (line \(acknowledged.location.line))",
                    field: "owners"))
            }
        }
        return violations
    }
}
