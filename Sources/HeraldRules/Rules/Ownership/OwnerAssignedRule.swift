import HeraldCore

/// Every account has enough named owners, each of them a current member of staff.
public struct OwnerAssignedRule: Rule {
    public static let description = RuleDescription(
        id: "owner-assigned",
        summary: "The account has enough owners, all of them current staff",
        rationale: """
            Someone must answer for every official account, and access must never rest with one person or \
            with someone who has left. The account needs at least the unit's min_owners distinct owners, \
            each listed in people.yaml and active.
            """,
        severity: .error,
        passing: [.account(), .account(["owners": "[jdoe, asmith, mchen]"])],
        failing: [
            .account(["owners": "↓[jdoe]"]),
            .account(["owners": "[jdoe, ↓bleft]"]),
            .account(["owners": "[jdoe, ↓jdeo]"]),
            .account(["owners": "[jdoe, ↓jdoe]"]),
            .account(["owners": nil]),
        ])

    public init() {}

    public func check(_ account: Account, in context: AuditContext) -> [Violation] {
        let required = context.facts(for: account).standards.minOwners
        guard let owners = account.owners else {
            if account.schemaProblems.contains(where: { $0.field == "owners" }) { return [] }
            return [Violation(at: account.location, "the account has no owners: add `owners:` with at least \(required) people ids from people.yaml", field: "owners")]
        }
        var violations: [Violation] = []
        // A handful of owners: each is looked for among those before it, with no list of its own to make.
        var distinct = 0
        for (position, owner) in owners.value.enumerated() {
            guard !owners.value[..<position].contains(where: { $0.value == owner.value }) else {
                violations.append(Violation(at: owner.location, "owner \"\(owner.value)\" is listed twice: remove the repeat", field: "owners"))
                continue
            }
            distinct += 1
            if let standing = context.standing[owner.value] {
                if !standing.active {
                    violations.append(Violation(at: owner.location,
                        "owner \"\(owner.value)\" (\(context.registry.people[owner.value]?.name ?? owner.value)) has left or lost access: replace them with an active member of staff", field: "owners"))
                }
            } else {
                violations.append(Violation(at: owner.location,
                    "owner \"\(owner.value)\" is not in people.yaml: correct the id or add the person to people.yaml", field: "owners"))
            }
        }
        if distinct < required {
            let count = distinct == 1 ? "1 owner" : "\(distinct) owners"
            violations.append(Violation(at: owners.location,
                "the account has \(count) but its unit requires at least \(required): add \(required - distinct) more from people.yaml", field: "owners"))
        }
        return violations
    }
}
