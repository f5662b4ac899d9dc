import Foundation
import HeraldReports
import HeraldTestSupport
import Testing

/// Every report `herald audit` writes, as the nightly job and CI systems read them.
@Suite struct ReportFilesTests {
    let asOf = ["--as-of", "2026-11-24"]
    static let reports = ["report.json", "report.xml", "herald-report.xsd", "junit.xml", "report.sarif", "checkstyle.xml", "codequality.json", "report.html"]

    @Test func auditWritesEveryReportByDefaultAndEachIsValid() throws {
        let herald = try HeraldProcess(fixture: "FailingInventory")
        defer { herald.remove() }
        let output = try herald.run(["audit"] + asOf)
        #expect(output.status == 1)
        for report in Self.reports { #expect(output.stdout.contains("Wrote Reports/\(report)"), "\(report)") }
        try expectValid(herald, folder: "Reports", findings: 6)
    }

    /// Large reports are rendered in chunks of accounts and written past the file buffer; the pieces must
    /// still land in order (junit.xml once had its chunks written before the document's start).
    @Test func aRegistryOfManyChunksGivesWholeValidReports() throws {
        let herald = try HeraldProcess(fixture: "CleanInventory")
        defer { herald.remove() }
        let folder = herald.directory.appendingPathComponent("Inventory/accounts/parks")
        let template = try String(contentsOf: folder.appendingPathComponent("x-fairhavenparks.yaml"), encoding: .utf8)
        let copies = 2 * 2048 + 100
        for number in 1...copies {
            let handle = "FairhavenP\(number)"  // the unit's pattern is ^fairhaven; x allows 15 characters
            let text = template.replacingOccurrences(of: "x.com/FairhavenParks", with: "x.com/\(handle)")
                .replacingOccurrences(of: "handle: FairhavenParks", with: "handle: \(handle)")
            try text.write(to: folder.appendingPathComponent("x-\(handle.lowercased()).yaml"), atomically: false, encoding: .utf8)
        }
        let output = try herald.run(["audit"] + asOf)
        #expect(output.status == 0, "\(output.stdout)\(output.stderr)")
        try expectValid(herald, folder: "Reports", findings: 0)
        let junit = try #require(MarkupDocument(xml: Array(try herald.file("Reports/junit.xml"))))
        #expect(junit.values("/testsuites/testsuite[1]/@tests") == [String(copies + 2)])
        // 20 rules check each account (maintainer-known, maintainer-can-review, owner-trained and the impostor
        // rules only organisation files, review-recorded only with --git, the reconcile rules only with
        // exports); 10 rules check each of the 5 organisation files (official-email both).
        #expect(junit.count("//testcase") == (copies + 2) * 20 + 5 * 10)
    }

    @Test func theHostileInventoryStaysInertInEveryFormat() throws {
        let herald = try HeraldProcess(fixture: "HostileInventory")
        defer { herald.remove() }
        let output = try herald.run(["audit"] + asOf)
        #expect(output.status == 1, "\(output.stderr)")
        try expectValid(herald, folder: "Reports", findings: nil)

        let html = try #require(MarkupDocument(html: Array(try herald.file("Reports/report.html"))))
        #expect(html.count("//script | //img | //iframe | //object | //b | //i | //textarea") == 0)
        #expect(html.count("//@*[starts-with(name(), 'on')]") == 0)
        #expect(html.count("//a[not(starts-with(@href, 'https://') or starts-with(@href, 'http://') or starts-with(@href, '#'))]") == 0)
        #expect(html.values("//h1") == ["Fairhaven <b>\"Board\"</b> & 'Co'"])
        // A name carrying the text of the account tables' marker splices nothing.
        #expect(html.count("//table[@class='accounts']") == 5)
        #expect(html.count("//section[@class='unit']") == 5)
        let text = html.values("/html/body").joined()
        #expect(text.contains("<script>document.title='PWNED'</script>"))
        #expect(text.contains("<b onmouseover=alert(3)>ghost</b>"))

        let xml = try #require(MarkupDocument(xml: Array(try herald.file("Reports/report.xml"))))
        let namespace = ["h": XMLReport.namespace]
        let bios = xml.values("//h:account/h:bio", namespaces: namespace)
        #expect(bios.contains { $0.count >= 10_000 })
        #expect(bios.contains { $0.contains("]]>") && $0.contains("<!--") })
        #expect(xml.values("//h:unit[@id='parks']/@name", namespaces: namespace) == ["Parks <Dept> & 'Recreation' ]]>"])
        #expect(xml.values("//h:unit[@id='press']/@name", namespaces: namespace) == ["Press herald:account-sections Office \"\u{0301} onmouseover=alert(5) [31m"])
        // Control characters written as YAML escapes are findings, and never reach a report, not even as U+FFFD.
        #expect(xml.values("//h:finding[@rule='inventory-schema']", namespaces: namespace).filter { $0.contains("written as escapes") }.count == 2)
        #expect(!String(decoding: try herald.file("Reports/report.xml"), as: UTF8.self).contains("\u{FFFD}"))
        let checkstyle = try #require(MarkupDocument(xml: Array(try herald.file("Reports/checkstyle.xml"))))
        #expect(checkstyle.values("//error/@message").contains { $0.contains("<b onmouseover=alert(3)>ghost</b>") })
    }

    @Test func checkCanAnnotateAPullRequestOnGitHub() throws {
        let herald = try HeraldProcess(fixture: "HostileInventory")
        defer { herald.remove() }
        let output = try herald.run(["check", "--format", "github"] + asOf)
        #expect(output.status == 1)
        let lines = output.stdout.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        let annotations = lines.filter { $0.hasPrefix("::") }
        #expect(annotations.count == 35)
        // One command per finding, and nothing from the registry starts another.
        #expect(annotations.allSatisfy { $0.hasPrefix("::error file=Inventory/accounts/") || $0.hasPrefix("::warning file=Inventory/accounts/") })
        // The summary line, and the note that GitHub shows only ten errors a step.
        #expect(lines.filter { !$0.hasPrefix("::") }.count == 2)
        #expect(lines.last?.hasPrefix("GitHub shows 10 errors and 10 warnings of a step as annotations") == true)
        // Errors first: what GitHub shows is what matters most.
        let levels = annotations.map { $0.prefix { $0 != " " } }
        #expect(levels == levels.sorted { ($0 == "::error" ? 0 : 1) < ($1 == "::error" ? 0 : 1) })
        // A literal "%0A" stays text (%250A) and a real line feed is encoded (%0A): one line, one command.
        #expect(annotations.contains { $0.contains("owner \"::error file=herald.yaml,line=1::PWNED%250A::warning::x%0A::error::second line\"") })
    }

    @Test func sameInventoryAndDateGiveByteIdenticalReportsInEveryFormat() throws {
        let herald = try HeraldProcess(fixture: "HostileInventory")
        defer { herald.remove() }
        try herald.run(["audit", "--output", "first"] + asOf)
        try herald.run(["audit", "--output", "second"] + asOf)
        for report in Self.reports {
            #expect(try herald.file("first/" + report) == herald.file("second/" + report), "\(report)")
        }
    }

    @Test func aReportThatCannotReplaceItsPredecessorLeavesThePreviousSetWhole() throws {
        let herald = try HeraldProcess(fixture: "FailingInventory")
        defer { herald.remove() }
        try herald.run(["audit"] + asOf)
        let previous = try herald.file("Reports/report.json")
        // A folder stands where a report would go: it is someone's, so the audit writes nothing and says so.
        let html = herald.directory.appendingPathComponent("Reports/report.html")
        try FileManager.default.removeItem(at: html)
        try FileManager.default.createDirectory(at: html, withIntermediateDirectories: false)
        let output = try herald.run(["audit", "--as-of", "2027-06-01"])
        #expect(output.status == 3)
        #expect(output.stderr.contains("report.html"))
        #expect(try herald.file("Reports/report.json") == previous)
        let left = try FileManager.default.contentsOfDirectory(atPath: herald.directory.appendingPathComponent("Reports").path).sorted()
        #expect(left == ["checkstyle.xml", "codequality.json", "herald-report.xsd", "junit.xml", "owners", "report.html", "report.json", "report.sarif", "report.xml"])
        let beside = try FileManager.default.contentsOfDirectory(atPath: herald.directory.path).filter { $0.contains(".herald-") }
        #expect(beside == [], "the staging folder is removed")
    }

    /// owners/ is one report: replaced as a whole by each audit that writes it (a list nobody needs any
    /// more disappears), kept by one that does not, in both ways of writing.
    @Test(arguments: ["0", "1"])
    func theActionListsFolderIsReplacedAsAWhole(stageInside: String) throws {
        let herald = try HeraldProcess.withShippedInventory()
        defer { herald.remove() }
        let environment = ["HERALD_STAGE_INSIDE": stageInside]
        #expect(try herald.run(["audit"] + asOf, environment: environment).status == 1)
        let owners = herald.directory.appendingPathComponent("Reports/owners")
        let first = try FileManager.default.contentsOfDirectory(atPath: owners.path).sorted()
        #expect(first.contains("tbrooks.md") && first.contains("_comms-office.md"))
        try Data("left from last year".utf8).write(to: owners.appendingPathComponent("someone-who-left.md"))
        #expect(try herald.run(["audit", "--format", "json"] + asOf, environment: environment).status == 1)
        #expect(FileManager.default.fileExists(atPath: owners.appendingPathComponent("someone-who-left.md").path), "--format json leaves owners/ alone")
        #expect(try herald.run(["audit", "--format", "json,owners"] + asOf, environment: environment).status == 1)
        #expect(try FileManager.default.contentsOfDirectory(atPath: owners.path).sorted() == first)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: herald.directory.appendingPathComponent("Reports").path)
            .filter { $0.hasPrefix(".") && $0 != ".herald.lock" }  // the lock of the in-folder way stays (docs/reports.md)
        #expect(leftovers.isEmpty, "\(leftovers)")
        // A file where the folder report goes is someone's: the audit stops rather than replace it.
        try FileManager.default.removeItem(at: owners)
        try Data("mine".utf8).write(to: owners)
        let blocked = try herald.run(["audit"] + asOf, environment: environment)
        #expect(blocked.status == 3 && blocked.stderr.contains("owners"))
        #expect(try herald.file("Reports/owners") == Data("mine".utf8), "the file is kept")
    }

    /// The spare's action lists are written over (docs/performance.md): the result is the same bytes as
    /// lists written anew; a list nobody needs is gone; a list someone linked elsewhere, a link, a folder or
    /// a named pipe where a list goes is replaced, never written through or waited on.
    @Test func actionListsWrittenOverAreTheSameAsNewOnes() throws {
        let herald = try HeraldProcess.withShippedInventory()
        defer { herald.remove() }
        let spare = herald.directory.appendingPathComponent(".Reports.herald-spare/owners")
        let live = herald.directory.appendingPathComponent("Reports/owners")
        let inode = { (url: URL) -> ino_t in
            var info = stat()
            return stat(url.path, &info) == 0 ? info.st_ino : 0
        }
        let sameAsFresh = { (date: String) throws in try Self.expectActionListsAsFresh(in: herald, asOf: date) }
        #expect(try herald.run(["audit", "--as-of", "2026-11-01"]).status == 1)
        #expect(try herald.run(["audit", "--as-of", "2026-11-02"]).status == 1)
        // The spare's lists: one longer than any new one, one of a person with nothing left to do, and where
        // three lists go, a folder, a named pipe and a link to a file of someone's.
        let lists = try FileManager.default.contentsOfDirectory(atPath: spare.path).filter { $0 != "tbrooks.md" && !$0.hasPrefix("_") }.sorted()
        try #require(lists.count >= 3)
        let handle = try FileHandle(forWritingTo: spare.appendingPathComponent("tbrooks.md"))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(repeating: UInt8(ascii: "x"), count: 100_000))
        try handle.close()
        try Data("nothing left to do".utf8).write(to: spare.appendingPathComponent("gone.md"))
        try FileManager.default.removeItem(at: spare.appendingPathComponent(lists[0]))
        try FileManager.default.createDirectory(at: spare.appendingPathComponent(lists[0] + "/inside"), withIntermediateDirectories: true)
        try FileManager.default.removeItem(at: spare.appendingPathComponent(lists[1]))
        #expect(mkfifo(spare.appendingPathComponent(lists[1]).path, 0o644) == 0)
        let outside = herald.directory.appendingPathComponent("outside.txt")
        try Data("mine".utf8).write(to: outside)
        try FileManager.default.removeItem(at: spare.appendingPathComponent(lists[2]))
        try FileManager.default.createSymbolicLink(atPath: spare.appendingPathComponent(lists[2]).path, withDestinationPath: outside.path)
        let recycledInode = inode(spare.appendingPathComponent("tbrooks.md"))
        // A list of the current set kept by a hard link, as someone might keep last night's.
        #expect(link(live.appendingPathComponent("tbrooks.md").path, herald.directory.appendingPathComponent("kept.md").path) == 0)

        #expect(try herald.run(["audit", "--as-of", "2026-11-03"]).status == 1)
        #expect(inode(live.appendingPathComponent("tbrooks.md")) == recycledInode, "written over, not made anew")
        try sameAsFresh("2026-11-03")
        #expect(!FileManager.default.fileExists(atPath: live.appendingPathComponent("gone.md").path))
        #expect(try Data(contentsOf: outside) == Data("mine".utf8), "a link is replaced, not written through")
        #expect(try herald.run(["audit", "--as-of", "2026-11-04"]).status == 1)
        try sameAsFresh("2026-11-04")
        let kept = String(decoding: try herald.file("kept.md"), as: UTF8.self)
        #expect(kept.contains("2026-11-02") && !kept.contains("2026-11-04"), "the linked copy keeps the 11-02 list")
    }

    /// Expects `Reports/owners` to hold the same files, byte for byte, as an audit as of `date` into a new
    /// folder.
    static func expectActionListsAsFresh(in herald: HeraldProcess, asOf date: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        #expect(try herald.run(["audit", "--as-of", date, "--output", "Fresh-" + date]).status == 1, sourceLocation: sourceLocation)
        let live = herald.directory.appendingPathComponent("Reports/owners")
        let fresh = herald.directory.appendingPathComponent("Fresh-\(date)/owners")
        let names = try FileManager.default.contentsOfDirectory(atPath: live.path).sorted()
        #expect(names == (try FileManager.default.contentsOfDirectory(atPath: fresh.path).sorted()), "\(date)", sourceLocation: sourceLocation)
        for name in names {
            #expect(try Data(contentsOf: live.appendingPathComponent(name)) == Data(contentsOf: fresh.appendingPathComponent(name)), "\(date) \(name)",
                    sourceLocation: sourceLocation)
        }
    }

    /// Whatever ran before (a JSON-only audit, whose spare holds the lists as links to the current ones;
    /// the way of writing for a mount point), the action lists are those of a fresh audit, and nothing is
    /// left beside the folder but its spare.
    @Test func actionListsStayRightWhateverRanBefore() throws {
        let herald = try HeraldProcess.withShippedInventory()
        defer { herald.remove() }
        #expect(try herald.run(["audit", "--as-of", "2026-11-01"]).status == 1)
        #expect(try herald.run(["audit", "--as-of", "2026-11-02", "--format", "json"]).status == 1)
        #expect(try herald.run(["audit", "--as-of", "2026-11-03"]).status == 1)
        try Self.expectActionListsAsFresh(in: herald, asOf: "2026-11-03")
        #expect(try herald.run(["audit", "--as-of", "2026-11-04"], environment: ["HERALD_STAGE_INSIDE": "1"]).status == 1)
        try Self.expectActionListsAsFresh(in: herald, asOf: "2026-11-04")
        #expect(try herald.run(["audit", "--as-of", "2026-11-05", "--format", "json,owners"]).status == 1)
        #expect(try herald.run(["audit", "--as-of", "2026-11-06", "--format", "owners"]).status == 1)
        try Self.expectActionListsAsFresh(in: herald, asOf: "2026-11-06")
        let beside = try FileManager.default.contentsOfDirectory(atPath: herald.directory.path).filter { $0.contains(".herald-") }
        #expect(beside.allSatisfy { $0 == ".Reports.herald-spare" || $0.hasPrefix(".Fresh-") }, "\(beside)")
    }

    @Test func formatPicksTheReports() throws {
        let herald = try HeraldProcess(fixture: "CleanInventory")
        defer { herald.remove() }
        #expect(try herald.run(["audit", "--format", "junit,sarif", "--output", "some"] + asOf).status == 0)
        let written = try FileManager.default.contentsOfDirectory(atPath: herald.directory.appendingPathComponent("some").path).sorted()
        #expect(written == ["junit.xml", "report.sarif"])
        #expect(try herald.run(["audit", "--format", "all", "--output", "every"] + asOf).status == 0)
        #expect(try FileManager.default.contentsOfDirectory(atPath: herald.directory.appendingPathComponent("every").path).count == 9)
        let wrong = try herald.run(["audit", "--format", "pdf"] + asOf)
        #expect(wrong.status == 64 && wrong.stderr.contains("pdf"))
    }

    @Test func validateReportExitsZeroOrOne() throws {
        let herald = try HeraldProcess(fixture: "FailingInventory")
        defer { herald.remove() }
        try herald.run(["audit", "--format", "xml"] + asOf)
        let valid = try herald.run(["validate-report", "Reports/report.xml"])
        #expect(valid.status == 0 && valid.stdout.contains("is a valid Herald report"))

        let tampered = String(decoding: try herald.file("Reports/report.xml"), as: UTF8.self)
            .replacingOccurrences(of: "severity=\"warning\"", with: "severity=\"notice\"")
        try Data(tampered.utf8).write(to: herald.directory.appendingPathComponent("tampered.xml"))
        let invalid = try herald.run(["validate-report", "tampered.xml"])
        #expect(invalid.status == 1)
        #expect(invalid.stderr.contains("tampered.xml:") && invalid.stderr.contains("notice"))

        try Data("<report><unclosed>".utf8).write(to: herald.directory.appendingPathComponent("broken.xml"))
        let broken = try herald.run(["validate-report", "broken.xml"])
        #expect(broken.status == 1 && broken.stderr.contains("broken.xml:1:"))

        let missing = try herald.run(["validate-report", "nowhere.xml"])
        #expect(missing.status == 1 && missing.stderr.contains("nowhere.xml cannot be read"))

        try Data("<?xml version=\"1.0\"?><!DOCTYPE report [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;\">]><report xmlns=\"urn:herald:report:1\" tool=\"&b;\"/>".utf8)
            .write(to: herald.directory.appendingPathComponent("entities.xml"))
        let entities = try herald.run(["validate-report", "entities.xml"])
        #expect(entities.status == 1 && entities.stderr.contains("DOCTYPE"))
    }

    @Test func anOrganisationTemplateBrandsTheHTMLReport() throws {
        let herald = try HeraldProcess(fixture: "FailingInventory")
        defer { herald.remove() }
        let builtIn = try herald.run(["template"])
        #expect(builtIn.status == 0)
        // The printed template is the built-in one: using it gives the same report.
        try Data(builtIn.stdout.utf8).write(to: herald.directory.appendingPathComponent("copy.mustache"))
        try herald.run(["audit", "--format", "html", "--output", "default"] + asOf)
        try herald.run(["audit", "--format", "html", "--output", "copied", "--template", "copy.mustache"] + asOf)
        #expect(try herald.file("default/report.html") == herald.file("copied/report.html"))

        let brand = "<html><body><header class=\"brand\">Fairhaven Communications: {{organisation}}, {{as_of}}</header>{{{account_sections}}}</body></html>"
        try Data(brand.utf8).write(to: herald.directory.appendingPathComponent("brand.mustache"))
        #expect(try herald.run(["audit", "--format", "html", "--template", "brand.mustache"] + asOf).status == 1)
        let html = try #require(MarkupDocument(html: Array(try herald.file("Reports/report.html"))))
        #expect(html.values("//header[@class='brand']") == ["Fairhaven Communications: City of Fairhaven, 2026-11-24"])
        #expect(html.count("//table[@class='accounts']/tbody/tr") == 4)

        try Data("<h1>{{organisation}</h1>\n{{#units}}\n".utf8).write(to: herald.directory.appendingPathComponent("broken.mustache"))
        let broken = try herald.run(["audit", "--template", "broken.mustache", "--output", "untouched"] + asOf)
        #expect(broken.status == 64)
        #expect(broken.stderr.contains("broken.mustache:1:"))
        #expect(!FileManager.default.fileExists(atPath: herald.directory.appendingPathComponent("untouched").path))
    }

    /// report.xml valid against the embedded schema (through `herald validate-report`), junit.xml against the
    /// strict Ant schema, report.sarif and report.json parsed, checkstyle.xml and report.html read.
    private func expectValid(_ herald: HeraldProcess, folder: String, findings: Int?) throws {
        let validation = try herald.run(["validate-report", folder + "/report.xml"])
        #expect(validation.status == 0, "\(validation.stderr)")
        #expect(XMLValidator.validate(Array(try herald.file(folder + "/report.xml")), against: try Repository.text("Sources/HeraldReports/Resources/herald-report.xsd")) == [])
        #expect(XMLValidator.validate(Array(try herald.file(folder + "/junit.xml")), against: try Repository.text("Tests/Schemas/junit-ant-strict.xsd")) == [])
        #expect(try herald.file(folder + "/herald-report.xsd") == Data(ReportSchema.text.utf8))
        let sarif = try #require(try JSONSerialization.jsonObject(with: herald.file(folder + "/report.sarif")) as? [String: Any])
        let results = try #require((sarif["runs"] as? [[String: Any]])?.first?["results"] as? [[String: Any]])
        let json = try herald.json(folder + "/report.json")
        let jsonFindings = try #require(json["findings"] as? [[String: Any]])
        if let findings { #expect(jsonFindings.count == findings) }
        #expect(results.count == jsonFindings.count)
        let checkstyle = try #require(MarkupDocument(xml: Array(try herald.file(folder + "/checkstyle.xml"))))
        #expect(checkstyle.count("//error") == jsonFindings.count)
        // GitLab Code Quality: every finding, each with the fields GitLab requires and a unique fingerprint.
        let quality = try #require(try JSONSerialization.jsonObject(with: herald.file(folder + "/codequality.json")) as? [[String: Any]])
        #expect(quality.count == jsonFindings.count)
        #expect(Set(quality.compactMap { $0["fingerprint"] as? String }).count == quality.count)
        #expect(quality.allSatisfy { issue in
            ["description", "check_name", "fingerprint", "severity"].allSatisfy { issue[$0] is String }
                && ["info", "minor", "major", "critical", "blocker"].contains(issue["severity"] as? String ?? "")
                && ((issue["location"] as? [String: Any])?["path"] is String)
                && (((issue["location"] as? [String: Any])?["lines"] as? [String: Any])?["begin"] is Int)
        })
        let html = try #require(MarkupDocument(html: Array(try herald.file(folder + "/report.html"))))
        #expect(html.values("//*[@id='count-errors']") == [String(jsonFindings.count { $0["severity"] as? String == "error" })])
        #expect(html.count("//ul[@class='findings']/li") == jsonFindings.count)
    }
}
