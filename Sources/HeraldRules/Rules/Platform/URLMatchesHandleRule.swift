import HeraldCore

/// The account's address is a secure link to this account on its platform.
public struct URLMatchesHandleRule: Rule {
    public static let description = RuleDescription(
        id: "url-matches-handle",
        summary: "The url is an https link to this account on its platform",
        rationale: """
            The registry's link is what the website, the directory of official accounts and the nightly \
            report point people to. A link to another platform, to another account or over plain http sends \
            them somewhere else — perhaps to an impostor. The url must start with https:// and be one of the \
            profile address forms the platform serves (every host, legacy and mobile hosts included, and \
            every path form in the table below), naming the account's handle or its stable id \
            (`channel_id`, `page_id`, `did`). A trailing slash, a query, a fragment and a profile tab \
            (`/videos`, `/about`) are allowed. The fix proposes an address only when the platform table \
            proves it leads to the same account: built from a stable id, or from a handle that only one \
            kind of identifier can be. A YouTube name may be a handle (`/@name`), a legacy username \
            (`/user/name`) or a legacy custom URL (`/c/name`), each possibly another channel's: Herald never \
            proposes one for another.

            \(PlatformTable.addressMarkdown)
            """,
        severity: .error,
        passing: [
            .account(),
            .account(["platform": "x", "handle": "fairhavenparks", "url": "https://twitter.com/FairhavenParks"], units: ExampleOrganisation.anyPlatform),
            .account(["platform": "x", "handle": "fairhavenparks", "url": "https://mobile.twitter.com/fairhavenparks?lang=en"], units: ExampleOrganisation.anyPlatform),
            .account(["platform": "youtube", "handle": "FairhavenParks", "url": "https://www.youtube.com/user/FairhavenParks/videos"], units: ExampleOrganisation.anyPlatform),
            .account(["platform": "youtube", "handle": "FairhavenParks", "url": "https://www.youtube.com/c/FairhavenParks"], units: ExampleOrganisation.anyPlatform),
            .account(["platform": "youtube", "handle": "FairhavenParks", "url": "https://www.youtube.com/channel/UCxAbCdEfGhIjKlMnOpQrStU", "channel_id": "UCxAbCdEfGhIjKlMnOpQrStU"], units: ExampleOrganisation.anyPlatform),
            .account(["platform": "facebook", "handle": "FairhavenParks", "url": "https://www.facebook.com/profile.php?id=123456789012345", "page_id": "\"123456789012345\""], units: ExampleOrganisation.anyPlatform),
            .account(["platform": "facebook", "handle": "\"123456789012345\"", "url": "https://www.facebook.com/pages/Fairhaven-Parks/123456789012345"], units: ExampleOrganisation.anyPlatform),
            .account(["platform": "mastodon", "handle": "FairhavenParks@social.fairhaven.gov", "url": "https://social.fairhaven.gov/@fairhavenparks"], units: ExampleOrganisation.anyPlatform),
            .account(["platform": "bluesky", "handle": "parks.fairhaven.gov", "url": "https://bsky.app/profile/did:plc:ewvi7nxzyoun6zhxrhs64oiz", "did": "did:plc:ewvi7nxzyoun6zhxrhs64oiz"], units: ExampleOrganisation.anyPlatform),
        ],
        failing: [
            .account(["url": "↓http://www.instagram.com/fairhavenparks/"]),
            .account(["url": "↓https://www.instagram.com/fairhaven_parks/"]),
            .account(["url": "↓https://www.facebook.com/fairhavenparks"]),
            .account(["platform": "youtube", "handle": "FairhavenParks", "url": "↓https://www.youtube.com/@FairhavenParksDept"]),
            .account(["platform": "mastodon", "handle": "FairhavenParks@social.fairhaven.gov", "url": "↓https://mastodon.social/@FairhavenParks"]),
        ])

    public init() {}

    public func check(_ account: Account, in context: AuditContext) -> [Violation] {
        guard let handle = account.handle?.value, let url = account.url, let identifiers = account.identifiers else { return [] }
        guard let problem = URLMatchesHandleRule.problem(with: url.value, handle: handle, identifiers: identifiers) else { return [] }
        return [Violation(at: url.location, problem, field: "url")]
    }

    /// What is wrong with `url` for the account, with the fix; nil when it leads to the account.
    static func problem(with url: String, handle: String, identifiers: AccountIdentifiers) -> String? {
        let platform = identifiers.profile.platform.rawValue
        var fix: String {
            identifiers.provenAddress.map { "write \($0)" } ?? "copy the address from the account's own page on \(platform)"
        }
        switch ProfileAddress.read(url, on: identifiers.profile) {
        case .notAWebAddress:
            return "the url \(url) is not a web address starting with https://: \(fix)"
        case let .otherHost(host):
            return "the url points at \(host), not \(platform): \(fix)"
        case let .unknownPath(host, path):
            // The url repeats a handle that cannot exist: handle-syntax reports the one fault.
            if !identifiers.handleCanExist && path.lowercased() == "/" + AccountIdentifiers.bare(handle).lowercased() { return nil }
            return "the url is not a profile address of \(platform) (\(host)\(path)): \(fix)"
        case let .profile(kind, identifier, secure):
            // A handle that cannot exist is handle-syntax's finding; the url is not compared with it.
            let compared = identifiers.handleCanExist || identifiers.stableID != nil
            if compared && !identifiers.isNamed(by: kind, identifier) {
                let stable = identifiers.stableID.map { " or \($0.kind.rawValue) \($0.value)" } ?? ""
                return "the url leads to the \(kind.rawValue) \(identifier), not to this account's handle \(handle)\(stable): \(fix), or correct the handle"
            }
            return secure ? nil : "the url uses plain http, which can be intercepted: write \(identifiers.secureAddress(of: url))"
        }
    }
}
