/// An account reported as impersonating the organisation, from `impostors.yaml` (docs/inventory-format.md,
/// "The impostor register"): the public directory shows it as NOT official, and rules check the register
/// against the official accounts.
public struct Impostor: Sendable {
    /// Where the report stands with the platform.
    public enum Status: String, CaseIterable, Sendable {
        /// Reported to the platform, no decision yet.
        case reported
        /// The platform took the account down (or renamed it).
        case removed
        /// The platform declined to act.
        case refused
    }

    public var platform: Located<Platform>?
    /// The impostor's handle as written (a leading `@` is not part of it).
    public var handle: Located<String>?
    /// The impostor's profile address, when the entry gives one instead of (or beside) the handle.
    public var url: Located<String>?
    /// When it was reported to the platform.
    public var reported: Located<CalendarDate>?
    /// Where it was reported: the platform's form, a trust-and-safety contact.
    public var reportedTo: String?
    /// The platform's ticket or case id.
    public var caseID: String?
    public var status: Located<Status>?
    /// The unit it pretends to be, when one.
    public var impersonates: String?
    /// Where the entry starts in `impostors.yaml`.
    public var location: SourceLocation

    /// Keys of the account it names, as `AccountIdentifiers.identityKeys` writes them (`x:fairhavenparks`,
    /// `youtube#UC…`): from the handle, and from the url when it is a profile address of the platform.
    public var identityKeys: [String] {
        guard let platform = platform?.value else { return [] }
        return AccountLookup.keys(platform: platform, handle: handle?.value, url: url?.value)
    }

    /// Where a finding about the entry points: its handle, else its url, else the entry.
    public var place: SourceLocation { handle?.location ?? url?.location ?? location }

    /// The handle, or the name its url gives (`https://www.tiktok.com/@name` → `name`).
    public var name: String? {
        if let handle = handle?.value { return AccountIdentifiers.bare(handle) }
        guard let platform = platform?.value, let url = url?.value else { return nil }
        return AccountLookup.name(platform: platform, url: url)
    }

    /// `x @fairhavenparksdept`, or the url, for messages.
    public var shown: String {
        if let platform = platform?.value, let name { return "\(platform.rawValue) @\(name)" }
        return url?.value ?? "(an entry without handle or url)"
    }

    public init(location: SourceLocation) {
        self.location = location
    }

    /// The keys `impostors.yaml` entries may have.
    public static let keys = InventoryFormat.impostor.keys
}
