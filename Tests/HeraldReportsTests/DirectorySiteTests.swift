import Foundation
import HeraldCore
import HeraldReports
import HeraldRules
import Testing

/// The public directory: who is listed as what, and the site's files, inline and split by unit.
@Suite struct DirectorySiteTests {
    func directory() throws -> PublicDirectory {
        let accounts: [String: String] = [
            "parks/x-fairhavenparks.yaml": "platform: x\nhandle: FairhavenParks\nurl: https://x.com/FairhavenParks\nunit: parks\nname: \"Parks <b>&</b> Rec\"\nbio: Parks\nowners: [jdoe, asmith]\nstatus: active\nlast_reviewed: 2026-10-01\n",
            "parks/x-parks-broken.yaml": "platform: x\nhandle: parks broken\nurl: https://x.com/parksbroken\nunit: parks\nbio: Parks\nowners: [jdoe, asmith]\nstatus: active\n",
            "parks/x-fairhavenpool.yaml": "platform: x\nhandle: FairhavenPool\nurl: https://x.com/FairhavenPool\nunit: parks\nbio: Parks\nowners: [jdoe, asmith]\nstatus: retired\nretired_on: 2025-09-30\nhandle_held: true\n",
            "library/x-fairhavenlibrary.yaml": "platform: x\nhandle: FairhavenLibrary\nurl: https://x.com/FairhavenLibrary\nunit: library\nbio: Library\nowners: [jdoe, asmith]\nstatus: active\n",
        ]
        let sources = InventorySources(
            organisation: .init(path: "Inventory/herald.yaml", text: "organisation: City of Fairhaven\npublish:\n  advice: Write to social@fairhaven.gov.\n"),
            people: .init(path: "Inventory/people.yaml", text: "- {id: jdoe, name: Jane Doe, email: jane.doe@fairhaven.gov}\n- {id: asmith, name: Alex Smith}\n"),
            units: [.init(path: "Inventory/units/parks.yaml", text: "id: parks\nname: Parks\nmaintainers: [jdoe]\n"),
                    .init(path: "Inventory/units/library.yaml", text: "id: library\nname: Library\nmaintainers: [jdoe]\n")],
            impostors: .init(path: "Inventory/impostors.yaml", text: "- platform: x\n  handle: FairhavenParksDept\n  reported: 2026-11-01\n  case: \"SECRET-CASE-1\"\n  notes: seen by Jane Doe\n  status: reported\n"),
            accounts: accounts.keys.sorted().map { path in
                .init(path: "Inventory/accounts/" + path, folder: String(path.split(separator: "/")[0]), fileName: String(path.split(separator: "/")[1]),
                      content: .bytes(Array(accounts[path]!.utf8)))
            })
        let registry = try RegistryBuilder.build(from: sources, knownRules: Set(RuleCatalog.all.map(\.description.id)))
        return PublicDirectory(Auditor(asOf: CalendarDate("2026-11-24")!).audit(registry))
    }

    @Test func onlyAccountsThatPassTheGateAreOfficial() throws {
        let directory = try directory()
        #expect(directory.entries.map { "\($0.standing.rawValue) \($0.shown)" } == [
            "official x @FairhavenLibrary", "official x @FairhavenParks", "formerly-official x @FairhavenPool", "impostor x @FairhavenParksDept",
        ])
        #expect(directory.withheld.map(\.file) == ["Inventory/accounts/parks/x-parks-broken.yaml"], "a handle that cannot exist is never published")
        #expect(directory.unconfirmed.map(\.shown) == ["x @parks broken"], "the lookup says it cannot be confirmed, not that it is an impostor")
        #expect(PublicDirectory.webAddress("https://user:pa55@www.instagram.com/fairhavenparks/?hl=en#top") == "https://www.instagram.com/fairhavenparks/",
                "a password written into an address is never published")
        #expect(directory.answer(for: "https://twitter.com/fairhavenparks/with_replies").map(\.standing) == [.official])
        #expect(directory.answer(for: "@FairhavenParksDept").map(\.standing) == [.impostor])
        #expect(directory.answer(for: "https://x.com/somebodyelse").isEmpty)
        #expect(directory.advice == "Write to social@fairhaven.gov.")
    }

    @Test func theSiteIsInlineForASmallRegistryAndSplitByUnitForALargeOne() throws {
        let directory = try directory()
        let inline = DirectorySite.builtIn.render(directory)
        #expect(inline.map(\.name) == ["accounts.json", "directory.css", "index.html", "lookup-data.js", "lookup.js", "verify.json"])
        let index = String(decoding: inline.first { $0.name == "index.html" }!.bytes, as: UTF8.self)
        #expect(index.contains("<li id=\"x-fairhavenparks\" data-standing=\"official\">") && index.contains("Parks &lt;b&gt;&amp;&lt;/b&gt; Rec"))
        let split = DirectorySite.builtIn.render(directory, inlineLimit: 2)
        #expect(split.map(\.name).filter { $0.hasPrefix("units/") } == ["units/library.html", "units/parks.html"])
        let splitIndex = String(decoding: split.first { $0.name == "index.html" }!.bytes, as: UTF8.self)
        #expect(!splitIndex.contains("id=\"x-fairhavenparks\"") && splitIndex.contains("href=\"units/parks.html\""))
        #expect(splitIndex.contains("id=\"x-fairhavenpool\""), "formerly official and impostors stay on the first page")
        let data = String(decoding: split.first { $0.name == "lookup-data.js" }!.bytes, as: UTF8.self)
        #expect(data.hasPrefix("window.HERALD_DIRECTORY = [[") && data.contains("\"units/parks.html#x-fairhavenparks\""))
        for file in inline + split {
            let text = String(decoding: file.bytes, as: UTF8.self)
            for secret in ["SECRET-CASE-1", "seen by", "jane.doe@", "Jane Doe", "Alex Smith"] { #expect(!text.contains(secret), "\(file.name): \(secret)") }
        }
        #expect(DirectorySite.builtIn.render(directory).map(\.bytes) == inline.map(\.bytes), "the same directory gives the same bytes")
    }
}
