import Foundation
import HeraldTestSupport
import Testing

/// The public directory as the public and the communications office use it: `herald publish` and
/// `herald verify` on the shipped inventory, and the published page in a real browser.
@Suite struct DirectoryTests {
    static let asOf = ["--as-of", "2026-11-24"]

    /// What people paste, and what the directory must answer: official, formerly official, impostor, unknown.
    static let questions: [(pasted: String, standing: String)] = [
        ("https://www.instagram.com/fairhavenparks/", "official"),
        ("instagram.com/FairhavenParks?hl=en", "official"),
        ("https://m.facebook.com/FairhavenParks/", "official"),
        ("instagram:fairhavenparks", "official"),
        ("https://x.com/MayorHarlow", "impostor"),
        ("https://twitter.com/#!/FairhavenPD_Alerts", "impostor"),
        ("https://mobile.twitter.com/FairhavenPD_Alerts/", "impostor"),
        ("https://www.instagram.com/fairhaven_parks_official/", "impostor"),
        ("@nobody_here_123", "unknown"),
        ("https://x.com/FairhavenParks", "unconfirmed"),
        ("https://www.instagram.com/not_fairhaven_at_all/", "unknown"),
    ]

    @Test func verifyAnswersEachKindOfQuestionWithItsExitCode() throws {
        let herald = try HeraldProcess.withShippedInventory()
        defer { herald.remove() }
        for (pasted, standing) in Self.questions {
            let answer = try herald.run(["verify", pasted] + Self.asOf)
            let first = answer.stdout.split(separator: "\n").first.map(String.init) ?? ""
            switch standing {
            case "official": #expect(answer.status == 0 && first.hasPrefix("official: "), "\(pasted): \(answer.stdout)")
            case "impostor": #expect(answer.status == 1 && first.hasPrefix("NOT official: "), "\(pasted): \(answer.stdout)")
            case "unconfirmed": #expect(answer.status == 1 && first.hasPrefix("cannot be confirmed: ") && answer.stdout.contains("duplicate-account"), "\(pasted): \(answer.stdout)")
            default: #expect(answer.status == 1 && answer.stdout.contains("not in the register: "), "\(pasted): \(answer.stdout)")
            }
        }
        let former = try herald.run(["verify", "x:FairhavenTeenLib"] + Self.asOf)
        #expect(former.status == 1 && former.stdout.hasPrefix("formerly official: "), "\(former.stdout)")
        // The office learns why a registered account is not published.
        let withheld = try herald.run(["verify", "https://www.youtube.com/@FairhavenLibrary"] + Self.asOf)
        #expect(withheld.status == 1 && withheld.stdout.contains("but not published as official: it has errors of url-matches-handle"))
        #expect(try herald.run(["verify", " "] + Self.asOf).status == 64)
    }

    @Test func theSiteHoldsNoPersonalDataAndIsTheSameForTheSameInventory() throws {
        let herald = try HeraldProcess.withShippedInventory()
        defer { herald.remove() }
        let published = try herald.run(["publish"] + Self.asOf)
        #expect(published.status == 0, "\(published.stderr)")
        let names = ["accounts.json", "directory.css", "index.html", "lookup-data.js", "lookup.js", "verify.json"]
        #expect(try FileManager.default.contentsOfDirectory(atPath: herald.directory.appendingPathComponent("Directory").path).sorted() == names)
        let first = try names.map { try herald.file("Directory/" + $0) }
        #expect(try herald.run(["publish"] + Self.asOf).status == 0)
        #expect(try names.map { try herald.file("Directory/" + $0) } == first, "byte-identical for the same inventory")
        let site = first.map { String(decoding: $0, as: UTF8.self) }.joined(separator: "\n")

        // Every person's name and e-mail, every credentials reference, escalation contact, recovery address,
        // waiver reason and the impostor register's case ids and notes: none may appear.
        var privateValues: Set<String> = []
        let inventory = herald.directory.appendingPathComponent("Inventory")
        let people = try String(contentsOf: inventory.appendingPathComponent("people.yaml"), encoding: .utf8)
        for field in ["name", "email"] {
            for match in people.matches(of: try Regex("\(field): ([^,}\\n]+)")) {
                privateValues.insert(String(match.output[1].substring ?? "").trimmingCharacters(in: CharacterSet(charactersIn: "\" ")))
            }
        }
        let enumerator = try #require(FileManager.default.enumerator(atPath: inventory.path))
        while let path = enumerator.nextObject() as? String {
            guard path.hasSuffix(".yaml") else { continue }
            let text = try String(contentsOf: inventory.appendingPathComponent(path), encoding: .utf8)
            for key in ["credentials", "escalation", "recovery_email", "reason", "case", "notes", "approved_by"] {
                for match in text.matches(of: try Regex("(?m)^\\s*-?\\s*\(key): (.+)$")) {
                    privateValues.insert(String(match.output[1].substring ?? "").trimmingCharacters(in: CharacterSet(charactersIn: "\" ")))
                }
            }
        }
        privateValues = privateValues.filter { $0.count >= 4 }
        #expect(privateValues.count > 40, "the private values of the shipped inventory were found: \(privateValues.count)")
        // A private value may appear only inside a public field: the mayor's account is named after her.
        let verify = try #require(try JSONSerialization.jsonObject(with: first[5]) as? [String: Any])
        let publicText = (verify["entries"] as? [[String: Any]] ?? []).flatMap { entry in
            ["handle", "url", "name", "unit_name"].compactMap { entry[$0] as? String }
        }
        for value in privateValues.sorted() where site.contains(value) {
            #expect(publicText.contains { $0.contains(value) }, "published outside a public field: \(value)")
        }
        let feed = try #require(try JSONSerialization.jsonObject(with: first[0]) as? [String: Any])
        #expect(feed["herald_directory"] as? Int == 1)
        let accounts = try #require(feed["accounts"] as? [[String: Any]])
        #expect(accounts.allSatisfy { Set($0.keys).isSubset(of: ["standing", "platform", "handle", "url", "name", "unit", "unit_name"]) })
    }
}

/// The published page in headless Chromium: the lookup answers each kind of question from a `?q=` link,
/// as typed into the form, and the lists are whole with scripts off.
@Suite(.enabled(if: Chromium.executable != nil, "chromium is not installed: run `apt-get install -y chromium` (.ci/run does)"))
struct DirectoryBrowserTests {
    @Test func theLookupAnswersAsHeraldVerifyDoes() throws {
        let herald = try HeraldProcess.withShippedInventory()
        defer { herald.remove() }
        #expect(try herald.run(["publish"] + DirectoryTests.asOf).status == 0)
        let page = herald.directory.appendingPathComponent("Directory/index.html")
        for (pasted, standing) in DirectoryTests.questions + [("x:FairhavenTeenLib", "formerly-official")] {
            var components = URLComponents(url: page, resolvingAgainstBaseURL: false)!
            components.queryItems = [URLQueryItem(name: "q", value: pasted)]
            let dom = try #require(MarkupDocument(html: Array(try Chromium.dumpDOM(of: components.url!).utf8)))
            #expect(dom.values("//*[@id='lookup-answer']/@data-standing") == [standing], "\(pasted)")
            let answer = dom.values("//*[@id='lookup-answer']//span[contains(@class, 'standing')]").first ?? ""
            let expected = ["official": "Official. ", "formerly-official": "Formerly official. ", "impostor": "NOT official. ",
                            "unknown": "Not in the register. ", "unconfirmed": "Cannot be confirmed. "]
            #expect(answer == expected[standing], "\(pasted): \(answer)")
            let cli = try herald.run(["verify", pasted] + DirectoryTests.asOf)
            #expect((cli.status == 0) == (standing == "official"), "\(pasted): the page and herald verify agree")
        }
        let screenshot = Repository.root.appendingPathComponent(".build/artifacts/directory-shipped-inventory.png")
        var asked = URLComponents(url: page, resolvingAgainstBaseURL: false)!
        asked.queryItems = [URLQueryItem(name: "q", value: "https://x.com/MayorHarlow")]
        try Chromium.screenshot(of: asked.url!, to: screenshot)
        #expect(try Data(contentsOf: screenshot).starts(with: [0x89, 0x50, 0x4E, 0x47]))
    }

    @Test func withScriptsOffEveryEntryIsListedAndHostileTextStaysText() throws {
        let herald = try HeraldProcess.withShippedInventory()
        defer { herald.remove() }
        let tourism = herald.directory.appendingPathComponent("Inventory/accounts/police/instagram-fairhavenpolice.yaml")
        let text = try String(contentsOf: tourism, encoding: .utf8)
        let hostile = text.replacingOccurrences(of: "\nname: ", with: "\nname: \"<script>document.title='PWNED'</script>\\u202E \" # ")
        #expect(hostile != text)
        try hostile.write(to: tourism, atomically: true, encoding: .utf8)
        #expect(try herald.run(["publish"] + DirectoryTests.asOf).status == 0)
        let verify = try herald.json("Directory/verify.json")
        let entries = try #require(verify["entries"] as? [[String: Any]]).filter { $0["standing"] as? String != "unconfirmed" }
        let page = herald.directory.appendingPathComponent("Directory/index.html")
        // With scripts off a browser shows the page as written (headless Chromium cannot turn them off for
        // --dump-dom): the page itself, parsed; with them on, Chromium's DOM after the script ran.
        for scripts in [false, true] {
            let html = scripts ? Array(try Chromium.dumpDOM(of: page).utf8) : Array(try Data(contentsOf: page))
            let dom = try #require(MarkupDocument(html: html))
            if !scripts { #expect(dom.count("//noscript") == 1 && dom.values("//*[@id='lookup-answer']").allSatisfy(\.isEmpty)) }
            #expect(dom.count("//ul[@class='accounts']/li") == entries.count, "scripts \(scripts)")
            #expect(dom.values("//title") != ["PWNED"])
            #expect(dom.count("//script[not(@src) and not(@type='application/json')]") == 0)
            #expect(dom.values("//span[@class='name']").contains { $0.contains("<script>") }, "the markup is shown as text")
            #expect(dom.values("//li[@id='x-mayorharlow']/@data-standing") == ["formerly-official"])
            #expect(dom.count("//li[@data-standing='impostor']/strong[.='NOT official:']") == dom.count("//li[@data-standing='impostor']"),
                    "with scripts off too, every impostor says it is not official")
        }
    }
}
