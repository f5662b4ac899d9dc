/// One official account as read from its file. Fields are optional because a broken file still becomes an
/// account: its schema problems are reported, and every field that could be read is still audited.
///
/// A value with copy-on-write storage: copying an account (into a closure, a report row, a result) costs one
/// reference count, whatever it holds; a change copies the fields only when another copy shares them.
public struct Account: Sendable {
    private var storage: Storage

    public init(file: String, folder: String?) {
        storage = Storage(file: file, folder: folder)
    }

    /// The storage to change: this copy's own (made so when another copy shares it).
    private var unique: Storage {
        mutating get {
            if !isKnownUniquelyReferenced(&storage) { storage = storage.copy() }
            return storage
        }
    }

    /// The file, as reached from the working directory (`Inventory/accounts/parks/x-fairhavenparks.yaml`).
    public var file: String {
        get { storage.file }
        _modify { yield &unique.file }
    }
    /// The folder under `accounts/` the file lives in, which must equal `unit`.
    public var folder: String? {
        get { storage.folder }
        _modify { yield &unique.folder }
    }
    /// Where the top-level mapping starts: findings about missing keys point here.
    public var location: SourceLocation {
        get { storage.location }
        _modify { yield &unique.location }
    }
    public var platform: Located<Platform>? {
        get { storage.platform }
        _modify { yield &unique.platform }
    }
    /// The name on the platform, as the platform writes it: a leading `@` copied from a profile page is
    /// dropped by the loader (the location still points at the value as written).
    public var handle: Located<String>? {
        get { storage.handle }
        _modify { yield &unique.handle }
    }
    /// True when the loader reported the handle as no name at all (a slash, a space, too long): the
    /// platform rules then say nothing more about it.
    public internal(set) var handleIsUnusable: Bool {
        get { storage.handleIsUnusable }
        _modify { yield &unique.handleIsUnusable }
    }
    /// The platform's permanent id of the account, where the file records one beside the handle: a YouTube
    /// `channel_id`, a Facebook `page_id`, a Bluesky `did` (the key per platform is in `PlatformProfile`).
    public var stableID: Located<String>? {
        get { storage.stableID }
        _modify { yield &unique.stableID }
    }
    public var url: Located<String>? {
        get { storage.url }
        _modify { yield &unique.url }
    }
    public var unit: Located<String>? {
        get { storage.unit }
        _modify { yield &unique.unit }
    }
    public var name: Located<String>? {
        get { storage.name }
        _modify { yield &unique.name }
    }
    public var bio: Located<String>? {
        get { storage.bio }
        _modify { yield &unique.bio }
    }
    public var owners: Located<[Located<String>]>? {
        get { storage.owners }
        _modify { yield &unique.owners }
    }
    public var status: Located<AccountStatus>? {
        get { storage.status }
        _modify { yield &unique.status }
    }
    public var created: Located<CalendarDate>? {
        get { storage.created }
        _modify { yield &unique.created }
    }
    public var lastReviewed: Located<CalendarDate>? {
        get { storage.lastReviewed }
        _modify { yield &unique.lastReviewed }
    }
    public var archiving: Located<String>? {
        get { storage.archiving }
        _modify { yield &unique.archiving }
    }
    public var twoFactor: Located<Bool>? {
        get { storage.twoFactor }
        _modify { yield &unique.twoFactor }
    }
    /// Where the credentials live: a password manager or vault entry, never the password.
    public var credentials: Located<String>? {
        get { storage.credentials }
        _modify { yield &unique.credentials }
    }
    public var recoveryEmail: Located<String>? {
        get { storage.recoveryEmail }
        _modify { yield &unique.recoveryEmail }
    }
    /// Whom to call about harassment, threats and complaints: a person id or an official address.
    public var escalation: Located<String>? {
        get { storage.escalation }
        _modify { yield &unique.escalation }
    }
    public var lastPost: Located<CalendarDate>? {
        get { storage.lastPost }
        _modify { yield &unique.lastPost }
    }
    public var retiredOn: Located<CalendarDate>? {
        get { storage.retiredOn }
        _modify { yield &unique.retiredOn }
    }
    public var handleHeld: Located<Bool>? {
        get { storage.handleHeld }
        _modify { yield &unique.handleHeld }
    }
    public var waivers: [Waiver] {
        get { storage.waivers }
        _modify { yield &unique.waivers }
    }
    /// Places that look like secrets. Rules see every value as written; only what is printed changes.
    public var secretSuspects: [SecretSuspect] {
        get { storage.secretSuspects }
        _modify { yield &unique.secretSuspects }
    }
    /// Text that no output may repeat, in any letter case: each suspect's value (or the token found inside
    /// a longer text) and a `credentials` value that looks like the password itself. Applied by the
    /// auditor to messages and by reports to the account's fields (`Redaction`).
    public internal(set) var withheld: [String] {
        get { storage.withheld }
        _modify { yield &unique.withheld }
    }
    /// False when the file could not be read as a mapping of keys at all (not YAML, empty, a list): then
    /// only its schema problems are reported, not a cascade of "no owners", "no bio", "no review".
    public internal(set) var wasRead: Bool {
        get { storage.wasRead }
        _modify { yield &unique.wasRead }
    }
    /// What is wrong with the file itself (reported by the `inventory-schema` rule).
    public var schemaProblems: [Problem] {
        get { storage.schemaProblems }
        _modify { yield &unique.schemaProblems }
    }
    /// `platform:handle`, the handle folded as the platform folds it (lower case, but for case-sensitive
    /// ids): how reports name the account. Set by the loader once platform and handle are read.
    public internal(set) var identity: String? {
        get { storage.identity }
        _modify { yield &unique.identity }
    }
    /// What the handle and stable id can name on the platform, read once by the loader through the platform
    /// table; nil without a platform and a handle.
    public internal(set) var identifiers: AccountIdentifiers? {
        get { storage.identifiers }
        _modify { yield &unique.identifiers }
    }
    /// What identifies the account on its platform (`AccountIdentifiers.identityKeys`): two files that
    /// share one register the same account.
    public internal(set) var identityKeys: [String] {
        get { storage.identityKeys }
        _modify { yield &unique.identityKeys }
    }
    /// Retired accounts are only checked for schema, unit and duplicates.
    public var isRetired: Bool { status?.value == .retired }

    /// The unit the account names, else the folder it sits in; nil when neither (findings carry this as
    /// their unit; reports group by `AuditResult.unitKey(of:)`).
    public var unitOrFolder: String? { unit?.value ?? folder }

    /// True when a `credentials` value names where the password is kept (a vault, a folder, an entry:
    /// it has a separator `/ : > #` or several words) rather than looking like the password itself.
    public static func isVaultReference(_ text: String) -> Bool {
        text.contains { $0 == "/" || $0 == ":" || $0 == ">" || $0 == " " || $0 == "#" }
    }

    /// The keys an account file may hold.
    public static let keys = [
        "platform", "handle", "url", "unit", "name", "bio", "owners", "status", "created", "last_reviewed", "archiving",
        "two_factor", "credentials", "recovery_email", "escalation", "last_post", "retired_on", "handle_held", "waivers",
    ] + stableIDKeys
    /// The stable-id keys, one per platform that has one (see `PlatformProfile.stableID`).
    public static let stableIDKeys = Platform.allCases.compactMap { PlatformProfile.of($0).stableID?.key }
    public static let requiredKeys = ["platform", "handle", "url", "unit", "status"]

    /// The fields, shared between copies until one changes.
    private final class Storage: @unchecked Sendable {
        // @unchecked: a storage shared between copies is never written (`unique` copies it first), so
        // threads only ever read a shared one.
        var file: String
        var folder: String?
        var location: SourceLocation = .startOfFile
        var platform: Located<Platform>?
        var handle: Located<String>?
        var handleIsUnusable: Bool = false
        var stableID: Located<String>?
        var url: Located<String>?
        var unit: Located<String>?
        var name: Located<String>?
        var bio: Located<String>?
        var owners: Located<[Located<String>]>?
        var status: Located<AccountStatus>?
        var created: Located<CalendarDate>?
        var lastReviewed: Located<CalendarDate>?
        var archiving: Located<String>?
        var twoFactor: Located<Bool>?
        var credentials: Located<String>?
        var recoveryEmail: Located<String>?
        var escalation: Located<String>?
        var lastPost: Located<CalendarDate>?
        var retiredOn: Located<CalendarDate>?
        var handleHeld: Located<Bool>?
        var waivers: [Waiver] = []
        var secretSuspects: [SecretSuspect] = []
        var withheld: [String] = []
        var wasRead: Bool = false
        var schemaProblems: [Problem] = []
        var identity: String?
        var identifiers: AccountIdentifiers?
        var identityKeys: [String] = []

        init(file: String, folder: String?) {
            self.file = file
            self.folder = folder
        }

        func copy() -> Storage {
            let copy = Storage(file: file, folder: folder)
            copy.location = location
            copy.platform = platform
            copy.handle = handle
            copy.handleIsUnusable = handleIsUnusable
            copy.stableID = stableID
            copy.url = url
            copy.unit = unit
            copy.name = name
            copy.bio = bio
            copy.owners = owners
            copy.status = status
            copy.created = created
            copy.lastReviewed = lastReviewed
            copy.archiving = archiving
            copy.twoFactor = twoFactor
            copy.credentials = credentials
            copy.recoveryEmail = recoveryEmail
            copy.escalation = escalation
            copy.lastPost = lastPost
            copy.retiredOn = retiredOn
            copy.handleHeld = handleHeld
            copy.waivers = waivers
            copy.secretSuspects = secretSuspects
            copy.withheld = withheld
            copy.wasRead = wasRead
            copy.schemaProblems = schemaProblems
            copy.identity = identity
            copy.identifiers = identifiers
            copy.identityKeys = identityKeys
            return copy
        }
    }
}
