import HeraldCore
import HeraldReports
import HeraldTestSupport
import Testing

@Suite struct CheckstyleReportTests {
    @Test func oneFileElementPerFileWithFindingsAndSourcesNamedByRule() throws {
        let bytes = try ReportRenderer().render(.checkstyle, try ReportTestData.result())
        let document = try #require(MarkupDocument(xml: bytes))
        #expect(document.values("/checkstyle/file/@name") == ["Inventory/accounts/parks/x-broken.yaml", "Inventory/accounts/parks/x-parksfun.yaml"])
        #expect(document.values("//error/@source") == ["herald.inventory-schema", "herald.review-current", "herald.bio-states-office", "herald.owner-assigned"])
        #expect(document.values("//error/@severity") == ["error", "warning", "error", "error"])
        #expect(document.values("//error/@line") == ["1", "1", "5", "6"])
        #expect(document.count("//error[@message='']") == 0)
    }
}
