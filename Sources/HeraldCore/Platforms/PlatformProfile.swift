/// The kinds of identifier a platform gives an account. Public names can change hands; ids cannot.
public enum IdentifierKind: String, Sendable, CaseIterable {
    /// The name in the account's address on most platforms (X, Instagram, Threads, TikTok, Facebook,
    /// LinkedIn's public page name).
    case username
    /// YouTube's `@handle`, a Bluesky handle (a domain name), a Mastodon `user@server`.
    case handle
    /// A YouTube channel's legacy username, in `youtube.com/user/NAME`.
    case legacyUsername = "legacy username"
    /// A YouTube channel's legacy custom URL, in `youtube.com/c/NAME` or `youtube.com/NAME`.
    case customURL = "custom URL"
    /// A number the platform gives the account: a Facebook Page id, a LinkedIn organisation id.
    case numericID = "numeric id"
    /// A YouTube channel id: `UC` and 22 characters.
    case channelID = "channel id"
    /// An AT Protocol decentralized identifier: `did:plc:…` or `did:web:…`.
    case did = "DID"

    /// True for ids the platform never reassigns (they identify the account for good).
    public var isStable: Bool { self == .numericID || self == .channelID || self == .did }
}

/// One kind of identifier on one platform: its shape in use, how letter case counts, and the address
/// that is known to lead to the account it names. An object built once with the platform table: every
/// account's handle and url are read against these rules, and as a value each hand-over retained a dozen
/// arrays and strings (the url check's largest cost after reading the address).
public final class IdentifierRule: Sendable {
    public let kind: IdentifierKind
    /// What identifiers in use look like. "Cannot exist" is decided by this, never by the stricter rules
    /// for registering a new name today.
    public let shape: IdentifierShape
    /// The rules for registering a new name today, where they are stricter than what is in use (names older
    /// than today's rules stay valid). Documented; never a finding on an existing account.
    public let newRegistration: NameGrammar?
    /// True when the platform tells identifiers apart by letter case (channel ids); false when `Name`
    /// and `name` are one account.
    public let caseSensitive: Bool
    /// True when periods do not tell names apart (Facebook: `John.Smith55` is `johnsmith55`).
    public let ignoresPeriods: Bool
    /// The address that leads to the account this identifier names, with `{}` for the identifier; nil
    /// when the identifier alone does not prove an address (a YouTube name may be a handle, a legacy
    /// username or a custom URL, each a different channel's).
    public let address: String?
    /// Where the facts come from: the platform's help page or its open-source validator.
    public let source: String

    public init(_ kind: IdentifierKind, _ shape: IdentifierShape, newRegistration: NameGrammar? = nil, caseSensitive: Bool = false,
                ignoresPeriods: Bool = false, address: String?, source: String) {
        self.kind = kind
        self.shape = shape
        self.newRegistration = newRegistration
        self.caseSensitive = caseSensitive
        self.ignoresPeriods = ignoresPeriods
        self.address = address
        self.source = source
    }

    /// The shape in words, for messages: "UC and 22 letters, digits, hyphens or underscores".
    public var shapeWords: String {
        switch shape {
        case let .name(grammar, _): return grammar.words
        case .domainName: return "a domain name such as name.bsky.social"
        case let .fediverseAddress(user): return "user@server, the user \(user.words)"
        case .did: return "did:plc: and 24 characters, or did:web: and a domain name"
        }
    }

    /// `identifier` as the platform compares it: lower-cased where it ignores case, without periods where
    /// they do not count.
    public func folded(_ identifier: String) -> String {
        IdentifierRule.folded(identifier, caseSensitive: caseSensitive, ignoresPeriods: ignoresPeriods)
    }

    static func folded(_ identifier: String, caseSensitive: Bool, ignoresPeriods: Bool) -> String {
        let cased = caseSensitive ? identifier : identifier.lowercased()
        return ignoresPeriods && cased.utf8.contains(UInt8(ascii: ".")) ? String(cased.filter { $0 != "." }) : cased
    }
}

/// A profile address form: the path after the platform's host. In `path`, `{}` is the
/// identifier, `@{}` the identifier after an `@`, `*` any one segment (a page's name before its id),
/// `{-id}` a segment ending in `-` and the identifier (`City-of-Fairhaven-123456789`); `query` names a
/// query parameter holding the identifier (`profile.php?id=`).
public struct AddressForm: Sendable {
    /// The path's segments as written in the table: `{}` the identifier, `@{}` the identifier after an
    /// `@`, `{-id}` the identifier after a name's last hyphen, `*` any segment, anything else literally.
    public let path: [String]
    public let query: String?
    public let kind: IdentifierKind
    /// `path`, read once: every account's url is matched against every form.
    let segments: [Segment]

    /// One segment of `path`, as the url reader matches it.
    enum Segment: Sendable {
        case identifier, afterAt, afterLastHyphen, any
        /// Matched in any letter case.
        case literal([UInt8])
    }

    public init(_ path: String, query: String? = nil, kind: IdentifierKind) {
        self.path = path.split(separator: "/").map(String.init)
        self.query = query
        self.kind = kind
        segments = self.path.map { pattern in
            switch pattern {
            case "{}": .identifier
            case "@{}": .afterAt
            case "{-id}": .afterLastHyphen
            case "*": .any
            default: .literal(Array(pattern.utf8))
            }
        }
    }
}

/// Everything Herald knows about one platform, each fact with its source. Every rule and every other
/// piece of code that knows about platforms reads this table (`PlatformProfile.of(_:)`). A class built once
/// per platform: every account's checks reach it, and passing it is one reference, not a dozen.
public final class PlatformProfile: Sendable {
    public let platform: Platform
    /// The longest bio the platform accepts, in characters as people see them (grapheme clusters).
    public let bioLimit: Int
    public let bioLimitSource: String
    /// The kinds of identifier the `handle` key may hold, most usual first.
    public let handleKinds: [IdentifierRule]
    /// The stable id the account file may record beside the handle (`channel_id`, `page_id`, `did`).
    public let stableID: (key: String, rule: IdentifierRule)?
    /// The hosts profiles are served on, lower case, each written out (`www.`, mobile and legacy hosts
    /// included; `*.` stands for any one label, as in LinkedIn's country hosts); empty for Mastodon, whose
    /// host is the account's own server.
    public let hosts: [String]
    /// Every profile address form the platform serves, tried in order: the first whose identifier has its
    /// kind's shape reads the address.
    public let addresses: [AddressForm]
    /// Path segments the platform serves after the identifier that still show the same profile (a
    /// channel's `videos` tab).
    public let tabs: [String]
    public let addressSource: String
    /// The hosts written out (not `*.`), as bytes: urls are read as bytes.
    private let exactHostBytes: [[UInt8]]
    private let wildcardSuffixes: [String]

    init(platform: Platform, bioLimit: Int, bioLimitSource: String, handleKinds: [IdentifierRule], stableID: (key: String, rule: IdentifierRule)?,
         hosts: [String], addresses: [AddressForm], tabs: [String], addressSource: String) {
        self.platform = platform
        self.bioLimit = bioLimit
        self.bioLimitSource = bioLimitSource
        self.handleKinds = handleKinds
        self.stableID = stableID
        self.hosts = hosts
        self.addresses = addresses
        self.tabs = tabs
        self.addressSource = addressSource
        exactHostBytes = hosts.filter { !$0.hasPrefix("*.") }.map { Array($0.utf8) }
        wildcardSuffixes = hosts.filter { $0.hasPrefix("*.") }.map { String($0.dropFirst(1)) }
    }

    /// True when `host` (lower case) serves this platform's profiles; any host, for Mastodon.
    public func serves(_ host: String) -> Bool {
        var host = host
        return host.withUTF8 { serves(host: $0[...]) }
    }

    /// `serves(_:)` for a host as a url writes it, in bytes and in any letter case: a platform has a
    /// handful of hosts, compared byte by byte without making a string of the url's (only a host that
    /// may match a `*.` host, LinkedIn's country hosts, becomes one).
    func serves(host: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
        if hosts.isEmpty || exactHostBytes.contains(where: { ASCIICase.equal(host, $0) }) { return true }
        guard !wildcardSuffixes.isEmpty else { return false }
        let lowered = String(decoding: host.map(ASCIICase.lower), as: UTF8.self)
        return wildcardSuffixes.contains { suffix in
            lowered.hasSuffix(suffix) && lowered.utf8.count > suffix.utf8.count && !lowered.dropLast(suffix.count).contains(".")
        }
    }

    /// The rule for identifiers of `kind`, from the handle kinds or the stable id.
    public func rule(for kind: IdentifierKind) -> IdentifierRule? {
        handleKinds.first { $0.kind == kind } ?? (stableID?.rule.kind == kind ? stableID?.rule : nil)
    }
}
