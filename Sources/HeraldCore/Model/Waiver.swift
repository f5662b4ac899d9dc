/// A unit's written permission for one account not to meet one rule until a date, as the account file
/// states it under `waivers:`. Every part is optional because the `waiver-invalid` rule reports what is
/// missing rather than the loader refusing the file.
public struct Waiver: Sendable {
    /// Where the waiver's entry starts (its `- `).
    public var location: SourceLocation
    public var rule: Located<String>?
    public var reason: Located<String>?
    /// A person id: a maintainer of the account's unit or of one of its ancestors.
    public var approvedBy: Located<String>?
    public var expires: Located<CalendarDate>?
    /// True when `expires` was written but is not a date (the schema rule reports that, not `waiver-invalid`).
    public var expiresUnreadable = false

    public init(location: SourceLocation) {
        self.location = location
    }

    /// The keys a waiver may hold.
    public static let keys = InventoryFormat.waiver.keys
}
