import HeraldCore

/// The unit an account belongs to must have a file in `units/`.
public struct UnitKnownRule: Rule {
    public static let description = RuleDescription(
        id: "unit-known",
        summary: "The account's unit exists",
        rationale: """
            Every official account answers to an office or department. An account whose unit has no file \
            in units/ has no name to state in its bio, no maintainers to approve changes and no standards \
            to meet: the unit was renamed, merged or mistyped.
            """,
        severity: .error,
        appliesToRetired: true,
        passing: [
            .account(),
            .account(["handle": "fairhavenlibrary", "url": "https://www.instagram.com/fairhavenlibrary/", "unit": "library",
                      "name": "Fairhaven Public Library", "bio": "\"Fairhaven Public Library: events, e-books and opening hours.\"", "archiving": nil]),
        ],
        failing: [.account(["unit": "↓tourism", "handle": "fairhaventourism"])])

    public init() {}

    public func check(_ account: Account, in context: AuditContext) -> [Violation] {
        guard let unit = account.unit, !context.facts(for: account).isKnown else { return [] }
        return [Violation(at: unit.location,
                          "unit \"\(unit.value)\" has no file in units/: correct the unit id or ask the communications office to add units/\(unit.value).yaml",
                          field: "unit")]
    }
}
