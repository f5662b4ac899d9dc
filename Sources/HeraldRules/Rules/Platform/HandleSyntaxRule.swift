import HeraldCore

/// The handle is one the platform can have in use.
public struct HandleSyntaxRule: Rule {
    public static let description = RuleDescription(
        id: "handle-syntax",
        summary: "The handle is valid on its platform",
        rationale: """
            A handle the platform could never have is a typo, or the account's display name or address written \
            in its place, and every link and mention built from it is broken. Real official accounts are older \
            than today's rules for new names (@UN, @FBI and @X are shorter than X asks of a new name), so what \
            decides "cannot exist" is what the platform has **in use**, from its own help pages or validator; \
            the stricter rules for registering a new name are listed for reference and never give a finding. \
            The `handle` may hold any kind of identifier the platform has (a YouTube channel id, a Facebook \
            Page id or `Page-Name-ID`, a Bluesky DID), and a leading `@` copied from a profile is ignored. \
            Letter case never makes a handle invalid: every platform below treats `Name` and `name` as one \
            account (ids excepted).

            \(PlatformTable.markdown)
            """,
        severity: .error,
        passing: [
            .account(),
            .account(["platform": "x", "handle": "FBI", "url": "https://x.com/FBI"], units: ExampleOrganisation.anyPlatform),
            .account(["platform": "x", "handle": "\"@fairhaven_parks\"", "url": "https://x.com/fairhaven_parks"], units: ExampleOrganisation.anyPlatform),
            .account(["handle": "FairhavenParks", "url": "https://www.instagram.com/FairhavenParks/"], units: ExampleOrganisation.anyPlatform),
            .account(["platform": "facebook", "handle": "Fairhaven.Parks", "url": "https://www.facebook.com/Fairhaven.Parks"], units: ExampleOrganisation.anyPlatform),
            .account(["platform": "facebook", "handle": "Fairhaven-Parks-Department-123456789012345", "url": "https://www.facebook.com/Fairhaven-Parks-Department-123456789012345"], units: ExampleOrganisation.anyPlatform),
            .account(["platform": "youtube", "handle": "UCxAbCdEfGhIjKlMnOpQrStU", "url": "https://www.youtube.com/channel/UCxAbCdEfGhIjKlMnOpQrStU"], units: ExampleOrganisation.anyPlatform),
            .account(["platform": "mastodon", "handle": "FairhavenParks@social.fairhaven.gov", "url": "https://social.fairhaven.gov/@FairhavenParks"], units: ExampleOrganisation.anyPlatform),
            .account(["platform": "bluesky", "handle": "did:plc:ewvi7nxzyoun6zhxrhs64oiz", "url": "https://bsky.app/profile/did:plc:ewvi7nxzyoun6zhxrhs64oiz"], units: ExampleOrganisation.anyPlatform),
        ],
        failing: [
            .account(["platform": "facebook", "handle": "↓Fairhaven-Parks-Department", "url": "https://www.facebook.com/Fairhaven-Parks-Department"]),
            // Found whatever the file is named: the rename can wait until the handle is right.
            .account(["platform": "facebook", "handle": "↓Fairhaven-Parks-Department", "url": "https://www.facebook.com/Fairhaven-Parks-Department"],
                     path: "parks/facebook-parks.yaml"),
            .account(["platform": "x", "handle": "↓fairhaven.parks", "url": "https://x.com/fairhaven.parks"]),
            .account(["platform": "x", "handle": "↓fairhavenparksandrecreation", "url": "https://x.com/fairhavenparksandrecreation"]),
            .account(["handle": "↓fairhaven-parks", "url": "https://www.instagram.com/fairhaven-parks/"]),
            .account(["platform": "mastodon", "handle": "↓fairhavenparks", "url": "https://social.fairhaven.gov/@fairhavenparks"]),
            .account(["platform": "bluesky", "handle": "↓fairhavenparks", "url": "https://bsky.app/profile/fairhavenparks"]),
        ])

    public init() {}

    public func check(_ account: Account, in context: AuditContext) -> [Violation] {
        guard let platform = account.platform?.value, let handle = account.handle, let identifiers = account.identifiers,
              !identifiers.handleCanExist, !account.handleIsUnusable else { return [] }
        let kinds = identifiers.profile.handleKinds.map { "a \($0.kind.rawValue) is \($0.shapeWords)" }.joined(separator: "; ")
        return [Violation(at: handle.location,
            "handle \"\(handle.value)\" cannot exist on \(platform.rawValue) (\(kinds)): copy the handle from the account's page, and correct the file name and url with it",
            field: "handle")]
    }
}
