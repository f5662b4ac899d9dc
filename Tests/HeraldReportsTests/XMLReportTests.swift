import HeraldCore
@testable import HeraldReports
import HeraldTestSupport
import Testing

@Suite struct XMLReportTests {
    let namespace = ["h": XMLReport.namespace]

    func report() throws -> [UInt8] {
        try ReportRenderer().render(.xml, try ReportTestData.result())
    }

    @Test func isValidAgainstItsSchema() throws {
        #expect(XMLValidator.validate(try report(), against: ReportSchema.text) == [])
    }

    @Test func holdsOrganisationSummaryUnitsAccountsAndFindings() throws {
        let document = try #require(MarkupDocument(xml: try report()))
        #expect(document.values("/h:report/@asOf", namespaces: namespace) == ["2026-11-24"])
        #expect(document.values("/h:report/h:organisation/@name", namespaces: namespace) == ["City of \"Fairhaven\" / <Test>"])
        #expect(document.values("/h:report/h:summary/@verdict", namespaces: namespace) == ["failed"])
        #expect(document.values("/h:report/h:summary/@errors", namespaces: namespace) == ["3"])
        #expect(document.values("//h:unit/@id", namespaces: namespace) == ["parks"])
        #expect(document.values("//h:unit/h:standards/@minOwners", namespaces: namespace) == ["2"])
        #expect(document.count("//h:account", namespaces: namespace) == 3)
        #expect(document.values("//h:account[@handle='fairhavenparks']/h:owner", namespaces: namespace) == ["jdoe", "asmith"])
        #expect(document.values("//h:account[@read='false']/@file", namespaces: namespace) == ["Inventory/accounts/parks/x-broken.yaml"])
        // Findings sit in their accounts, which come in registry order.
        #expect(document.values("//h:finding/@rule", namespaces: namespace) == ["review-current", "bio-states-office", "owner-assigned", "inventory-schema"])
        #expect(document.values("//h:finding[@rule='owner-assigned']/@line", namespaces: namespace) == ["6"])
    }

    /// A control character written as a YAML escape is an inventory-schema finding at its value, and is
    /// neither in the report nor replaced by U+FFFD there (the loader reads the value without it).
    @Test func controlCharactersWrittenAsEscapesAreFindingsAndNeverReachTheReport() throws {
        let result = try ReportTestData.audit(
            organisation: "organisation: City of Fairhaven\n", people: "- {id: jdoe, name: Jane Doe}\n", units: ["parks": "id: parks\nname: Parks\n"],
            accounts: ["parks/x-parksfun.yaml": "platform: x\nhandle: parksfun\nurl: https://x.com/parksfun\nunit: parks\nbio: \"Fun in the sun \\e[31m \\x9b \\0\"\nstatus: active\n"])
        let schema = result.findings.filter { $0.rule == "inventory-schema" }
        #expect(schema.map { "\($0.location)" } == ["5:6"])
        #expect(schema.first?.message.hasPrefix("the value holds invisible control characters (U+001B, U+009B, U+0000) written as escapes") == true)
        let bytes = try ReportRenderer().render(.xml, result)
        #expect(!bytes.contains(0x1B) && !String(decoding: bytes, as: UTF8.self).contains("\u{FFFD}"))
        let document = try #require(MarkupDocument(xml: bytes))
        #expect(document.values("//h:account[@handle='parksfun']/h:bio", namespaces: namespace) == ["Fun in the sun [31m"])
    }

    @Test func sameResultSameBytes() throws {
        #expect(try report() == (try report()))
    }

    @Test func theValidatorNamesTheLineOfWhatIsWrong() throws {
        var text = String(decoding: try report(), as: UTF8.self)
        text = text.replacingOccurrences(of: "verdict=\"failed\"", with: "verdict=\"maybe\"")
        let problems = XMLValidator.validate(Array(text.utf8), against: ReportSchema.text)
        #expect(problems.count == 1)
        #expect(problems.first?.line == 6)
        #expect(problems.first?.message.contains("maybe") == true)
        let broken = XMLValidator.validate(Array("<report xmlns=\"urn:herald:report:1\"><organisation".utf8), against: ReportSchema.text)
        #expect(broken.count == 1 && broken[0].line == 1)
    }

    @Test func theEmbeddedSchemaAndTemplateAreTheResourceFilesByteForByte() throws {
        #expect(try Repository.text("Sources/HeraldReports/Resources/herald-report.xsd") == ReportSchema.text)
        #expect(try Repository.text("Sources/HeraldReports/Resources/report.mustache") == DefaultHTMLTemplate.text)
        #expect(ReportSchema.text.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"))
    }
}

extension XMLText {
    /// The text as the writer sees it once characters XML cannot carry are replaced: what libxml2 is given
    /// in the comparisons below.
    static func clean(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.map { allowed($0) ? $0 : "\u{FFFD}" }))
    }
}

@Suite struct XMLTextTests {
    @Test func keepsEverythingXMLAllowsAndReplacesTheRest() {
        #expect(XMLText.clean("tab\tline\nreturn\r emoji 👩🏽‍💻 rtl \u{202E}x") == "tab\tline\nreturn\r emoji 👩🏽‍💻 rtl \u{202E}x")
        #expect(XMLText.clean("nul\u{0}esc\u{1B}bell\u{7}") == "nul\u{FFFD}esc\u{FFFD}bell\u{FFFD}")
        #expect(XMLText.clean("non\u{FFFE}char\u{FFFF}") == "non\u{FFFD}char\u{FFFD}")
    }
}

/// Herald writes XML itself (see `XMLWriter` for why); every kind of text must come out as the very
/// bytes libxml2's own text writer gives (after the characters XML cannot carry are replaced).
@Suite struct XMLWriterMatchesLibxml2Tests {
    static let samples = [
        "plain", "Inventory/accounts/parks/x-fairhavenparks.yaml", "a < b", "a > b", "Parks & Rec", "\"quoted\"", "it's",
        "tab\there", "line\nbreak", "carriage\rreturn", "Café", "emoji 👩🏽‍💻 🇬🇧", "rtl \u{202E}txt", "del\u{7F}", "]]>", "<!-- -->",
        "&amp;", "", " ", "x:parks · owner-assigned", "\u{0301}\"", "nul\u{0}esc\u{1B}", "non\u{FFFE}char", "\u{FFFF}", "ï",
        "\u{10FFFF}", "\u{85}next line", "\u{2028}", "unit \"parks\" <is> & 'is not'\r\n\tend\u{1}", "<<&&>>\"\"", "\t\n\r\u{1F}",
    ]

    @Test(arguments: samples)
    func attributesAndTextAreLibxml2sBytes(_ sample: String) throws {
        let herald = XMLWriter()
        herald.startDocument()
        herald.startElement("e")
        herald.attribute("a", sample)
        herald.text(sample)
        herald.endElement()
        // libxml2 gets the sample cleaned, as Herald cleans it: libxml2 itself would stop at a NUL.
        let cleaned = XMLText.clean(sample)
        let reference = try #require(LibXML2Writer.document(element: "e", attribute: ("a", cleaned), text: cleaned))
        #expect(try herald.finish() == reference, "\(String(decoding: reference, as: UTF8.self))")
    }

    @Test func aFragmentWrittenAtItsDepthAndInsertedIsTheWholeDocumentsBytes() throws {
        func children(_ xml: XMLWriter) {
            xml.element("b", ["x": "1 & 2"])
            xml.element("c", text: "t <\u{1B}>")
            xml.element("d") { xml.element("e") }
        }
        let whole = XMLWriter()
        whole.startDocument()
        whole.element("a") { children(whole) }
        let fragment = XMLWriter(depth: 1)
        children(fragment)
        let pieced = XMLWriter()
        pieced.startDocument()
        pieced.startElement("a")
        pieced.insert(try fragment.finish())
        pieced.endElement()
        let expected = try whole.finish()
        #expect(try pieced.finish() == expected)
        #expect(String(decoding: expected, as: UTF8.self)
                == "<?xml version=\"1.0\"?>\n<a>\n  <b x=\"1 &amp; 2\"/>\n  <c>t &lt;\u{FFFD}&gt;</c>\n  <d>\n    <e/>\n  </d>\n</a>\n")
    }

    @Test func emptyElementsAndEmptyTextAreWrittenAsLibxml2WritesThem() throws {
        for (text, expected) in [(nil, "<e/>"), ("", "<e></e>")] as [(String?, String)] {
            let herald = XMLWriter()
            herald.startDocument()
            herald.startElement("e")
            if let text { herald.text(text) }
            herald.endElement()
            let reference = try #require(LibXML2Writer.document(element: "e", attribute: nil, text: text))
            #expect(try herald.finish() == reference)
            #expect(String(decoding: reference, as: UTF8.self) == "<?xml version=\"1.0\"?>\n\(expected)\n")
        }
    }
}

