@testable import HeraldReports
import HeraldCore
import HeraldRules
import HeraldTestSupport
import Testing

@Suite struct HTMLReportTests {
        func hostileResult() throws -> AuditResult {
        try ReportTestData.audit(
            organisation: "organisation: \"Fairhaven <b>Board</b> & 'Co'\"\n",
            people: "- {id: jdoe, name: \"Jane <i>Doe</i>\"}\n- {id: asmith, name: Alex Smith}\n",
            units: ["parks": "id: parks\nname: \"Parks <script>document.title='PWNED'</script>\"\n"],
            accounts: [
                "parks/x-clean.yaml": "platform: x\nhandle: clean\nurl: https://x.com/clean\nunit: parks\nbio: \"Parks <script>document.title='PWNED'</script>\"\nowners: [jdoe, asmith]\nstatus: active\nlast_reviewed: 2026-10-01\n",
                "parks/x-hostile.yaml": "platform: x\nhandle: hostile\nurl: 'https://x.com/hostile\"><img src=x onerror=alert(1)>'\nunit: parks\nname: \"<img src=x onerror=alert(2)>\"\nowners: [\"<svg onload=alert(3)>\"]\nstatus: active\n",
                "parks/x-script.yaml": "platform: x\nhandle: script\nurl: \"javascript:alert(4)\"\nunit: parks\nname: Script\nowners: [jdoe, asmith]\nstatus: active\nlast_reviewed: 2026-10-01\n",
            ])
    }

    func page(_ result: AuditResult, template: HTMLReport = .builtIn) throws -> (bytes: [UInt8], document: MarkupDocument) {
        let bytes = try ReportRenderer(html: template).render(.html, result)
        return (bytes, try #require(MarkupDocument(html: bytes)))
    }

    @Test func headerTablesAndAccountsHoldTheAudit() throws {
        let result = try ReportTestData.result()
        let (_, html) = try page(result)
        #expect(html.values("//h1") == ["City of \"Fairhaven\" / <Test>"])
        #expect(html.values("//*[@id='count-accounts']") == ["3"])
        #expect(html.values("//*[@id='count-errors']") == ["3"])
        #expect(html.values("//*[@id='count-warnings']") == ["1"])
        #expect(html.values("//*[@id='verdict']/@data-verdict") == ["failed"])
        #expect(html.count("//nav//tbody/tr") == 1)
        #expect(html.count("//table[@class='rules']/tbody/tr") == ReportTestData.firstRules.count)
        #expect(html.count("//table[@class='accounts']/tbody/tr") == 3)
        #expect(html.count("//tr[@class='failing']//ul[@class='findings']/li") == result.findings.count)
        #expect(html.values("//tr[@class='failing']//li/code[last()]").contains("Inventory/accounts/parks/x-parksfun.yaml:6:9"))
        #expect(html.count("//svg//rect") == 1)
    }

    @Test func hasLandmarksAndTableHeadersForScreenReaders() throws {
        let (_, html) = try page(try ReportTestData.result())
        #expect(html.values("/html/@lang") == ["en"])
        for landmark in ["header", "nav", "main", "footer"] { #expect(html.count("//" + landmark) == 1, "\(landmark)") }
        #expect(html.count("//th[@scope='col']") > 10)
        #expect(html.count("//svg[@role='img' and @aria-labelledby]") == 1)
        #expect(html.count("//table[not(@aria-labelledby)]") == 0)
    }

    @Test func registryTextIsNeverMarkup() throws {
        let (bytes, html) = try page(try hostileResult())
        #expect(html.count("//script") == 0)
        #expect(html.count("//img | //svg[@onload] | //b | //i") == 0)
        #expect(html.count("//@*[starts-with(name(), 'on')]") == 0)
        #expect(html.values("//h1") == ["Fairhaven <b>Board</b> & 'Co'"])
        #expect(html.values("//tr[@class='failing']//span[@class='name']").contains("<img src=x onerror=alert(2)>"))
        #expect(html.values("//section/h2") == ["Parks <script>document.title='PWNED'</script>"])
        #expect(String(decoding: bytes, as: UTF8.self).contains("&lt;svg onload=alert(3)&gt; (unknown)"))
    }

    @Test func onlyWebAddressesBecomeLinks() throws {
        let (_, html) = try page(try hostileResult())
        // An address with spaces is no address a browser should open: shown as text, like javascript:.
        #expect(html.values("//table[@class='accounts']//a/@href[not(starts-with(., '#rule-'))]") == ["https://x.com/clean"])
        // Every finding's rule links to its row in the Rules table, and every such row exists.
        let ruleLinks = Set(html.values("//table[@class='accounts']//li/a/@href"))
        #expect(!ruleLinks.isEmpty && ruleLinks.allSatisfy { $0.hasPrefix("#rule-") })
        #expect(ruleLinks.allSatisfy { html.count("//tr[@id='\($0.dropFirst())']") == 1 })
        #expect(html.count("//a[starts-with(@href, 'javascript')]") == 0)
        #expect(html.values("//span[@class='not-link']") == [
            "https://x.com/hostile\"><img src=x onerror=alert(1)> (not a web address)", "javascript:alert(4) (not a web address)",
        ])
        #expect(HTMLReportModel.isWebLink("HTTPS://x.com/a") && !HTMLReportModel.isWebLink(" https://x.com") && !HTMLReportModel.isWebLink("https://"))
    }

    @Test func messagesShowTheirCodeSpansAsCodeAndStayEscaped() {
        func html(_ message: String) -> String {
            var text = HTMLText(capacity: 64)
            text.message(message)
            return String(decoding: text.bytes, as: UTF8.self)
        }
        #expect(html("add `policy_acknowledged: YYYY-MM-DD` to their entry") == "add <code>policy_acknowledged: YYYY-MM-DD</code> to their entry")
        #expect(html("bio \"`<b>x</b>`\" & more") == "bio &#34;<code>&lt;b&gt;x&lt;/b&gt;</code>&#34; &amp; more")
        #expect(html("a `b` and a lone ` tick") == "a <code>b</code> and a lone ` tick", "a backtick without a partner stays text")
        #expect(html("no code here") == "no code here")
    }

    @Test func needsNoScriptAndFetchesNothing() throws {
        let (_, html) = try page(try ReportTestData.result())
        #expect(html.count("//script | //link | //iframe | //img | //object") == 0)
        #expect(html.values("//meta[@http-equiv='Content-Security-Policy']/@content").first?.hasPrefix("default-src 'none'") == true)
        #expect(html.values("//style").count == 1)
    }

    @Test func aTemplateOfTheOrganisationEscapesByDefault() throws {
        let template = try HTMLReport(template: """
            <html><body><h1 class="brand">{{organisation}}</h1><p id="raw">{{{organisation}}}</p>{{{account_sections}}}</body></html>
            """)
        let (_, html) = try page(try hostileResult(), template: template)
        #expect(html.values("//h1[@class='brand']") == ["Fairhaven <b>Board</b> & 'Co'"])
        // Triple braces are the template author's explicit choice to insert markup.
        #expect(html.count("//p[@id='raw']/b") == 1)
        #expect(html.count("//table[@class='accounts']/tbody/tr") == 3)
    }

    @Test func aBrokenTemplateIsRefusedWithItsLine() {
        let unclosed = #expect(throws: HTMLReport.TemplateError.self) { try HTMLReport(template: "<h1>{{organisation}}</h1>\n{{#units}}\n", name: "brand.mustache") }
        #expect(unclosed?.description.hasPrefix("brand.mustache:") == true)
        let mismatched = #expect(throws: HTMLReport.TemplateError.self) {
            try HTMLReport(template: "<h1>{{organisation}}</h1>\n{{#units}}{{/rules}}\n", name: "brand.mustache")
        }
        #expect(mismatched?.description.hasPrefix("brand.mustache:2:") == true)
        // Herald's escaping pragma goes in front of line 1: columns there are still the author's.
        let firstLine = #expect(throws: HTMLReport.TemplateError.self) { try HTMLReport(template: "<h1>{{#a}}{{/b}}</h1>", name: "t") }
        #expect(firstLine?.description.hasPrefix("t:1:") == true)
    }

    @Test func aQuoteWithACombiningMarkCannotLeaveAnAttributeInATemplate() throws {
        let template = try HTMLReport(template: "<html><body><p title=\"{{organisation}}\">x</p></body></html>")
        let result = try ReportTestData.audit(
            organisation: "organisation: \"A\\\"\\u0301 onmouseover=alert(1) x=\\\"\\u0301\"\n",
            people: "- {id: jdoe, name: Jane Doe}\n")
        let (_, html) = try page(result, template: template)
        #expect(html.count("//@onmouseover") == 0)
        #expect(html.values("//p/@title") == ["A\"\u{0301} onmouseover=alert(1) x=\"\u{0301}"])
    }

    @Test func sameResultSameBytes() throws {
        #expect(try page(try ReportTestData.result()).bytes == (try page(try ReportTestData.result()).bytes))
    }
}
