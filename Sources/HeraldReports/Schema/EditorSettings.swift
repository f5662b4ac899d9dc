import Foundation

/// The VS Code workspace setting that gives each registry file its schema (`yaml.schemas`, read by Red
/// Hat's YAML extension, the YAML language server): schema path → the files it describes, both relative
/// to the repository's top folder, where VS Code opens the workspace.
public enum EditorSettings {
    /// `.vscode/settings.json` for schemas in `schemaFolder` and an inventory in `inventory` (both paths
    /// from the repository's top, like `schema` and `Inventory`).
    public static func vscode(schemaFolder: String, inventory: String, ruleIDs: [String]) -> String {
        var schemas: [String: [String]] = [:]
        for file in InventorySchema.files(ruleIDs: ruleIDs) {
            schemas["./" + schemaFolder + "/" + file.name] = [inventory + "/" + file.glob]
        }
        let settings: [String: Any] = ["yaml.schemas": schemas]
        let data = (try? JSONSerialization.data(withJSONObject: settings, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])) ?? Data()
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    /// The modeline that names a file's schema for the YAML language server, as the file's first line;
    /// `path` is relative to the file.
    public static func modeline(schema path: String) -> String {
        "# yaml-language-server: $schema=\(path)"
    }
}
