import Foundation
import HeraldCore
import HeraldReports
import Testing

@Suite struct JSONReportTests {
    func decoded(_ bytes: [UInt8]) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])
    }

    @Test func holdsVersionDateSummaryUnitsAndFindings() throws {
        let report = try decoded(ReportRenderer().render(.json, try ReportTestData.result()))
        #expect(report["schema_version"] as? Int == 1)
        #expect(report["as_of"] as? String == "2026-11-24")
        #expect(report["organisation"] as? String == "City of \"Fairhaven\" / <Test>")
        #expect(report["summary"] as? [String: Int] == ["accounts": 3, "units": 1, "errors": 3, "warnings": 1, "waived": 0, "baselined": 0, "failing_accounts": 2])
        let units = try #require(report["units"] as? [[String: Any]])
        #expect(units.count == 1 && units[0]["id"] as? String == "parks" && units[0]["failing_accounts"] as? Int == 2)
        let findings = try #require(report["findings"] as? [[String: Any]])
        #expect(findings.map { $0["file"] as? String } == [
            "Inventory/accounts/parks/x-broken.yaml",
            "Inventory/accounts/parks/x-parksfun.yaml", "Inventory/accounts/parks/x-parksfun.yaml", "Inventory/accounts/parks/x-parksfun.yaml",
        ])
        // Sorted by file, then line, then rule.
        #expect(findings.map { $0["line"] as? Int } == [1, 1, 5, 6])
        #expect(findings.map { $0["rule"] as? String } == ["inventory-schema", "review-current", "bio-states-office", "owner-assigned"])
    }

    @Test func unknownValuesAreNullNotMissing() throws {
        let report = try decoded(ReportRenderer().render(.json, try ReportTestData.result()))
        let broken = try #require((report["findings"] as? [[String: Any]])?.first)
        #expect(broken["account"] is NSNull)
        #expect(broken["field"] is NSNull)
        #expect(broken["unit"] as? String == "parks")
        #expect(Set(broken.keys) == ["rule", "severity", "file", "line", "column", "account", "unit", "message", "field"])
    }

    @Test func sameResultSameBytesAndNoEscapedSlashes() throws {
        let first = try ReportRenderer().render(.json, try ReportTestData.result())
        let second = try ReportRenderer().render(.json, try ReportTestData.result())
        #expect(first == second)
        let text = String(decoding: first, as: UTF8.self)
        #expect(text.contains("\"file\": \"Inventory/accounts/parks/x-broken.yaml\""))
        #expect(text.hasSuffix("}\n"))
        #expect(text.contains("\"organisation\": \"City of \\\"Fairhaven\\\" / <Test>\""))
    }

    @Test func theAuditDateIsTheOnlyClock() throws {
        let later = try decoded(ReportRenderer().render(.json, try ReportTestData.result(asOf: "2027-12-01")))
        #expect(later["as_of"] as? String == "2027-12-01")
        let stale = (later["findings"] as? [[String: Any]] ?? []).filter { $0["file"] as? String == "Inventory/accounts/parks/x-fairhavenparks.yaml" }
        #expect(stale.map { $0["message"] as? String } == ["last reviewed 2026-10-01, 426 days ago; the unit's standard is every 365 days: review the account and update last_reviewed"])
    }

    @Test func keysComeInTheDocumentedOrder() throws {
        let text = String(decoding: try ReportRenderer().render(.json, try ReportTestData.result()), as: UTF8.self)
        let keys = ["\"schema_version\"", "\"tool\"", "\"organisation\"", "\"as_of\"", "\"summary\"", "\"units\"", "\"findings\""]
        let positions = keys.compactMap { text.range(of: $0)?.lowerBound }
        #expect(positions.count == keys.count && positions == positions.sorted())
        #expect(text.hasPrefix("{\n  \"schema_version\": 1,\n  \"tool\": {\n    \"name\": \"herald\","))
    }
}
