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
    public var handle: Located<String>?
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

    /// Places that look like secrets; their values were blanked before the file was read.
    public var secretSuspects: [SecretSuspect] = []

    /// False when the file could not be read as a mapping of keys at all (not YAML, empty, a list): then
    /// only its schema problems are reported, not a cascade of "no owners", "no bio", "no review".
    public internal(set) var wasRead = false

    /// What is wrong with the file itself (reported by the `inventory-schema` rule).
    public var schemaProblems: [Problem] = []

    public init(file: String, folder: String?) {
        self.file = file
        self.folder = folder
    }

    /// `platform:handle`, lowercased: two files with the same identity register the same account. Set by
    /// the loader once platform and handle are read.
    public internal(set) var identity: String?

    /// Retired accounts are only checked for schema, unit and duplicates.
    public var isRetired: Bool { status?.value == .retired }

    /// The keys an account file may hold.
    public static let keys = [
        "platform", "handle", "url", "unit", "name", "bio", "owners", "status", "created", "last_reviewed", "archiving",
        "two_factor", "credentials", "recovery_email", "escalation", "last_post", "retired_on", "handle_held", "waivers",
    ]
    public static let requiredKeys = ["platform", "handle", "url", "unit", "status"]
}
