import HeraldCore

/// The bio must say which office or department runs the account.
public struct BioStatesOfficeRule: Rule {
    public static let description = RuleDescription(
        id: "bio-states-office",
        summary: "The bio states the office or department",
        rationale: """
            Followers must be able to tell an official account from a fan page or an impostor, and know \
            which office speaks. The bio has to name the unit, by its name or one of its aliases; letter \
            case, accents and spacing do not matter, but the words must be whole.
            """,
        severity: .error,
        passing: [
            .account(),
            .account(["bio": "\"Fairhaven parks dept news. Not monitored 24/7.\""]),
            .account(["bio": "\"PARKS AND  RECREATION   DEPARTMENT — Not monitored 24/7\""]),
            .account(["bio": "\"Official: Parks and Récreation Department. Not monitored 24/7.\""]),
        ],
        failing: [
            .account(["bio": "↓\"Fun in the sun! Not monitored 24/7.\""]),
            .account(["bio": "↓\"\""]),
            .account(["bio": "↓\"Fairhaven Parksville fan page. Not monitored 24/7.\""]),
            .account(["bio": nil]),
        ])

    public init() {}

    public func check(_ account: Account, in context: AuditContext) -> [Violation] {
        let facts = context.facts(for: account)
        guard let unitID = account.unit?.value, facts.isKnown else { return [] }
        let office = facts.office ?? unitID
        guard let bio = account.bio, !NormalizedText.isBlank(bio.value) else {
            return [Violation(at: account.bio?.location ?? account.location, "the account has no bio: write one that mentions \(office)", field: "bio")]
        }
        let text = NormalizedText(bio.value)
        guard !facts.namesForBio.contains(where: text.contains) else { return [] }
        return [Violation(at: bio.location, "bio does not state the office: mention \(office)", field: "bio")]
    }
}
