import HeraldCore
import HeraldReports
import HeraldRules
import Testing

@Suite struct TextOutputTests {
    @Test func findingLinesAreCompilerStyle() throws {
        let finding = try #require(try ReportTestData.result().findings.first { $0.rule == "owner-assigned" })
        #expect(FindingLines(colour: false).line(for: finding)
                == "Inventory/accounts/parks/x-parksfun.yaml:6:9: error: [owner-assigned] the account has 1 owner but its unit requires at least 2: add 1 more from people.yaml")
        let coloured = FindingLines(colour: true).line(for: finding)
        #expect(coloured.contains("\u{1B}[1;31merror:\u{1B}[0m"))
        #expect(coloured.contains("Inventory/accounts/parks/x-parksfun.yaml:6:9:"))
    }

    @Test func registryTextCannotCarryTerminalEscapes() {
        let finding = Finding(rule: "inventory-schema", severity: .error, file: "Inventory/accounts/a/x-b.yaml", location: .startOfFile,
                              account: nil, unit: nil, message: "handle \"evil\u{1B}]0;pwned\u{07}\" is odd", field: nil)
        #expect(FindingLines(colour: false).line(for: finding)
                == "Inventory/accounts/a/x-b.yaml:1:1: error: [inventory-schema] handle \"evil\u{FFFD}]0;pwned\u{FFFD}\" is odd")
    }

    @Test func summaryListsTotalsAndUnitsWorstFirst() throws {
        let summary = AuditSummaryText.render(try ReportTestData.result())
        #expect(summary == """
            City of "Fairhaven" / <Test>: audit as of 2026-11-24
            3 accounts in 1 unit: 3 errors, 1 warning in 2 accounts

            Units with findings:
              parks  2 of 3 accounts failing: 3 errors, 1 warning
            """)
    }

    @Test func countsAreSingularOrPlural() {
        #expect(AuditSummaryText.count(1, "error") == "1 error")
        #expect(AuditSummaryText.count(0, "error") == "0 errors")
    }
}
