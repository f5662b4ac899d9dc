/// Loads an inventory folder from disk into a `Registry`.
///
/// Organisation files that are broken throw an `InventoryError` (the audit cannot be trusted); account
/// files that are broken become accounts with schema problems (one department's typo never hides the
/// rest of the report).
public struct InventoryLoader: Sendable {
    /// The inventory folder as the user gave it; file paths in findings start with it.
    public let root: String
    public let knownRules: Set<String>

    public init(root: String, knownRules: Set<String>) {
        self.root = root
        self.knownRules = knownRules
    }

    public func load() throws(InventoryError) -> Registry {
        try RegistryBuilder.build(from: InventoryReader.sources(root: root), knownRules: knownRules)
    }
}
