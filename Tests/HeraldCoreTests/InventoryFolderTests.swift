import Foundation
import HeraldCore
import Testing

/// Which files under `accounts/` are accounts, and how links are treated.
@Suite struct InventoryFolderTests {
    @Test func nonYAMLAndHiddenFilesAreIgnored() throws {
        let inventory = try TemporaryInventory([
            "accounts/README.md": "# How to add an account\n",
            "accounts/parks/notes.txt": "not an account",
            "accounts/parks/.x-draft.yaml": "platform: [\n",
            "accounts/.archive/x-old.yaml": "platform: [\n",
        ])
        defer { inventory.remove() }
        let registry = try inventory.load()
        #expect(registry.accounts.map(\.file) == [inventory.root.path + "/accounts/parks/x-fairhavenparks.yaml"])
    }

    @Test func ymlExtensionIsAccepted() throws {
        let inventory = try TemporaryInventory(["accounts/parks/x-fairhavenparks.yaml": nil, "accounts/parks/x-fairhavenparks.yml": TemporaryInventory.validAccount])
        defer { inventory.remove() }
        let registry = try inventory.load()
        #expect(registry.accounts.count == 1 && registry.accounts[0].schemaProblems.isEmpty)
    }

    @Test func accountFilesOutsideAUnitFolderAreReported() throws {
        let inventory = try TemporaryInventory([
            "accounts/x-loose.yaml": "platform: x\n",
            "accounts/parks/old/x-nested.yaml": "platform: x\n",
        ])
        defer { inventory.remove() }
        let registry = try inventory.load()
        let loose = try #require(registry.accounts.first { $0.file.hasSuffix("accounts/x-loose.yaml") })
        #expect(loose.schemaProblems.contains { $0.message.hasPrefix("account files belong in a folder named after their unit") })
        let nested = try #require(registry.accounts.first { $0.file.hasSuffix("old/x-nested.yaml") })
        #expect(nested.schemaProblems.contains { $0.message.hasPrefix("account files belong in a folder named after their unit") })
    }

    @Test func linksOutOfTheInventoryAreRefusedNotFollowed() throws {
        let inventory = try TemporaryInventory()
        defer { inventory.remove() }
        let outside = inventory.root.deletingLastPathComponent().appendingPathComponent("secret.yaml")
        try Data("platform: x\nhandle: leaked\n".utf8).write(to: outside)
        try FileManager.default.createSymbolicLink(atPath: inventory.root.path + "/accounts/parks/x-leaked.yaml", withDestinationPath: outside.path)
        let registry = try inventory.load()
        let link = try #require(registry.accounts.first { $0.file.hasSuffix("x-leaked.yaml") })
        #expect(link.handle == nil, "the link's target must not be read")
        #expect(link.schemaProblems.map(\.message) == ["this is a link to a place outside the inventory folder, which Herald does not follow: replace it with the file itself"])
        #expect(link.schemaProblems.map(\.location) == [.startOfFile])
    }

    @Test func linksInsideTheInventoryAreFollowed() throws {
        let inventory = try TemporaryInventory(["shared/x-fairhavenparks.yaml": TemporaryInventory.validAccount, "accounts/parks/x-fairhavenparks.yaml": nil])
        defer { inventory.remove() }
        try FileManager.default.createDirectory(atPath: inventory.root.path + "/accounts/parks", withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: inventory.root.path + "/accounts/parks/x-fairhavenparks.yaml",
                                                   withDestinationPath: "../../shared/x-fairhavenparks.yaml")
        let account = try inventory.account("parks/x-fairhavenparks.yaml")
        #expect(account.schemaProblems.isEmpty && account.handle?.value == "FairhavenParks")
    }

    @Test func aMissingInventoryFolderIsFatal() throws {
        #expect {
            try InventoryLoader(root: "/nonexistent/Inventory", knownRules: []).load()
        } throws: { error in
            (error as? InventoryError)?.problems.first?.message.hasPrefix("the inventory folder does not exist") == true
        }
    }

    @Test func folderLinksBrokenLinksAndLinksOutOfTheInventoryWhateverTheirNameAreReported() throws {
        let inventory = try TemporaryInventory()
        defer { inventory.remove() }
        let accounts = inventory.root.path + "/accounts"
        try FileManager.default.createSymbolicLink(atPath: accounts + "/parks/self", withDestinationPath: ".")
        try FileManager.default.createSymbolicLink(atPath: accounts + "/elsewhere", withDestinationPath: "/tmp")
        try FileManager.default.createSymbolicLink(atPath: accounts + "/parks/x-gone.yaml", withDestinationPath: "x-missing.yaml")
        let registry = try inventory.load()
        let messages = Dictionary(uniqueKeysWithValues: registry.accounts.map { (String($0.file.dropFirst(accounts.count + 1)), $0.schemaProblems.map(\.message)) })
        #expect(messages.count == 4, "the real account plus three refused links, no loop: \(messages.keys.sorted())")
        #expect(messages["parks/self"] == ["this is a link to a folder, which Herald does not follow: put the account files in a real folder"])
        #expect(messages["elsewhere"] == ["this is a link to a place outside the inventory folder, which Herald does not follow: replace it with the file itself"])
        #expect(messages["parks/x-gone.yaml"] == ["this is a broken link (what it points to does not exist): replace it with the file itself"])
    }

    @Test func misnamedAndTooDeepFilesAreReportedNotSkipped() throws {
        let inventory = try TemporaryInventory([
            "accounts/parks/x-parksnews.yaml.txt": TemporaryInventory.validAccount,
            "accounts/parks/a/b/c/x-deep.yaml": TemporaryInventory.validAccount,
        ])
        defer { inventory.remove() }
        let registry = try inventory.load()
        let misnamed = try #require(registry.accounts.first { $0.file.hasSuffix("x-parksnews.yaml.txt") })
        #expect(misnamed.schemaProblems.first?.message.hasPrefix("this looks like an account file but its name does not end in .yaml") == true)
        let deep = try #require(registry.accounts.first { $0.file.hasSuffix("accounts/parks/a/b/c") })
        #expect(deep.schemaProblems.first?.message.hasPrefix("folders this deep are not read") == true)
    }

    @Test func anInventoryThatIsAFileIsNotAFolder() throws {
        let inventory = try TemporaryInventory()
        defer { inventory.remove() }
        #expect {
            try InventoryLoader(root: inventory.root.path + "/herald.yaml", knownRules: []).load()
        } throws: { error in
            // The core says what is wrong; the command line adds how to name the right folder.
            (error as? InventoryError).map { $0.problems.map(\.message) == ["this is not a folder"] && $0.inventoryNotFound } == true
        }
    }
}
