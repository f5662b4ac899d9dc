import Foundation
import HeraldCore
import HeraldReports
import Testing

/// The history file and the trend: one line per audit date, read back exactly, replaced for a date audited
/// again, and shown in the summary and report.html.
@Suite struct HistoryTests {
    @Test func aHistoryIsReadBackAndAnAuditOfTheSameDateReplacesItsLine() throws {
        let first = try ReportTestData.result(asOf: "2026-11-20")
        let second = try ReportTestData.result(asOf: "2026-11-24")
        let trend1 = AuditTrend(earlier: [], current: AuditTrend.Point(first))
        let text1 = HistoryFile.render(trend1)
        #expect(text1.split(separator: UInt8(ascii: "\n")).count == 1)
        let read = try HistoryFile.parse(Data(text1), file: "history.jsonl")
        #expect(read == trend1.points)
        let trend2 = AuditTrend(earlier: read, current: AuditTrend.Point(second))
        #expect(trend2.points.map(\.asOf.description) == ["2026-11-20", "2026-11-24"])
        let again = AuditTrend(earlier: try HistoryFile.parse(Data(HistoryFile.render(trend2)), file: "h"), current: AuditTrend.Point(second))
        #expect(HistoryFile.render(again) == HistoryFile.render(trend2), "the same audit again changes nothing")
        let line = String(decoding: HistoryFile.render(trend2), as: UTF8.self).split(separator: "\n")[1]
        #expect(line.hasPrefix("{\"as_of\": \"2026-11-24\", \"accounts\": 3, \"failing_accounts\": 2, \"errors\": 3, \"warnings\": 1, \"units\": {\"parks\": {"))
    }

    @Test func aBrokenLineIsRefusedWithItsNumber() {
        let text = "{\"as_of\": \"2026-11-20\", \"accounts\": 1, \"failing_accounts\": 0, \"errors\": 0, \"warnings\": 0, \"units\": {}, \"rules\": {}}\n<<<<<<< HEAD\n"
        do {
            _ = try HistoryFile.parse(Data(text.utf8), file: "history.jsonl")
            Issue.record("a merge conflict marker is not a history line")
        } catch {
            #expect(error.problems.map(\.location.line) == [2])
            #expect(error.problems.first?.message.contains("restore the line from git") == true)
        }
    }

    @Test func theSummaryAndTheReportShowTheTrend() throws {
        let earlier = AuditTrend.Point(asOf: CalendarDate("2026-11-20")!, accounts: 3, failingAccounts: 3, errors: 5, warnings: 0,
                                       units: ["parks": .init(errors: 5, warnings: 0, failingAccounts: 3)], rules: [:])
        let result = try ReportTestData.result()
        let withTrend = result.with(trend: AuditTrend(earlier: [earlier], current: AuditTrend.Point(result)))
        let summary = AuditSummaryText.render(withTrend)
        #expect(summary.contains("Better than on 2026-11-20: 3 errors (-2), 1 warning (+1)"))
        let html = String(decoding: try ReportRenderer().render(.html, withTrend), as: UTF8.self)
        #expect(html.contains("<figure class=\"trend\" id=\"trend\">"))
        #expect(html.contains("errors and warnings in the last 2 audits, 2026-11-20 to 2026-11-24: 5, 4 (better)"))
        #expect(html.contains("<th scope=\"col\">Trend</th>"))
        let without = String(decoding: try ReportRenderer().render(.html, result), as: UTF8.self)
        #expect(!without.contains("class=\"trend\"") && !without.contains(">Trend<"), "no trend without a history")
    }
}
