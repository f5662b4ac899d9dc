import HeraldCore

/// Every account folder has a maintainer who can review its changes on the code host.
public struct MaintainerCanReviewRule: Rule {
    public static let description = RuleDescription(
        id: "maintainer-can-review",
        summary: "Every unit's maintainers can review its changes on the code host",
        rationale: """
            Where herald.yaml names a code_host (or people.yaml records github: user names, which means \
            GitHub), CODEOWNERS (herald codeowners) makes a unit's maintainers \
            the reviewers of its account folder. A maintainer without a user name on that host (github: or \
            gitlab: in people.yaml) cannot be asked for a review, and a unit none of whose maintainers (or \
            its parents') can review has no reviewer at all. Findings point at the person in people.yaml, \
            where the user name goes; a maintainer who has left is maintainer-known's finding.
            """,
        severity: .warning,
        auditsAccounts: false,
        auditsOrganisationFiles: true,
        passing: [
            .account(),
            .people("- {id: jdoe, name: Jane Doe, email: jane.doe@fairhaven.gov, github: janedoe, policy_acknowledged: 2026-03-02}\n- {id: asmith, name: Alex Smith, email: alex.smith@fairhaven.gov, policy_acknowledged: 2026-01-15}\n- {id: mchen, name: Mei Chen, email: mei.chen@fairhaven.gov, github: meichen}\n"),
        ],
        failing: [
            .people("- {id: ↓jdoe, name: Jane Doe, email: jane.doe@fairhaven.gov}\n- {id: asmith, name: Alex Smith, email: alex.smith@fairhaven.gov}\n- {id: mchen, name: Mei Chen, email: mei.chen@fairhaven.gov, github: meichen}\n"),
        ])

    public init() {}

    /// Never called: the rule audits no account (`auditsAccounts: false`).
    public func check(_ account: Account, in context: AuditContext) -> [Violation] { [] }

    public func checkOrganisation(in context: AuditContext) -> [OrganisationViolation] {
        let registry = context.registry
        guard let host = registry.organisation.codeHost ?? (registry.people.values.contains { $0.github != nil } ? .github : nil) else { return [] }
        let peopleFile = registry.path("people.yaml")
        var violations: [OrganisationViolation] = []
        var units: [String: [String]] = [:]
        for unit in registry.units.values { for maintainer in unit.maintainers { units[maintainer.value, default: []].append(unit.id) } }
        for id in units.keys.sorted() {
            guard let person = registry.people[id], person.active, person.userName(on: host).map(CodeHost.isUserName) != true else { continue }
            violations.append(OrganisationViolation(file: peopleFile, Violation(at: person.location,
                "\(id) maintains \(units[id]!.sorted().joined(separator: ", ")) but has no \(host.rawValue) user name, so code review cannot ask them: add `\(host.rawValue): <user name>` to their entry",
                field: host.rawValue)))
        }
        return violations
    }
}

