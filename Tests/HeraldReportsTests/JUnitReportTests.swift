import HeraldCore
@testable import HeraldReports
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

    /// Above GitLab's size, cases are gathered: first passing accounts per unit, then passing and retired
    /// accounts per rule. At every level each suite's counts are its cases, and the file is valid.
    @Test(arguments: [Int.max, 2_000, 0])
    func gatheredCasesKeepEverySuitesCountsTrue(budget: Int) throws {
        let result = try ReportTestData.result()
        final class Collected: @unchecked Sendable { var bytes: [UInt8] = [] }
        let collected = Collected()
        try JUnitReport.render(result, sizeBudget: budget) { collected.bytes.append(contentsOf: $0) }
        let document = try #require(MarkupDocument(xml: collected.bytes))
        #expect(XMLValidator.validate(collected.bytes, against: try Repository.text("Tests/Schemas/junit-ant-strict.xsd")) == [])
        for suite in document.values("/testsuites/testsuite/@name") {
            let path = "//testsuite[@name='\(suite)']"
            #expect(document.values(path + "/@tests") == [String(document.count(path + "/testcase"))], "\(suite)")
            #expect(document.values(path + "/@skipped") == [String(document.count(path + "/testcase[skipped]"))], "\(suite)")
            #expect(document.values(path + "/@failures") == [String(document.count(path + "/testcase[failure]"))], "\(suite)")
        }
        let gathered = document.count("//testcase[@classname='herald.all-units']")
        if budget == 0 { #expect(gathered > 0) }
        if budget == Int.max { #expect(gathered == 0) }
        #expect(budget == Int.max ? document.count("//testcase[contains(@name, 'accounts pass')]") == 0 : true)
        // Failures are never gathered.
        #expect(document.count("//testcase[failure]") == (try report()).split(separator: UInt8(ascii: "<")).count { $0.starts(with: Array("failure ".utf8)) })
    }
}
