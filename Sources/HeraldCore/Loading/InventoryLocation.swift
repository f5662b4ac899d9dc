import Foundation

/// Where the inventory is when no `--inventory` names it, found as git finds its repository: from the
/// working directory upward, the first folder that is an inventory (it holds `herald.yaml`) or holds one
/// named `Inventory` (the layout `herald init` and the README use).
public enum InventoryLocation {
    /// The folder `herald init` creates and the commands look for beside the working directory.
    public static let defaultFolder = "Inventory"

    /// The inventory around `directory`: `Inventory` when it sits in `directory` (the usual case: run at
    /// the repository's top), else a relative path such as `..` or `../..`, so that file paths in
    /// findings stay relative to where the command runs and can be opened from there. Nil when neither
    /// `directory` nor any folder above it is or holds an inventory.
    public static func find(from directory: String = FileManager.default.currentDirectoryPath) -> String? {
        var folder = URL(fileURLWithPath: directory).standardizedFileURL
        var levels = 0
        while true {
            let up = Array(repeating: "..", count: levels).joined(separator: "/")
            if isInventory(folder.path) { return levels == 0 ? "." : up }
            if isInventory(folder.appendingPathComponent(defaultFolder).path) { return levels == 0 ? defaultFolder : up + "/" + defaultFolder }
            let parent = folder.deletingLastPathComponent()
            if parent.path == folder.path { return nil }
            folder = parent
            levels += 1
        }
    }

    /// Whether `folder` holds `herald.yaml`, the file every inventory has.
    static func isInventory(_ folder: String) -> Bool {
        var isFolder: ObjCBool = false
        return FileManager.default.fileExists(atPath: folder + "/herald.yaml", isDirectory: &isFolder) && !isFolder.boolValue
    }
}
