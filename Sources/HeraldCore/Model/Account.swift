/// One official account as read from its file. Fields are optional because a broken file still becomes an
/// account: its schema problems are reported, and every field that could be read is still audited.
///
/// A value with copy-on-write storage: copying an account (into a closure, a report row, a result) costs one
/// reference count, whatever it holds; a change copies the fields only when another copy shares them.
public struct Account: Sendable {
    private var storage: Storage

    public init(file: String, folder: String?) {
        storage = Storage(Fields(file: file, folder: folder))
    }

    /// The storage to change: this copy's own (made so when another copy shares it).
    private var unique: Storage {
        mutating get {
            if !isKnownUniquelyReferenced(&storage) { storage = Storage(storage.fields) }
            return storage
        }
    }

    /// The file, as reached from the working directory (`Inventory/accounts/parks/x-fairhavenparks.yaml`).
    public var file: String {
        get { storage.fields.file }
        _modify { yield &unique.fields.file }
    }
    /// The folder under `accounts/` the file lives in, which must equal `unit`.
    public var folder: String? {
        get { storage.fields.folder }
        _modify { yield &unique.fields.folder }
    }
    /// Where the top-level mapping starts: findings about missing keys point here.
    public var location: SourceLocation {
        get { storage.fields.location }
        _modify { yield &unique.fields.location }
    }
    public var platform: Located<Platform>? {
        get { storage.fields.platform }
        _modify { yield &unique.fields.platform }
    }
    /// The name on the platform, as the platform writes it: a leading `@` copied from a profile page is
    /// dropped by the loader (the location still points at the value as written).
    public var handle: Located<String>? {
        get { storage.fields.handle }
        _modify { yield &unique.fields.handle }
    }
    /// True when the loader reported the handle as no name at all (a slash, a space, too long): the
    /// platform rules then say nothing more about it.
    public internal(set) var handleIsUnusable: Bool {
        get { storage.fields.handleIsUnusable }
        _modify { yield &unique.fields.handleIsUnusable }
    }
    /// The platform's permanent id of the account, where the file records one beside the handle: a YouTube
    /// `channel_id`, a Facebook `page_id`, a Bluesky `did` (the key per platform is in `PlatformProfile`).
    public var stableID: Located<String>? {
        get { storage.fields.stableID }
        _modify { yield &unique.fields.stableID }
    }
    public var url: Located<String>? {
        get { storage.fields.url }
        _modify { yield &unique.fields.url }
    }
    public var unit: Located<String>? {
        get { storage.fields.unit }
        _modify { yield &unique.fields.unit }
    }
    public var name: Located<String>? {
        get { storage.fields.name }
        _modify { yield &unique.fields.name }
    }
    public var bio: Located<String>? {
        get { storage.fields.bio }
        _modify { yield &unique.fields.bio }
    }
    public var owners: Located<[Located<String>]>? {
        get { storage.fields.owners }
        _modify { yield &unique.fields.owners }
    }
    public var status: Located<AccountStatus>? {
        get { storage.fields.status }
        _modify { yield &unique.fields.status }
    }
    public var created: Located<CalendarDate>? {
        get { storage.fields.created }
        _modify { yield &unique.fields.created }
    }
    public var lastReviewed: Located<CalendarDate>? {
        get { storage.fields.lastReviewed }
        _modify { yield &unique.fields.lastReviewed }
    }
    public var archiving: Located<String>? {
        get { storage.fields.archiving }
        _modify { yield &unique.fields.archiving }
    }
    public var twoFactor: Located<Bool>? {
        get { storage.fields.twoFactor }
        _modify { yield &unique.fields.twoFactor }
    }
    /// Where the credentials live: a password manager or vault entry, never the password.
    public var credentials: Located<String>? {
        get { storage.fields.credentials }
        _modify { yield &unique.fields.credentials }
    }
    public var recoveryEmail: Located<String>? {
        get { storage.fields.recoveryEmail }
        _modify { yield &unique.fields.recoveryEmail }
    }
    /// Whom to call about harassment, threats and complaints: a person id or an official address.
    public var escalation: Located<String>? {
        get { storage.fields.escalation }
        _modify { yield &unique.fields.escalation }
    }
    public var lastPost: Located<CalendarDate>? {
        get { storage.fields.lastPost }
        _modify { yield &unique.fields.lastPost }
    }
    public var retiredOn: Located<CalendarDate>? {
        get { storage.fields.retiredOn }
        _modify { yield &unique.fields.retiredOn }
    }
    public var handleHeld: Located<Bool>? {
        get { storage.fields.handleHeld }
        _modify { yield &unique.fields.handleHeld }
    }
    public var waivers: [Waiver] {
        get { storage.fields.waivers }
        _modify { yield &unique.fields.waivers }
    }
    /// Places that look like secrets. Rules see every value as written; only what is printed changes.
    public var secretSuspects: [SecretSuspect] {
        get { storage.fields.secretSuspects }
        _modify { yield &unique.fields.secretSuspects }
    }
    /// Text that no output may repeat, in any letter case: each suspect's value (or the token found inside
    /// a longer text) and a `credentials` value that looks like the password itself. Applied by the
    /// auditor to messages and by reports to the account's fields (`Redaction`).
    public internal(set) var withheld: [String] {
        get { storage.fields.withheld }
        _modify { yield &unique.fields.withheld }
    }
    /// False when the file could not be read as a mapping of keys at all (not YAML, empty, a list): then
    /// only its schema problems are reported, not a cascade of "no owners", "no bio", "no review".
    public internal(set) var wasRead: Bool {
        get { storage.fields.wasRead }
        _modify { yield &unique.fields.wasRead }
    }
    /// What is wrong with the file itself (reported by the `inventory-schema` rule).
    public var schemaProblems: [Problem] {
        get { storage.fields.schemaProblems }
        _modify { yield &unique.fields.schemaProblems }
    }
    /// `platform:handle`, the handle folded as the platform folds it (lower case, but for case-sensitive
    /// ids): how reports name the account. Set by the loader once platform and handle are read.
    public internal(set) var identity: String? {
        get { storage.fields.identity }
        _modify { yield &unique.fields.identity }
    }
    /// What the handle and stable id can name on the platform, read once by the loader through the platform
    /// table; nil without a platform and a handle.
    public internal(set) var identifiers: AccountIdentifiers? {
        get { storage.fields.identifiers }
        _modify { yield &unique.fields.identifiers }
    }
    /// What identifies the account on its platform (`AccountIdentifiers.identityKeys`): two files that
    /// share one register the same account.
    public internal(set) var identityKeys: [String] {
        get { storage.fields.identityKeys }
        _modify { yield &unique.fields.identityKeys }
    }
    /// Retired accounts are only checked for schema, unit and duplicates.
    /// True when `other` is this very account as loaded (one storage), not merely an account with equal
    /// fields: for the audit's lookups of the account being checked.
    public func isSame(as other: Account) -> Bool { storage === other.storage }

    public var isRetired: Bool { status?.value == .retired }

    /// The unit the account names, else the folder it sits in; nil when neither (findings carry this as
    /// their unit; reports group by `AuditResult.unitKey(of:)`).
    public var unitOrFolder: String? { unit?.value ?? folder }

    /// True when a `credentials` value names where the password is kept (a vault, a folder, an entry:
    /// it has a separator `/ : > #` or several words) rather than looking like the password itself.
    /// In ASCII text (nearly every value) the separators are looked for among the bytes; other text is
    /// read character by character, so that a separator with a combining mark on it (`/\u{301}`) is no
    /// separator, and a password written so stays withheld.
    public static func isVaultReference(_ text: String) -> Bool {
        // One pass over the string's own bytes answers for ASCII text (every account's value is asked,
        // twice: by the loader and by credentials-vaulted); nil sends other text to the Unicode reading.
        var bytes = text
        let ascii = bytes.withUTF8 { utf8 -> Bool? in
            var separator = false
            for byte in utf8 {
                guard byte < 0x80 else { return nil }
                if byte == UInt8(ascii: "/") || byte == UInt8(ascii: ":") || byte == UInt8(ascii: ">") || byte == UInt8(ascii: " ") || byte == UInt8(ascii: "#") {
                    separator = true
                }
            }
            return separator
        }
        return ascii ?? text.contains { $0 == "/" || $0 == ":" || $0 == ">" || $0 == " " || $0 == "#" }
    }

    /// The keys an account file may hold.
    public static let keys = InventoryFormat.account.keys
    /// The stable-id keys, one per platform that has one (see `PlatformProfile.stableID`).
    public static let stableIDKeys = Platform.allCases.compactMap { PlatformProfile.of($0).stableID?.key }
    public static let requiredKeys = InventoryFormat.account.requiredKeys

    /// The fields, shared between copies until one changes. A copy copies `Fields` whole, so a field added
    /// there can never be left behind.
    private final class Storage: @unchecked Sendable {
        // @unchecked: a storage shared between copies is never written (`unique` copies it first), so
        // threads only ever read a shared one. For the same reason no access needs the runtime's
        // exclusivity check, which every read of every field paid (2% of an audit's profile).
        @exclusivity(unchecked) var fields: Fields

        init(_ fields: Fields) {
            self.fields = fields
        }
    }

    private struct Fields {
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
    }
}
