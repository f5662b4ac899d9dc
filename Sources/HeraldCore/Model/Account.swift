/// One official account as read from its file. Fields are optional because a broken file still becomes an
/// account: its schema problems are reported, and every field that could be read is still audited.
public struct Account: Sendable {
    /// The file, as reached from the working directory (`Inventory/accounts/parks/x-fairhavenparks.yaml`).
    public var file: String
    /// The folder under `accounts/` the file lives in, which must equal `unit`.
    public var folder: String?
    /// Where the top-level mapping starts: findings about missing keys point here.
    public var location: SourceLocation = .startOfFile

    public var platform: Located<Platform>?
    /// The name on the platform, as the platform writes it: a leading `@` copied from a profile page is
    /// dropped by the loader (the location still points at the value as written).
    public var handle: Located<String>?
    /// True when the loader reported the handle as no name at all (a slash, a space, too long): the
    /// platform rules then say nothing more about it.
    public internal(set) var handleIsUnusable = false
    /// The platform's permanent id of the account, where the file records one beside the handle: a YouTube
    /// `channel_id`, a Facebook `page_id`, a Bluesky `did` (the key per platform is in `PlatformProfile`).
    public var stableID: Located<String>?
    public var url: Located<String>?
    public var unit: Located<String>?
    public var name: Located<String>?
    public var bio: Located<String>?
    public var owners: Located<[Located<String>]>?
    public var status: Located<AccountStatus>?
    public var created: Located<CalendarDate>?
    public var lastReviewed: Located<CalendarDate>?
    public var archiving: Located<String>?
    public var twoFactor: Located<Bool>?
    /// Where the credentials live: a password manager or vault entry, never the password.
    public var credentials: Located<String>?
    public var recoveryEmail: Located<String>?
    /// Whom to call about harassment, threats and complaints: a person id or an official address.
    public var escalation: Located<String>?
    public var lastPost: Located<CalendarDate>?
    public var retiredOn: Located<CalendarDate>?
    public var handleHeld: Located<Bool>?
    public var waivers: [Waiver] = []

    /// Places that look like secrets. Rules see every value as written; only what is printed changes.
    public var secretSuspects: [SecretSuspect] = []
    /// Text that no output may repeat, in any letter case: each suspect's value (or the token found inside
    /// a longer text) and a `credentials` value that looks like the password itself. Applied by the
    /// auditor to messages and by reports to the account's fields (`Redaction`).
    public internal(set) var withheld: [String] = []

    /// False when the file could not be read as a mapping of keys at all (not YAML, empty, a list): then
    /// only its schema problems are reported, not a cascade of "no owners", "no bio", "no review".
    public internal(set) var wasRead = false

    /// What is wrong with the file itself (reported by the `inventory-schema` rule).
    public var schemaProblems: [Problem] = []

    public init(file: String, folder: String?) {
        self.file = file
        self.folder = folder
    }

    /// `platform:handle`, the handle folded as the platform folds it (lower case, but for case-sensitive
    /// ids): how reports name the account. Set by the loader once platform and handle are read.
    public internal(set) var identity: String?
    /// What the handle and stable id can name on the platform, read once by the loader through the platform
    /// table; nil without a platform and a handle.
    public internal(set) var identifiers: AccountIdentifiers?
    /// What identifies the account on its platform (`AccountIdentifiers.identityKeys`): two files that
    /// share one register the same account.
    public internal(set) var identityKeys: [String] = []

    /// True when a `credentials` value names where the password is kept (a vault, a folder, an entry:
    /// it has a separator `/ : > #` or several words) rather than looking like the password itself.
    public static func isVaultReference(_ text: String) -> Bool {
        text.contains { $0 == "/" || $0 == ":" || $0 == ">" || $0 == " " || $0 == "#" }
    }

    /// Retired accounts are only checked for schema, unit and duplicates.
    public var isRetired: Bool { status?.value == .retired }

    /// The keys an account file may hold.
    public static let keys = [
        "platform", "handle", "url", "unit", "name", "bio", "owners", "status", "created", "last_reviewed", "archiving",
        "two_factor", "credentials", "recovery_email", "escalation", "last_post", "retired_on", "handle_held", "waivers",
    ] + stableIDKeys
    /// The stable-id keys, one per platform that has one (see `PlatformProfile.stableID`).
    public static let stableIDKeys = Platform.allCases.compactMap { PlatformProfile.of($0).stableID?.key }
    public static let requiredKeys = ["platform", "handle", "url", "unit", "status"]
}
