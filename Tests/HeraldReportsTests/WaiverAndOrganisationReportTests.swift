import Foundation
import HeraldCore
@testable import HeraldReports
import HeraldRules
import HeraldTestSupport
import Testing

/// Waived findings and findings in organisation files, in every report: shown with the waiver's reason,
/// approver and expiry, counted apart, and never failing the audit.
@Suite struct WaiverAndOrganisationReportTests {
    /// One account whose single owner is excused by mchen's waiver, and a unit file naming a maintainer who left.
    static func result() throws -> AuditResult {
        try ReportTestData.audit(
            organisation: "organisation: City of Fairhaven\nofficial_domains: [fairhaven.gov]\n",
            people: "- {id: jdoe, name: Jane Doe}\n- {id: mchen, name: Mei Chen}\n- {id: bleft, name: Bo Left, active: false}\n",
            units: ["parks": "id: parks\nname: Parks\nmaintainers: [mchen]\n", "pools": "id: pools\nname: Pools\nparent: parks\nmaintainers: [bleft]\n"],
            accounts: ["parks/x-fairhavenparks.yaml": """
                platform: x
                handle: fairhavenparks
                url: https://x.com/fairhavenparks
                unit: parks
                bio: Fairhaven Parks
                owners: [jdoe]
                status: active
                waivers:
                  - rule: owner-assigned
                    reason: "Second <administrator> starts in January"
                    approved_by: mchen
                    expires: 2027-01-31

                """],
            rules: [OwnerAssignedRule(), MaintainerKnownRule(), WaiverInvalidRule(), WaiverUnusedRule()])
    }

    let namespace = ["h": XMLReport.namespace]

    @Test func theAuditPassesWithOneWaivedFindingAndOneInAUnitFile() throws {
        let result = try Self.result()
        #expect(result.findings.map(\.rule) == ["owner-assigned", "maintainer-known"])
        #expect(result.waivedCount == 1 && result.errorCount == 1 && result.failingAccountCount == 0)
        #expect(AuditSummaryText.render(result).contains("0 warnings; 1 waived"))
        #expect(AuditSummaryText.render(result).contains("Organisation files: 1 finding in 1 file"))
    }

    @Test func json() throws {
        let report = try #require(JSONSerialization.jsonObject(with: Data(try ReportRenderer().render(.json, try Self.result()))) as? [String: Any])
        #expect((report["summary"] as? [String: Int])?["waived"] == 1)
        let findings = try #require(report["findings"] as? [[String: Any]])
        let waiver = try #require(findings[0]["waiver"] as? [String: Any])
        #expect(waiver["reason"] as? String == "Second <administrator> starts in January")
        #expect(waiver["approved_by"] as? String == "mchen" && waiver["expires"] as? String == "2027-01-31" && waiver["line"] as? Int == 9)
        #expect(findings[1]["file"] as? String == "Inventory/units/pools.yaml" && findings[1]["waiver"] == nil)
    }

    @Test func xml() throws {
        let bytes = try ReportRenderer().render(.xml, try Self.result())
        #expect(XMLValidator.validate(bytes, against: ReportSchema.text) == [])
        let document = try #require(MarkupDocument(xml: bytes))
        #expect(document.values("/h:report/h:summary/@waived", namespaces: namespace) == ["1"])
        #expect(document.values("//h:account/h:finding[@waived='true']/@waiverReason", namespaces: namespace) == ["Second <administrator> starts in January"])
        #expect(document.values("//h:account/h:finding/@waiverExpires", namespaces: namespace) == ["2027-01-31"])
        #expect(document.values("//h:account/h:waiver/@approvedBy", namespaces: namespace) == ["mchen"])
        #expect(document.values("/h:report/h:organisationFindings/h:finding/@file", namespaces: namespace) == ["Inventory/units/pools.yaml"])
    }

    @Test func junit() throws {
        let bytes = try ReportRenderer().render(.junit, try Self.result())
        #expect(XMLValidator.validate(bytes, against: try Repository.text("Tests/Schemas/junit-ant-strict.xsd")) == [])
        let document = try #require(MarkupDocument(xml: bytes))
        #expect(document.values("//testsuite[@name='herald.owner-assigned']/testcase/skipped/@message")
                == ["waived until 2027-01-31 by mchen: Second <administrator> starts in January"])
        #expect(document.values("//testsuite[@name='herald.owner-assigned']/@failures") == ["0"])
        // maintainer-known audits organisation files only: a case per file, one failing.
        let suite = "//testsuite[@name='herald.maintainer-known']"
        #expect(document.values(suite + "/testcase/@classname") == Array(repeating: "herald.organisation", count: 4))
        #expect(document.values(suite + "/testcase/@name") == ["Inventory/herald.yaml", "Inventory/people.yaml", "Inventory/units/parks.yaml", "Inventory/units/pools.yaml"].map { $0 + " · maintainer-known" })
        #expect(document.values(suite + "/@tests") == ["4"] && document.values(suite + "/@failures") == ["1"])
        #expect(document.values(suite + "/testcase[failure]/@name") == ["Inventory/units/pools.yaml · maintainer-known"])
    }

    @Test func sarif() throws {
        let report = try #require(JSONSerialization.jsonObject(with: Data(try ReportRenderer().render(.sarif, try Self.result()))) as? [String: Any])
        let results = try #require(((report["runs"] as? [[String: Any]])?.first)?["results"] as? [[String: Any]])
        let suppressions = try #require(results[0]["suppressions"] as? [[String: Any]])
        #expect(suppressions.first?["kind"] as? String == "external" && suppressions.first?["status"] as? String == "accepted")
        #expect((suppressions.first?["justification"] as? String)?.contains("Second <administrator> starts in January") == true)
        #expect(results[1]["suppressions"] == nil)
    }

    @Test func checkstyle() throws {
        let document = try #require(MarkupDocument(xml: try ReportRenderer().render(.checkstyle, try Self.result())))
        #expect(document.values("//file[@name='Inventory/accounts/parks/x-fairhavenparks.yaml']/error/@severity") == ["info"])
        #expect(document.values("//file[@name='Inventory/units/pools.yaml']/error/@severity") == ["error"])
    }

    @Test func html() throws {
        let bytes = try ReportRenderer().render(.html, try Self.result())
        let document = try #require(MarkupDocument(html: bytes))
        #expect(document.values("//*[@id='count-waived']") == ["1"])
        #expect(document.values("//tr[@class='passing']//li[@class='waived']/span[@class='waiver']")
                == ["Waived until 2027-01-31 by Mei Chen: Second <administrator> starts in January"])
        #expect(document.count("//ul[@id='organisation-findings']/li") == 1)
        #expect(document.values("//ul[@id='organisation-findings']/li/code[last()]") == ["Inventory/units/pools.yaml:4:15"])
    }

    @Test func terminalAndGitHub() throws {
        let waived = try Self.result().findings[0]
        #expect(FindingLines(colour: false).line(for: waived).hasPrefix(
            "Inventory/accounts/parks/x-fairhavenparks.yaml:6:9: note: [owner-assigned] waived until 2027-01-31 by mchen (Second <administrator> starts in January): "))
        #expect(GitHubAnnotations.line(for: waived).hasPrefix("::notice file=Inventory/accounts/parks/x-fairhavenparks.yaml,line=6,col=9,"))
    }
}
