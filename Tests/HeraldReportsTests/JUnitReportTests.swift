import HeraldCore
import HeraldReports
import HeraldTestSupport
import Testing

@Suite struct JUnitReportTests {
    func report() throws -> [UInt8] {
        try ReportRenderer().render(.junit, try ReportTestData.result())
    }

    @Test func passesTheStrictAntJUnitSchema() throws {
        let schema = try Repository.text("Tests/Schemas/junit-ant-strict.xsd")
        #expect(XMLValidator.validate(try report(), against: schema) == [])
    }

    @Test func oneSuitePerRuleAndOneCasePerAccountTheRuleChecked() throws {
        let document = try #require(MarkupDocument(xml: try report()))
        #expect(document.count("/testsuites/testsuite") == 7)
        #expect(document.values("/testsuites/testsuite[1]/@name") == ["herald.inventory-schema"])
        // The schema rule checks all three files; the others check the two that could be read, and the
        // unreadable one is an error in their suites.
        #expect(document.values("//testsuite[@name='herald.inventory-schema']/@tests") == ["3"])
        #expect(document.values("//testsuite[@name='herald.owner-assigned']/@tests") == ["3"])
        #expect(document.values("//testsuite[@name='herald.owner-assigned']/@failures") == ["1"])
        #expect(document.values("//testsuite[@name='herald.owner-assigned']/@errors") == ["1"])
        #expect(document.count("//testcase") == 21)
        #expect(document.count("//testcase[not(*)]") == 21 - 4 - 6)
    }

    /// Jenkins splits `classname` at its last period: `herald.parks` reads as package herald, class parks.
    @Test func casesNameTheUnitAndTheAccountAndFailuresCarryTheSeverity() throws {
        let document = try #require(MarkupDocument(xml: try report()))
        let failure = "//testsuite[@name='herald.review-current']/testcase[failure]"
        #expect(document.values(failure + "/@classname") == ["herald.parks"])
        #expect(document.values(failure + "/@name") == ["x:parksfun · review-current"])
        #expect(document.values(failure + "/failure/@type") == ["warning"])
        // The message is the attribute; one finding's body is its place, not the message again.
        #expect(document.values(failure + "/failure") == ["Inventory/accounts/parks/x-parksfun.yaml:1:1"])
        let errors = document.values("//testcase[error]/@name")
        #expect(errors.count == 6 && errors.allSatisfy { $0.hasPrefix("x-broken.yaml · ") })
        let times = document.values("//testcase/@time")
        #expect(times.count == 21 && times.allSatisfy { $0 == "0" })
    }

    @Test func sameResultSameBytes() throws {
        #expect(try report() == (try report()))
    }
}
