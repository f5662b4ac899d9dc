/// The platform table: every platform fact Herald uses, each with its source. docs/rules.md repeats it
/// (generated from here by `herald rules --markdown`).
extension PlatformProfile {
    /// The profile of `platform`.
    public static func of(_ platform: Platform) -> PlatformProfile {
        switch platform {
        case .x: return x
        case .instagram: return instagram
        case .threads: return threads
        case .tiktok: return tiktok
        case .facebook: return facebook
        case .linkedin: return linkedin
        case .youtube: return youtube
        case .bluesky: return bluesky
        case .mastodon: return mastodon
        }
    }

    static let x = PlatformProfile(
        platform: .x, bioLimit: 160, bioLimitSource: "https://help.x.com/en/managing-your-account/how-to-customize-your-profile",
        handleKinds: [
            IdentifierRule(.username,
                .name(NameGrammar(length: 1...20, alphabet: .asciiLettersAndDigits, extra: "_", words: "at most 20 letters, digits or underscores")),
                newRegistration: NameGrammar(length: 5...15, alphabet: .asciiLettersAndDigits, extra: "_", words: "5 to 15 letters, digits or underscores"),
                address: "https://x.com/{}",
                source: "names in use: github.com/twitter/twitter-text js/src/regexp/validMentionOrList.js ([a-zA-Z0-9_]{1,20}: older names are shorter than today's minimum, @UN, @FBI, @X, and a few longer than 15); new names: https://help.x.com/en/managing-your-account/x-username-rules (letters, numbers and underscores, longer than 4 and at most 15 characters); not case-sensitive"),
        ],
        stableID: nil,
        hosts: ["x.com", "www.x.com", "mobile.x.com", "twitter.com", "www.twitter.com", "mobile.twitter.com", "m.twitter.com"],
        addresses: [AddressForm("{}", kind: .username)],
        tabs: ["media", "with_replies", "highlights", "likes", "photo"],
        addressSource: "https://help.x.com/en/managing-your-account/x-username-rules (x.com/username; twitter.com addresses redirect to x.com)")

    private static let instagramUsername = IdentifierRule(.username,
        .name(NameGrammar(length: 1...30, alphabet: .asciiLettersAndDigits, extra: "._", words: "at most 30 letters, digits, periods or underscores")),
        newRegistration: NameGrammar(length: 1...30, alphabet: .asciiLowercaseAndDigits, extra: "._", notAtEdges: ".", notTwiceInARow: ".",
                                     words: "at most 30 lower-case letters, digits, periods or underscores, no period first, last or twice in a row"),
        address: "https://www.instagram.com/{}/",
        source: "https://help.instagram.com/ (usernames: letters, numbers, periods and underscores, at most 30 characters); Instagram stores them in lower case and an address with capitals opens the same account")

    static let instagram = PlatformProfile(
        platform: .instagram, bioLimit: 150, bioLimitSource: "https://help.instagram.com/ (bio: 150 characters)",
        handleKinds: [instagramUsername],
        stableID: nil,
        hosts: ["instagram.com", "www.instagram.com", "m.instagram.com", "instagr.am", "www.instagr.am"],
        addresses: [AddressForm("{}", kind: .username)],
        tabs: ["reels", "tagged", "guides"],
        addressSource: "https://help.instagram.com/ (instagram.com/username)")

    static let threads = PlatformProfile(
        platform: .threads, bioLimit: 150, bioLimitSource: "https://help.instagram.com/ (a Threads profile uses the Instagram username; bio: 150 characters)",
        handleKinds: [IdentifierRule(.username, instagramUsername.shape, newRegistration: instagramUsername.newRegistration,
                                     address: "https://www.threads.com/@{}",
                                     source: "https://help.instagram.com/ (a Threads profile has the account's Instagram username)")],
        stableID: nil,
        hosts: ["threads.com", "www.threads.com", "threads.net", "www.threads.net"],
        addresses: [AddressForm("@{}", kind: .username)],
        tabs: ["replies", "reposts", "media"],
        addressSource: "https://help.instagram.com/ (threads.com/@username; threads.net, the first address, redirects there)")

    static let tiktok = PlatformProfile(
        platform: .tiktok, bioLimit: 80, bioLimitSource: "https://support.tiktok.com/en/getting-started/setting-up-your-profile (bio: 80 characters)",
        handleKinds: [
            IdentifierRule(.username,
                .name(NameGrammar(length: 1...30, alphabet: .asciiLettersAndDigits, extra: "._", words: "at most 30 letters, digits, periods or underscores")),
                newRegistration: NameGrammar(length: 2...24, alphabet: .asciiLowercaseAndDigits, extra: "._", notAtEdges: ".",
                                             words: "2 to 24 lower-case letters, digits, periods or underscores, not ending with a period"),
                address: "https://www.tiktok.com/@{}",
                source: "https://support.tiktok.com/en/getting-started/setting-up-your-profile/changing-your-username (letters, numbers, underscores and periods; a period cannot end the name; the app asks 2 to 24 characters of a new name)"),
        ],
        stableID: nil,
        hosts: ["tiktok.com", "www.tiktok.com", "m.tiktok.com"],
        addresses: [AddressForm("@{}", kind: .username)],
        tabs: [],
        addressSource: "https://support.tiktok.com/ (tiktok.com/@username)")

    static let facebook = PlatformProfile(
        platform: .facebook, bioLimit: 101, bioLimitSource: "https://www.facebook.com/help/ (a Page's intro: 101 characters)",
        handleKinds: [
            IdentifierRule(.username,
                .name(NameGrammar(length: 1...50, alphabet: .asciiLettersAndDigits, extra: ".", words: "letters, digits and periods (no hyphens, spaces or underscores)")),
                newRegistration: NameGrammar(length: 5...50, alphabet: .asciiLettersAndDigits, extra: ".", words: "at least 5 letters, digits or periods"),
                ignoresPeriods: true, address: "https://www.facebook.com/{}",
                source: "https://www.facebook.com/help/105399436216001 (usernames: letters A–Z, numbers 0–9 and periods, at least 5 characters; periods and capitals do not tell usernames apart)"),
            facebookPageID,
        ],
        stableID: (key: "page_id", rule: facebookPageID),
        hosts: facebookHosts,
        addresses: [
            AddressForm("profile.php", query: "id", kind: .numericID),
            AddressForm("{}", kind: .numericID),
            AddressForm("{}", kind: .username),
            AddressForm("{-id}", kind: .numericID),
            AddressForm("p/{-id}", kind: .numericID),
            AddressForm("pages/*/{}", kind: .numericID),
            AddressForm("people/*/{}", kind: .numericID),
            AddressForm("pg/{}", kind: .username),
        ],
        tabs: ["about", "photos", "videos", "events", "posts", "reviews", "community", "reels", "mentions", "followers", "live_videos", "timeline", "home", "info"],
        addressSource: "https://www.facebook.com/help/ (a Page without a username is reached by its id: facebook.com/profile.php?id=ID or facebook.com/Page-Name-ID; older forms /pages/Name/ID, /people/Name/ID, /pg/username redirect to the Page)")

    private static let facebookHosts = ["facebook.com", "www.facebook.com", "m.facebook.com", "mobile.facebook.com", "web.facebook.com",
                                        "touch.facebook.com", "mbasic.facebook.com", "business.facebook.com", "fb.com", "www.fb.com"]

    private static let facebookPageID = IdentifierRule(.numericID,
        .name(NameGrammar(length: 5...20, alphabet: .digits, words: "the number Facebook gives the Page, alone or as its address writes it, Page-Name-123456789")),
        caseSensitive: true, address: "https://www.facebook.com/profile.php?id={}",
        source: "https://www.facebook.com/help/ (every Page and profile has a numeric id, whether or not it has a username)")

    static let linkedin = PlatformProfile(
        platform: .linkedin, bioLimit: 120, bioLimitSource: "https://www.linkedin.com/help/linkedin/ (a Page's tagline: 120 characters)",
        handleKinds: [
            IdentifierRule(.username,
                .name(NameGrammar(length: 1...100, alphabet: .lettersAndDigits, extra: "-_.&'’+%", words: "at most 100 letters, digits, hyphens or underscores")),
                address: nil,
                source: "https://www.linkedin.com/help/linkedin/ (a Page's public URL: linkedin.com/company/name, /school/name or /showcase/name; a member's: /in/name)"),
            linkedinID,
        ],
        stableID: nil,
        hosts: linkedinHosts,
        addresses: [
            AddressForm("company/{}", kind: .numericID),
            AddressForm("company/{}", kind: .username),
            AddressForm("school/{}", kind: .username),
            AddressForm("showcase/{}", kind: .username),
            AddressForm("in/{}", kind: .username),
            AddressForm("edu/school", query: "id", kind: .numericID),
        ],
        tabs: ["about", "posts", "people", "jobs", "life", "videos", "events", "mycompany", "insights"],
        addressSource: "https://www.linkedin.com/help/linkedin/ (linkedin.com/company/…, /school/…, /showcase/…, /in/…; the older linkedin.com/edu/school?id=ID still leads to a school's page; country hosts like uk.linkedin.com serve the same pages)")

    private static let linkedinHosts = ["linkedin.com", "www.linkedin.com", "*.linkedin.com"]

    private static let linkedinID = IdentifierRule(.numericID,
        .name(NameGrammar(length: 1...20, alphabet: .digits, words: "a number")),
        caseSensitive: true, address: "https://www.linkedin.com/company/{}",
        source: "https://www.linkedin.com/help/linkedin/ (a Page is also reached by its numeric id: linkedin.com/company/ID)")

    static let youtube = PlatformProfile(
        platform: .youtube, bioLimit: 1000, bioLimitSource: "https://support.google.com/youtube/ (channel description: 1,000 characters)",
        handleKinds: [
            youtubeChannelID,
            IdentifierRule(.handle,
                .name(NameGrammar(length: 3...30, alphabet: .lettersAndDigits, extra: "_-.·", words: "3 to 30 letters, digits, underscores, hyphens or periods")),
                address: "https://www.youtube.com/@{}",
                source: "https://support.google.com/youtube/answer/11585688 (handles: 3 to 30 characters, letters and digits of many languages, underscores, hyphens, periods; not case-sensitive)"),
            IdentifierRule(.legacyUsername,
                .name(NameGrammar(length: 1...100, alphabet: .asciiLettersAndDigits, extra: "_-.", words: "letters and digits")),
                address: "https://www.youtube.com/user/{}",
                source: "https://support.google.com/youtube/answer/6180214 (legacy username URL: youtube.com/user/username)"),
            IdentifierRule(.customURL,
                .name(NameGrammar(length: 1...100, alphabet: .lettersAndDigits, extra: "_-.", words: "letters and digits")),
                address: "https://www.youtube.com/c/{}",
                source: "https://support.google.com/youtube/answer/6180214 (legacy custom URL: youtube.com/c/name or youtube.com/name)"),
        ],
        stableID: (key: "channel_id", rule: youtubeChannelID),
        hosts: youtubeHosts,
        addresses: [
            AddressForm("@{}", kind: .handle),
            AddressForm("channel/{}", kind: .channelID),
            AddressForm("user/{}", kind: .legacyUsername),
            AddressForm("c/{}", kind: .customURL),
            AddressForm("{}", kind: .customURL),
        ],
        tabs: ["featured", "videos", "shorts", "streams", "live", "playlists", "community", "posts", "channels", "about", "podcasts", "releases", "store"],
        addressSource: "https://support.google.com/youtube/answer/6180214 (channel URL youtube.com/channel/ID, handle URL youtube.com/@handle, legacy username URL youtube.com/user/name, legacy custom URL youtube.com/c/name)")

    private static let youtubeHosts = ["youtube.com", "www.youtube.com", "m.youtube.com"]

    private static let youtubeChannelID = IdentifierRule(.channelID,
        .name(NameGrammar(length: 22...22, alphabet: .asciiLettersAndDigits, extra: "_-", words: "UC and 22 letters, digits, hyphens or underscores"), prefix: "UC"),
        caseSensitive: true, address: "https://www.youtube.com/channel/{}",
        source: "https://support.google.com/youtube/answer/3250431 (the channel id, UC followed by 22 characters, in youtube.com/channel/ID; it never changes)")

    static let bluesky = PlatformProfile(
        platform: .bluesky, bioLimit: 256, bioLimitSource: "https://github.com/bluesky-social/atproto lexicons/app/bsky/actor/profile.json (description: maxGraphemes 256)",
        handleKinds: [
            blueskyDID,
            IdentifierRule(.handle, .domainName, address: "https://bsky.app/profile/{}",
                           source: "https://atproto.com/specs/handle (a domain name: labels of 1–63 ASCII letters, digits or hyphens, at least two, 253 characters at most; not case-sensitive, normalised to lower case)"),
        ],
        stableID: (key: "did", rule: blueskyDID),
        hosts: ["bsky.app"],
        addresses: [AddressForm("profile/{}", kind: .did), AddressForm("profile/{}", kind: .handle)],
        tabs: ["replies", "media", "likes", "feed", "lists"],
        addressSource: "https://atproto.com/specs/handle and https://atproto.com/specs/did (bsky.app/profile/HANDLE or bsky.app/profile/DID)")

    private static let blueskyDID = IdentifierRule(.did, .did, caseSensitive: true, address: "https://bsky.app/profile/{}",
        source: "https://atproto.com/specs/did (the account's permanent identity: did:plc: and 24 base32 characters, or did:web: and a domain name)")

    static let mastodon = PlatformProfile(
        platform: .mastodon, bioLimit: 500, bioLimitSource: "https://github.com/mastodon/mastodon app/models/account.rb (MAX_NOTE_LENGTH = 500)",
        handleKinds: [
            IdentifierRule(.handle,
                .fediverseAddress(user: NameGrammar(length: 1...2048, alphabet: .asciiLettersAndDigits, extra: "_.-", notAtEdges: ".-",
                                                    words: "letters, digits, underscores, inner periods or hyphens")),
                newRegistration: NameGrammar(length: 1...30, alphabet: .asciiLettersAndDigits, extra: "_", words: "at most 30 letters, digits or underscores"),
                address: "https://{server}/@{user}",
                source: "https://github.com/mastodon/mastodon app/models/account.rb (USERNAME_RE = /[a-z0-9_]+([.-]+[a-z0-9_]+)*/i, case-insensitive; new local usernames: /\\A[a-z0-9_]+\\z/i, at most 30 characters)"),
        ],
        stableID: nil,
        hosts: [],
        addresses: [
            AddressForm("@{}", kind: .handle),
            AddressForm("users/{}", kind: .handle),
            AddressForm("web/@{}", kind: .handle),
        ],
        tabs: ["with_replies", "media", "following", "followers"],
        addressSource: "https://docs.joinmastodon.org/ (a profile is https://server/@user; https://server/users/user and another server's view https://other/@user@server lead to it)")
}
