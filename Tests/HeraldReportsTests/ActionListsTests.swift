import Foundation
import HeraldCore
@testable import HeraldReports
import HeraldRules
import Testing

/// owners/: each person sees what they must do and nothing else; the communications office sees the
/// accounts nobody is left to look after.
@Suite struct ActionListsTests {
    static let people = """
        - {id: jdoe, name: Jane Doe, email: jane.doe@fairhaven.gov}
        - {id: asmith, name: Alex Smith}
        - {id: mchen, name: "Mei [Chen](https://evil.example) <b>", email: mei.chen@fairhaven.gov}
        - {id: bleft, name: Bo Left, active: false}
        - {id: "../../etc/passwd", name: Path Person}
        - {id: idle, name: Nothing To Do}
        """

    func audit(rules: [any Rule] = ReportTestData.firstRules) throws -> AuditResult {
        try ReportTestData.audit(
            organisation: "organisation: City of Fairhaven\n",
            people: Self.people,
            units: ["parks": "id: parks\nname: Parks\nmaintainers: [mchen]\n", "library": "id: library\nname: Library\nmaintainers: [idle]\n"],
            accounts: [
                "parks/x-fairhavenparks.yaml": "platform: x\nhandle: fairhavenparks\nurl: https://x.com/fairhavenparks\nunit: parks\nbio: Parks\nowners: [jdoe, bleft]\nstatus: active\nlast_reviewed: 2026-10-01\n",
                "parks/x-parksfun.yaml": "platform: x\nhandle: parksfun\nurl: https://x.com/parksfun\nunit: parks\nbio: Parks\nowners: [asmith, \"../../etc/passwd\"]\nstatus: active\nlast_reviewed: 2020-01-01\n",
                "parks/x-orphan.yaml": "platform: x\nhandle: orphan\nurl: https://x.com/orphan\nunit: parks\nbio: Parks\nowners: [bleft]\nstatus: active\nlast_reviewed: 2026-10-01\n",
                "library/x-fairhavenlibrary.yaml": "platform: x\nhandle: fairhavenlibrary\nurl: https://x.com/fairhavenlibrary\nunit: library\nbio: Library\nowners: [idle, jdoe]\nstatus: active\nlast_reviewed: 2026-10-01\n",
            ],
            rules: rules)
    }

    func files(_ result: AuditResult) -> [String: String] {
        Dictionary(uniqueKeysWithValues: ActionLists.render(result).map { ($0.name, String(decoding: $0.bytes, as: UTF8.self)) })
    }

    @Test func eachOwnerSeesTheFindingsOnTheirAccountsAndNothingElse() throws {
        let result = try audit()
        let lists = files(result)
        let jdoe = try #require(lists["jdoe.md"])
        #expect(jdoe.contains("x `@fairhavenparks`") && jdoe.contains("bleft") && jdoe.contains("Inventory/accounts/parks/x-fairhavenparks.yaml:"))
        #expect(!jdoe.contains("parksfun") && !jdoe.contains("orphan"), "another owner's account is not on Jane's list")
        #expect(!jdoe.contains("fairhavenlibrary"), "an account without findings that count is not listed")
        let asmith = try #require(lists["asmith.md"])
        #expect(asmith.contains("review-current") && asmith.contains("parksfun") && !asmith.contains("fairhavenparks.yaml"))
        let jdoeJSON = try #require(lists["jdoe.json"])
        let json = try #require(try JSONSerialization.jsonObject(with: Data(jdoeJSON.utf8)) as? [String: Any])
        #expect((json["person"] as? [String: Any])?["email"] as? String == "jane.doe@fairhaven.gov")
        let accounts = try #require(json["accounts"] as? [[String: Any]])
        #expect(accounts.map { $0["file"] as? String } == ["Inventory/accounts/parks/x-fairhavenparks.yaml"])
        #expect((accounts[0]["findings"] as? [[String: Any]])?.allSatisfy { $0["line"] is Int && $0["message"] is String } == true)
    }

    @Test func aMaintainerSeesTheirUnitsAndNobodyWithNothingToDoGetsAList() throws {
        let lists = files(try audit())
        let mchen = try #require(lists["mchen.md"])
        #expect(mchen.contains("## Unit you maintain: Parks"))
        #expect(mchen.contains("Owners who have left:") && mchen.contains("Bo Left (`bleft`) still owns x `@fairhavenparks`, x `@orphan`"))
        #expect(mchen.contains("Failing accounts:"))
        // Registry text cannot make a link or a tag in the Markdown a job posts.
        #expect(mchen.contains("`[Chen](https://evil.example)`") && !mchen.contains("<b>"), "a link is shown as code, a tag escaped")
        #expect(lists["idle.md"] == nil, "a maintainer whose unit has nothing to act on gets no list")
        #expect(lists["bleft.md"] == nil, "someone who has left gets no list")
        #expect(lists.keys.allSatisfy { !$0.contains("/") && !$0.hasPrefix(".") })
        #expect(ActionLists.fileStem(for: "../../etc/passwd") == "%2E.%2F..%2Fetc%2Fpasswd")
        #expect(lists["%2E.%2F..%2Fetc%2Fpasswd.md"] != nil, "an id that is not a plain name is encoded, never a path")
        #expect(ActionLists.fileStem(for: "j.doe-2_x") == "j.doe-2_x" && ActionLists.fileStem(for: "_comms-office") == "%5Fcomms-office")
    }

    @Test func aPersonsOwnFaultIsOnTheirListOnceNotOnEachAccount() throws {
        let result = try audit(rules: ReportTestData.firstRules + [OwnerTrainedRule()])
        // Nobody here has acknowledged the policy: one finding per owner, at their entry in people.yaml.
        let trained = result.organisationFindings.filter { $0.rule == "owner-trained" }
        #expect(trained.map(\.file) == Array(repeating: "Inventory/people.yaml", count: trained.count))
        #expect(trained.map(\.location.line) == [1, 2, 5, 6], "jdoe, asmith, the path person and idle own accounts; bleft has left")
        #expect(!result.findings.contains { $0.rule == "owner-trained" && $0.account != nil }, "no account carries the person's fault")
        let jdoeFinding = try #require(trained.first)
        #expect(jdoeFinding.message.hasSuffix("; they own x @fairhavenlibrary and x @fairhavenparks"))
        // The same fault with other accounts is the same finding (a baseline or --compare-to keeps it).
        func fingerprint(_ message: String) -> UInt64 {
            FindingFingerprint.all([FindingFingerprint.Subject(rule: "owner-trained", account: nil, file: "Inventory/people.yaml",
                                                               field: "policy_acknowledged", message: message, inventory: "Inventory")])[0]
        }
        let withoutOne = jdoeFinding.message.replacingOccurrences(of: "x @fairhavenlibrary and ", with: "")
        #expect(fingerprint(withoutOne) == fingerprint(jdoeFinding.message))
        #expect(fingerprint(jdoeFinding.message.replacingOccurrences(of: "jdoe", with: "asmith")) != fingerprint(jdoeFinding.message))
        let jdoe = try #require(files(result)["jdoe.md"])
        #expect(jdoe.contains("## Your entry in people.yaml") && jdoe.contains("`Inventory/people.yaml:1:"))
        #expect(jdoe.components(separatedBy: "owner-trained").count == 2, "the training appears once on Jane's list")
        let jdoeJSON = try #require(files(result)["jdoe.json"])
        let json = try #require(try JSONSerialization.jsonObject(with: Data(jdoeJSON.utf8)) as? [String: Any])
        #expect((json["person_findings"] as? [[String: Any]])?.map { $0["rule"] as? String } == ["owner-trained"])
        #expect(files(result)["asmith.md"]?.contains("x `@fairhavenlibrary`") == false, "Alex's list names only the accounts Alex owns")
    }

    @Test func theCommsOfficeSeesAccountsWhoseEveryOwnerHasLeft() throws {
        let lists = files(try audit())
        let office = try #require(lists[ActionLists.commsOfficeStem + ".md"])
        #expect(office.contains("1 active account whose every owner has left"))
        #expect(office.contains("x `@orphan`") && !office.contains("x `@fairhavenparks`"), "an account with one current owner is not orphaned")
        let officeJSON = try #require(lists[ActionLists.commsOfficeStem + ".json"])
        let json = try #require(try JSONSerialization.jsonObject(with: Data(officeJSON.utf8)) as? [String: Any])
        #expect((json["accounts_without_current_owners"] as? [[String: Any]])?.map { $0["account"] as? String } == ["x:orphan"])
    }

    @Test func noValueBecomesALinkOrAMention() {
        let text = ActionLists.text("url \"https://x.com/evil\" is not @someone's, see www.example.org or [here](http://a)")
        #expect(text.contains("`\"https://x.com/evil\"`") && text.contains("`@someone's`,") && text.contains("`www.example.org`"))
        #expect(text.contains("`[here](http://a)`"), "a Markdown link is shown as code: \(text)")
        #expect(ActionLists.text("a `tick`") == "a \\`tick\\`")
    }

    /// The byte-by-byte path for printable ASCII marks up exactly as the word-by-word one: every mix of the
    /// pieces that escaping and autolinking look at, in 20,000 seeded texts (all of them printable ASCII, so
    /// that `text` takes the byte path for each).
    @Test func asciiTextIsMarkedUpAsWordByWord() {
        let pieces = ["@a", "@", "www.x", "WwW.y", "ww.", "http://z", "a://b", "://", ":/", "(", "[", "\"", "'", "<", ">", "&", "|",
                      "`", "*", "_", ":", ",", ".", "!", "?", "#", "~", "$", "{", "}", "\\", " ", "  ", "word", "x.", "@b:", "(@c).",
                      "--", "a-b", "=", "%", "'@d'", "[www.e]", "x://"]
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        for _ in 0 ..< 20_000 {
            var text = ""
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            for _ in 0 ..< Int(state >> 60) + 1 {
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                text += pieces[Int(state >> 33) % pieces.count]
            }
            #expect(ActionLists.text(text) == ActionLists.textByWords(text), "\(text.debugDescription)")
        }
    }

    @Test func theCommsOfficeGetsNoListWhenEveryAccountHasAnOwner() throws {
        let result = try ReportTestData.audit(
            organisation: "organisation: City of Fairhaven\n", people: "- {id: jdoe, name: Jane Doe}\n",
            units: ["parks": "id: parks\nname: Parks\n"],
            accounts: ["parks/x-fairhavenparks.yaml": "platform: x\nhandle: fairhavenparks\nurl: https://x.com/fairhavenparks\nunit: parks\nbio: Parks\nowners: [jdoe]\nstatus: active\n"])
        #expect(!ActionLists.render(result).contains { $0.name.hasPrefix(ActionLists.commsOfficeStem) })
    }

    @Test func theSameAuditGivesTheSameFiles() throws {
        let first = ActionLists.render(try audit()), second = ActionLists.render(try audit())
        #expect(first.map(\.name) == second.map(\.name) && first.map(\.bytes) == second.map(\.bytes))
        #expect(first.map(\.name) == first.map(\.name).sorted())
    }
}
