import HeraldCore

/// Every unit has maintainers, each a current member of staff.
public struct MaintainerKnownRule: Rule {
    public static let description = RuleDescription(
        id: "maintainer-known",
        summary: "Every unit has maintainers, all of them current staff",
        rationale: """
            A unit's maintainers approve its accounts' changes and waivers. A unit with none, or with \
            maintainers who have left or are not in people.yaml, has no one who can answer for it. Each unit \
            file lists at least one maintainer, each an active person in people.yaml. Findings point into the \
            unit files.
            """,
        severity: .error,
        auditsAccounts: false,
        auditsOrganisationFiles: true,
        passing: [.account(), .unit("library", "id: library\nname: Fairhaven Public Library\nparent: city-hall\nmaintainers: [mchen, jdoe]\n")],
        failing: [
            .unit("library", "id: library\nname: Fairhaven Public Library\nparent: city-hall\nmaintainers: [mchen, ↓bleft]\n"),
            .unit("library", "id: library\nname: Fairhaven Public Library\nparent: city-hall\nmaintainers: [↓mchne]\n"),
            .unit("library", "↓id: library\nname: Fairhaven Public Library\nparent: city-hall\n"),
        ])

    public init() {}

    /// Never called: the rule audits no account (`auditsAccounts: false`).
    public func check(_ account: Account, in context: AuditContext) -> [Violation] { [] }

    public func checkOrganisation(in context: AuditContext) -> [OrganisationViolation] {
        var violations: [OrganisationViolation] = []
        for unit in context.registry.units.values.sorted(by: { $0.id < $1.id }) {
            func report(_ location: SourceLocation, _ message: String) {
                violations.append(OrganisationViolation(file: unit.file, unit: unit.id, Violation(at: location, message, field: "maintainers")))
            }
            if unit.maintainers.isEmpty {
                report(unit.maintainersLocation, "unit \(unit.id) has no maintainers: add `maintainers:` with the person ids of the staff who answer for its accounts")
            }
            for maintainer in unit.maintainers {
                if let person = context.registry.people[maintainer.value] {
                    if !person.active {
                        report(maintainer.location, "maintainer \(maintainer.value) (\(person.name)) has left or lost access: replace them with a current member of staff")
                    }
                } else {
                    let hint = KeySuggestion.closest(to: maintainer.value, among: context.registry.people.keys.sorted()).map { "did you mean \"\($0)\"? " } ?? ""
                    report(maintainer.location, "maintainer \"\(maintainer.value)\" is not in people.yaml: \(hint)correct the id or add the person")
                }
            }
        }
        return violations
    }
}
