import Foundation
import HeraldCore
import Testing

/// An inventory as a git commit stores it is read by the rules the disk reader follows: the same files
/// give the same registry, the misplaced and misnamed ones included.
@Suite struct InventoryTreeTests {
    /// Every file under the inventory, hidden ones too (git would hold them), as tree entries.
    func entries(of inventory: TemporaryInventory) throws -> [InventoryTree.Entry] {
        let root = inventory.root.resolvingSymlinksInPath().path
        let enumerator = try #require(FileManager.default.enumerator(atPath: root))
        var entries: [InventoryTree.Entry] = []
        while let relative = enumerator.nextObject() as? String {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: root + "/" + relative, isDirectory: &isFolder), !isFolder.boolValue else { continue }
            let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: root + "/" + relative)))
            entries.append(InventoryTree.Entry(path: relative, isLink: false, size: bytes.count, bytes: bytes))
        }
        return entries.shuffled()  // git lists in its own order; the reader must not depend on it
    }

    func summary(_ registry: Registry, root: String) -> [String] {
        registry.accounts.map { account in
            "\(account.file.dropFirst(root.count)) folder=\(account.folder ?? "-") handle=\(account.handle?.value ?? "-") "
                + account.schemaProblems.map(\.message).joined(separator: "; ")
        }
    }

    @Test func theSameFilesGiveTheSameRegistryFromDiskAndFromATree() throws {
        let inventory = try TemporaryInventory([
            "accounts/parks/x-fairhavenparks2.yaml": TemporaryInventory.validAccount.replacingOccurrences(of: "FairhavenParks", with: "FairhavenParks2"),
            "accounts/x-loose.yaml": "platform: x\nhandle: loose\n",
            "accounts/parks/old/x-nested.yaml": "platform: x\n",
            "accounts/parks/a/b/c/x-deep.yaml": "platform: x\n",
            "accounts/parks/x-notes.yaml.txt": "platform: x\n",
            "accounts/parks/README.md": "not an account\n",
            "accounts/parks/.hidden.yaml": "platform: x\n",
            "accounts/.drafts/x-draft.yaml": "platform: x\n",
            "accounts/a-b/x-fairhavenab.yaml": "platform: x\nhandle: fairhavenab\n",
            "units/.template.yaml": "id: template\n",
        ])
        defer { inventory.remove() }
        let root = inventory.root.resolvingSymlinksInPath().path
        let fromDisk = try InventoryLoader(root: root, knownRules: []).load()
        let sources = try InventoryTree.sources(root: root, entries: try entries(of: inventory))
        let fromTree = try RegistryBuilder.build(from: sources, knownRules: [])
        #expect(summary(fromTree, root: root) == summary(fromDisk, root: root))
        #expect(fromTree.accounts.count == 7, "\(summary(fromTree, root: root))")
        #expect(fromTree.units.keys.sorted() == fromDisk.units.keys.sorted())
        #expect(fromTree.organisationFiles == fromDisk.organisationFiles)
    }

    @Test func unchangedAccountsAreTheWorkingTreesAndTooLargeFilesAreRefused() throws {
        let inventory = try TemporaryInventory()
        defer { inventory.remove() }
        let root = inventory.root.resolvingSymlinksInPath().path
        let fromDisk = try InventoryLoader(root: root, knownRules: []).load()
        var entries = try entries(of: inventory).map { entry in
            entry.path.hasPrefix("accounts/") ? InventoryTree.Entry(path: entry.path, isLink: false, size: entry.size, bytes: nil) : entry
        }
        entries.append(InventoryTree.Entry(path: "accounts/parks/x-huge.yaml", isLink: false, size: FileLimits.accountFileBytes + 1, bytes: nil))
        entries.append(InventoryTree.Entry(path: "accounts/parks/x-link.yaml", isLink: true, size: 20, bytes: Array("../elsewhere.yaml".utf8)))
        var asked: [String] = []
        let sources = try InventoryTree.sources(root: root, entries: entries) { path in
            asked.append(path)
            return fromDisk.accounts.first { $0.file == path }
        }
        let registry = try RegistryBuilder.build(from: sources, knownRules: [])
        #expect(asked == [root + "/accounts/parks/x-fairhavenparks.yaml"], "only the unchanged file that can be read is asked for")
        let byName = Dictionary(uniqueKeysWithValues: registry.accounts.map { (String($0.file.split(separator: "/").last!), $0) })
        #expect(byName["x-fairhavenparks.yaml"]?.handle?.value == "FairhavenParks")
        #expect(byName["x-huge.yaml"]?.schemaProblems.first?.message.contains("more than the 1 MiB") == true)
        #expect(byName["x-link.yaml"]?.schemaProblems.first?.message.contains("symbolic link") == true)
    }

    @Test func aTreeWithoutTheOrganisationFilesSaysWhatIsMissing() {
        do {
            _ = try InventoryTree.sources(root: "Inventory", entries: [InventoryTree.Entry(path: "accounts/x.yaml", isLink: false, size: 1, bytes: [0x61])])
            Issue.record("an inventory without herald.yaml is refused")
        } catch {
            #expect(error.problems.map(\.file) == ["Inventory/herald.yaml", "Inventory/people.yaml", "Inventory/units"])
        }
    }
}
