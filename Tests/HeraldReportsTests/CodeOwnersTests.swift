import Foundation
import HeraldCore
import HeraldReports
import HeraldRules
import Testing

/// CODEOWNERS from the registry: each unit's folder reviewed by its maintainers (or its parents'), the rest
/// of the inventory by the registry owners, for GitHub and GitLab.
@Suite struct CodeOwnersTests {
    func registry(people: String) throws -> Registry {
        let sources = InventorySources(
            organisation: .init(path: "Inventory/herald.yaml", text: "organisation: City of Fairhaven\ncode_host: gitlab\nregistry_owners: [jdoe]\n"),
            people: .init(path: "Inventory/people.yaml", text: people),
            units: [.init(path: "Inventory/units/city-hall.yaml", text: "id: city-hall\nname: City Hall\nmaintainers: [mchen]\n"),
                    .init(path: "Inventory/units/parks.yaml", text: "id: parks\nname: Parks\nparent: city-hall\nmaintainers: [bleft, nobody]\n"),
                    .init(path: "Inventory/units/library.yaml", text: "id: library\nname: Library\nmaintainers: [asmith]\n")],
            accounts: ["parks/x-fairhavenparks.yaml", "library/x-fairhavenlibrary.yaml", "odd folder/x-odd.yaml"].map { path in
                .init(path: "Inventory/accounts/" + path, folder: String(path.split(separator: "/")[0]), fileName: String(path.split(separator: "/")[1]),
                      content: .bytes(Array("platform: x\nhandle: a\n".utf8)))
            })
        return try RegistryBuilder.build(from: sources, knownRules: Set(RuleCatalog.all.map(\.description.id)))
    }

    static let people = """
        - {id: jdoe, name: Jane Doe, github: "@janedoe", gitlab: jane.doe}
        - {id: asmith, name: Alex Smith, github: alexsmith}
        - {id: mchen, name: Mei Chen, github: meichen, gitlab: mchen-fairhaven}
        - {id: bleft, name: Bo Left, github: boleft, gitlab: boleft, active: false}
        """

    @Test func eachFolderIsReviewedByItsMaintainersOrItsParents() throws {
        let registry = try registry(people: Self.people)
        let github = CodeOwners.section(registry, inventory: "./Inventory/", host: .github)
        #expect(github.split(separator: "\n").map(String.init) == [
            CodeOwners.begin,
            "/Inventory/ @janedoe",
            "/Inventory/accounts/library/ @alexsmith",
            "# /Inventory/accounts/odd folder/: a folder name CODEOWNERS cannot match exactly: rename it to the unit's id",
            "/Inventory/accounts/parks/ @meichen",
            CodeOwners.end,
        ], "parks' maintainer left and the other is unknown: its parent's reviews")
        let gitlab = CodeOwners.section(registry, inventory: "Inventory", host: .gitlab)
        #expect(gitlab.contains("\n[Herald registry]\n/Inventory/ @jane.doe\n"))
        #expect(gitlab.contains("# /Inventory/accounts/library/: no maintainer of this unit or its parents can review"), "asmith has no gitlab name")
        #expect(CodeOwners.current(in: "* @everyone\n\n" + github + "\n/docs/ @writers\n") == github)
        #expect(CodeOwners.current(in: "* @everyone\n") == nil)
    }

    @Test func aUserNameThatCouldBreakTheFileIsLeftOut() throws {
        let registry = try registry(people: Self.people.replacingOccurrences(of: "github: alexsmith", with: "github: \"alex # smith\""))
        let section = CodeOwners.section(registry, inventory: "Inventory", host: .github)
        #expect(!section.contains("alex") && section.contains("# /Inventory/accounts/library/: no maintainer"))
    }
}
