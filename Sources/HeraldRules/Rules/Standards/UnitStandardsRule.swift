import HeraldCore

/// The account meets the standards its unit adds: platforms, handle pattern, bio phrases (required and
/// forbidden), archiving.
public struct UnitStandardsRule: Rule {
    public static let description = RuleDescription(
        id: "unit-standards",
        summary: "The account meets its unit's standards",
        rationale: """
            Units may add standards of their own to the organisation's, inherited down the unit hierarchy: \
            which platforms they use, a naming pattern for handles so followers can recognise them, phrases \
            every bio must carry (a disclaimer, a response time), phrases no bio may use (an organisation \
            that wants the plain unit name forbids "Official account of"), and archiving where records law \
            asks. The nearest unit's value wins; bio phrases add up over all levels.
            """,
        severity: .error,
        passing: [
            .account(),
            .account(["platform": "tiktok", "handle": "citylibrary", "url": "https://www.tiktok.com/@citylibrary", "unit": "library",
                      "name": "City Library", "bio": "\"Fairhaven Public Library\"", "archiving": nil]),
        ],
        failing: [
            .account(["platform": "↓tiktok", "url": "https://www.tiktok.com/@fairhavenparks"]),
            .account(["handle": "↓cityparks", "url": "https://www.instagram.com/cityparks/"]),
            .account(["bio": "↓\"Official account of the Parks and Recreation Department.\""]),
            .account(["handle": "fairhavenlibrary", "url": "https://www.instagram.com/fairhavenlibrary/", "unit": "library",
                      "name": "Fairhaven Public Library", "bio": "↓\"Official account of the Fairhaven Public Library.\"", "archiving": nil]),
            .account(["archiving": nil]),
        ])

    public init() {}

    public func check(_ account: Account, in context: AuditContext) -> [Violation] {
        let facts = context.facts(for: account)
        guard let unitID = account.unit?.value, facts.isKnown else { return [] }
        let standards = facts.standards
        var violations: [Violation] = []
        if let platform = account.platform, let allowed = standards.platforms, !allowed.contains(platform.value) {
            violations.append(Violation(at: platform.location,
                "unit \(unitID) does not use \(platform.value.rawValue): its standards allow \(allowed.map(\.rawValue).joined(separator: ", ")); retire the account or ask the unit's maintainers to allow the platform", field: "platform"))
        }
        if let handle = account.handle, let pattern = standards.handlePattern, !pattern.matches(handle.value) {
            violations.append(Violation(at: handle.location,
                "handle \"\(handle.value)\" does not follow the naming pattern \(pattern.source) of unit \(unitID): use a handle that matches it", field: "handle"))
        }
        if case let phrases = facts.bioPhrases, !phrases.isEmpty {
            let bio = NormalizedText(account.bio?.value ?? "")
            for (phrase, normalized) in phrases where !bio.contains(normalized) {
                violations.append(Violation(at: account.bio?.location ?? account.location,
                    "bio lacks the phrase \"\(phrase)\" required by the standards of unit \(unitID): add it to the bio", field: "bio"))
            }
        }
        if case let phrases = facts.forbiddenBioPhrases, !phrases.isEmpty, let bio = account.bio {
            let text = NormalizedText(bio.value)
            for (phrase, normalized) in phrases where text.contains(normalized) {
                violations.append(Violation(at: bio.location,
                    "bio uses the phrase \"\(phrase)\", which the standards of unit \(unitID) forbid: reword the bio without it", field: "bio"))
            }
        }
        if standards.requireArchiving, account.archiving == nil {
            violations.append(Violation(at: account.location,
                "unit \(unitID) requires archiving: add `archiving:` with the service that archives this account's posts", field: "archiving"))
        }
        return violations
    }
}
