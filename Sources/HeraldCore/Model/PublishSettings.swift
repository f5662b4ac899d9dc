/// What `herald publish` and `herald verify` treat as official (`publish:` in `herald.yaml`): an account
/// is published as official only when its status is one of `statuses` and no rule of `blockingRules`
/// reports an error on it, so a broken entry is never published as official.
public struct PublishSettings: Sendable {
    /// Statuses published as official. Default: `active`.
    public var statuses: [AccountStatus] = [.active]
    /// Rules whose errors keep an account off the directory. Default: the rules about the account's
    /// identity (the file can be read, its unit exists, it is registered once, its handle can exist, its
    /// url leads to it) and `no-secrets` (nothing of a file that holds a secret is published). A waiver, or
    /// a severity made `warning` in `herald.yaml`, lifts the block: both are the organisation's decision.
    public var blockingRules: [String] = PublishSettings.identityRules
    /// What the directory tells someone whose account is not in the register: whom to tell, how to
    /// report an impostor. Shown as text.
    public var advice: String?

    public static let identityRules = ["inventory-schema", "unit-known", "duplicate-account", "handle-syntax", "url-matches-handle", "no-secrets"]
    public static let keys = InventoryFormat.publish.keys

    public init() {}
}
