import ArgumentParser
import HeraldCore

/// `--inventory DIR`, shared by every command that reads an inventory; without it, the inventory found
/// from the working directory upward (``InventoryLocation``), so `herald check .` works inside a unit's
/// folder as `git status` works inside a repository's.
struct InventoryOption: ParsableArguments {
    @Option(name: .customLong("inventory"),
            help: ArgumentHelp("The inventory folder (default: the one that holds herald.yaml in this folder or the nearest folder above it, or an Inventory folder there).",
                               valueName: "folder"))
    var given: String?

    /// The folder to read: as given, else found upward, else `Inventory` (whose absence the loader then
    /// reports with what was searched).
    var inventory: String { given ?? InventoryOption.found }

    /// The inventory found upward from the working folder, else `Inventory`: looked for once per run.
    static let found = InventoryLocation.find() ?? InventoryLocation.defaultFolder

    /// Whether the folder was named on the command line (a missing one is then a typing mistake, not a
    /// command run outside any registry).
    var isGiven: Bool { given != nil }

    /// Where a folder named `name` (`Reports`, `Directory`) goes when no option names it: beside the
    /// inventory, in the repository's top folder, wherever the command runs (`Reports` at the top,
    /// `../../Reports` from `Inventory/accounts/`). With `--inventory`, in the working folder, as always.
    func besideInventory(_ name: String) -> String {
        let folder = inventory
        guard !isGiven, folder != InventoryLocation.defaultFolder else { return name }
        let parts = folder.split(separator: "/").map(String.init)
        // `../../Inventory` → `../..`; `.` or `../..` (the inventory itself) → one level further up.
        let parent = parts.last == InventoryLocation.defaultFolder ? parts.dropLast() : parts.filter { $0 != "." } + [".."]
        return (parent + [name]).joined(separator: "/")
    }
}
