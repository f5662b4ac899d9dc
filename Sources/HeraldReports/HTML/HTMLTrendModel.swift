import HeraldCore

/// The trend of report.html (`--history`): a small inline SVG line of the errors and warnings that counted
/// in each of the last audits, overall and per unit, with the same figures in words for those who do not
/// see the line. Coordinates are worked out here so a template stays free of logic.
enum HTMLTrendModel {
    /// Audits the line shows, this one last.
    static let shownPoints = 30
    static let width = 120
    static let height = 24

    static func context(for result: AuditResult) -> [String: Any] {
        let shown = points(result)
        guard shown.count > 1 else { return ["has_trend": false] }
        return [
            "has_trend": true,
            "trend": line(shown.map(\.problems), dates: shown.map(\.asOf), what: "errors and warnings") as [String: Any],
        ]
    }

    /// The unit's line, for its row of the units table; nil without a trend.
    static func unitTrend(_ unitID: String, in result: AuditResult) -> [String: Any]? {
        let shown = points(result)
        guard shown.count > 1 else { return nil }
        return line(shown.map { $0.units[unitID]?.problems ?? 0 }, dates: shown.map(\.asOf), what: "errors and warnings")
    }

    /// The last audits up to this one (a history may hold later dates when `--as-of` goes back).
    private static func points(_ result: AuditResult) -> [AuditTrend.Point] {
        Array((result.trend?.points ?? []).filter { $0.asOf <= result.asOf }.suffix(shownPoints))
    }

    /// `points` for an SVG polyline of `values` (the largest at the top), and the same in words.
    static func line(_ values: [Int], dates: [CalendarDate], what: String) -> [String: Any] {
        let largest = max(values.max() ?? 0, 1)
        let step = values.count > 1 ? Double(width - 4) / Double(values.count - 1) : 0
        let points = values.enumerated().map { index, value in
            let x = 2 + Int((Double(index) * step).rounded())
            let y = 2 + Int((Double(height - 4) * (1 - Double(value) / Double(largest))).rounded())
            return "\(x),\(y)"
        }.joined(separator: " ")
        let first = values.first ?? 0, last = values.last ?? 0
        let direction = last < first ? "better" : last > first ? "worse" : "unchanged"
        return [
            "points": points, "width": width, "height": height, "direction": direction,
            "text": "\(what) in the last \(values.count) audits, \(dates.first!) to \(dates.last!): \(values.map(String.init).joined(separator: ", ")) (\(direction))",
            "first": first, "last": last,
        ]
    }
}
