import HeraldCore

/// The bio fits in the platform's limit.
public struct BioLengthRule: Rule {
    public static let description = RuleDescription(
        id: "bio-length",
        summary: "The bio fits the platform's length limit",
        rationale: """
            A bio longer than the platform allows cannot be saved as written, so what followers see differs \
            from the registry — often without the office's name or the disclaimer at its end. Limits, in \
            characters as people see them (an emoji or an accented letter counts once): x 160, instagram \
            150, threads 150, tiktok 80, facebook 101, linkedin 120 (the tagline), youtube 1000, bluesky 256, \
            mastodon 500. Standards may set other limits per platform: `bio_max_length: {linkedin: 220}`.
            """,
        severity: .error,
        passing: [
            .account(),
            .account(["bio": "\"Parks and Recreation Department 🌳🌲, City of Fairhaven — Not monitored 24/7. Trails, pools, camps, and events for everyone in Fairhaven, all year.\""]),
        ],
        failing: [
            .account(["bio": "↓\"Official account of the Parks and Recreation Department, City of Fairhaven. Trails, pools, summer camps, playgrounds and events for everyone. Not monitored 24/7.\""]),
            .account(["bio": "↓\"Parks and Recreation Department. Not monitored 24/7.\""], units: ExampleOrganisation.parks(standards: "bio_max_length: {instagram: 40}")),
        ])

    public init() {}

    public func check(_ account: Account, in context: AuditContext) -> [Violation] {
        guard let platform = account.platform?.value, let bio = account.bio else { return [] }
        let limit = context.facts(for: account).standards.bioLimit(on: platform)
        // Most bios are far shorter than any limit: counting bytes settles them without grapheme breaking.
        guard bio.value.utf8.count > limit else { return [] }
        let length = bio.value.count
        guard length > limit else { return [] }
        return [Violation(at: bio.location,
            "the bio is \(length) characters long, more than the \(limit) \(platform.rawValue) allows: shorten it by \(length - limit), keeping the office's name and any required phrase",
            field: "bio")]
    }
}
