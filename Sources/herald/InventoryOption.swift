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
    var inventory: String { given ?? InventoryLocation.find() ?? InventoryLocation.defaultFolder }

    /// Whether the folder was named on the command line (a missing one is then a typing mistake, not a
    /// command run outside any registry).
    var isGiven: Bool { given != nil }
}
