import Foundation
import HeraldCore
import HeraldReports
import Testing

/// The files a comparison reads: a baseline (written by Herald, reviewed in git) and an earlier
/// report.json. Whatever they hold, they are read back exactly, or refused with the place and the fix.
@Suite struct ComparisonFileTests {
    @Test func aBaselineIsReadBackExactlyWhateverItsPathsHold() throws {
        let hostile = "Inventory/accounts/pärks/x-\"quoted\" \\ #not a comment\n: [x], {y} \u{2028}🎉.yaml"
        let entries = [
            Baseline.Entry(rule: "owner-assigned", file: hostile, account: "x:a\"b", field: "owners", fingerprint: 0x0f3a_9c2e_71b4_d805),
            Baseline.Entry(rule: "inventory-schema", file: "Inventory/accounts/parks/x-broken.yaml", account: nil, field: nil, fingerprint: 1),
        ]
        let text = BaselineText.render(entries, organisation: "City of \"Fairhaven\"\n# herald_baseline: 2")
        #expect(text.split(separator: "\n").filter { $0.hasPrefix("  - {") }.count == 2, "one entry per line")
        let read = try BaselineReader.parse(Array(text.utf8), file: "baseline.yaml")
        #expect(read.entries.map(\.file) == entries.map(\.file))
        #expect(read.entries.map(\.account) == entries.map(\.account))
        #expect(read.entries.map(\.field) == entries.map(\.field))
        #expect(read.entries.map(\.fingerprint) == entries.map(\.fingerprint))
        #expect(read.entries.map(\.location.line) == [7, 8], "each entry knows its line, to say which one to remove")
        let empty = BaselineText.render([], organisation: "x")
        #expect(try BaselineReader.parse(Array(empty.utf8), file: "b.yaml").entries.isEmpty)
    }

    @Test func aBrokenBaselineIsRefusedWithThePlaceAndTheFix() {
        func problems(_ text: String) -> [Problem] {
            do {
                _ = try BaselineReader.parse(Array(text.utf8), file: "baseline.yaml")
                return []
            } catch {
                return error.problems
            }
        }
        let wrongVersion = problems("herald_baseline: 2\nfindings: []\n")
        #expect(wrongVersion.count == 1 && wrongVersion[0].location.line == 1 && wrongVersion[0].message.contains("herald baseline write"))
        let badFingerprint = problems("herald_baseline: 1\nfindings:\n  - {rule: a, file: b, fingerprint: xyz}\n")
        #expect(badFingerprint.map(\.location.line) == [3] && badFingerprint[0].message.contains("16 hexadecimal digits"))
        let missing = problems("herald_baseline: 1\nfindings:\n  - {rule: a, fingerprint: 0000000000000001}\n")
        #expect(missing.count == 1 && missing[0].message.contains("file"))
        #expect(problems("findings: {a: b}\n").count == 2, "the version is missing and findings is not a list")
        #expect(!problems("herald_baseline: [1\n").isEmpty)
        let repeated = problems("herald_baseline: 1\nfindings:\n  - {rule: a, file: b, fingerprint: 0000000000000001}\n  - {rule: a, file: b, fingerprint: 0000000000000001}\n")
        #expect(repeated.map(\.location.line) == [4] && repeated[0].message.contains("repeats the one on line 3"))
        #expect(!problems("").isEmpty)
    }

    @Test func anEarlierReportJSONIsReadBackAsItsFindings() throws {
        let result = try ReportTestData.result()
        let bytes = try ReportRenderer().render(.json, result)
        let previous = try PreviousReport.parse(Data(bytes), file: "Reports/report.json")
        #expect(previous.asOf == result.asOf && previous.source == "Reports/report.json")
        #expect(previous.findings == result.findings.map(PreviousFinding.init))
        // A report of an audit compared with itself says every finding persists.
        let compared = result.compared(with: previous, baseline: nil)
        #expect(compared.findings.allSatisfy { $0.change == .persisting } && compared.changes?.fixed.isEmpty == true)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(try ReportRenderer().render(.json, compared))) as? [String: Any])
        let changes = try #require(json["changes"] as? [String: Any])
        #expect(changes["since"] as? String == "2026-11-24" && changes["new"] as? Int == 0 && changes["persisting"] as? Int == result.findings.count)
        #expect((json["findings"] as? [[String: Any]])?.allSatisfy { $0["change"] as? String == "persisting" } == true)
    }

    @Test func whatIsNotAnEarlierReportIsRefused() {
        func message(_ text: String) -> String {
            do {
                _ = try PreviousReport.parse(Data(text.utf8), file: "old.json")
                return ""
            } catch {
                return error.problems.map { "\($0.file): \($0.message)" }.joined()
            }
        }
        #expect(message("{not json").hasPrefix("old.json: this is not JSON"))
        #expect(message("{\"schema_version\": 1, \"as_of\": \"2026-11-24\"}").contains("findings is missing"))
        #expect(message("{\"schema_version\": 9, \"as_of\": \"2026-11-24\", \"findings\": []}").contains("schema version 9"))
        #expect(message("{\"schema_version\": 1, \"as_of\": \"yesterday\", \"findings\": []}").contains("YYYY-MM-DD"))
        // A place no registry file has would be printed back changed (places are kept in 32 bits).
        let finding = "{\"rule\": \"owner-assigned\", \"severity\": \"error\", \"file\": \"f.yaml\", \"line\": 3000000000, \"column\": 1, \"message\": \"m\"}"
        #expect(message("{\"schema_version\": 1, \"as_of\": \"2026-11-24\", \"findings\": [\(finding)]}").contains("findings[0] has line 3000000000"))
    }
}
