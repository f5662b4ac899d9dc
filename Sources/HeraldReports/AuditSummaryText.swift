import HeraldCore

/// The short summary `herald audit` prints: totals, then the units with findings, worst first.
public enum AuditSummaryText {
    public static func render(_ result: AuditResult) -> String {
        let failing = result.units.filter { $0.failingAccounts > 0 }
            .sorted { ($0.errors, $0.warnings, $1.id) > ($1.errors, $1.warnings, $0.id) }
        var lines = [
            "\(TerminalText.safe(result.organisation)): audit as of \(result.asOf)",
            "\(count(result.accountCount, "account")) in \(count(result.units.count, "unit")): "
                + "\(count(result.errorCount, "error")), \(count(result.warningCount, "warning"))"
                + (failing.isEmpty ? "" : " in \(count(result.failingAccountCount, "account"))")
                + (result.waivedCount == 0 ? "" : "; \(result.waivedCount) waived")
                + (result.baselinedCount == 0 ? "" : "; \(result.baselinedCount) in the baseline"),
        ]
        if let changes = result.changes { lines.append(changeLine(changes)) }
        if let trend = result.trend, let line = trendLine(trend, asOf: result.asOf) { lines.append(line) }
        if let baseline = result.baseline { lines += baselineLines(baseline) }
        if !result.organisationFindings.isEmpty {
            // The files by their path inside the inventory (`people.yaml`, `units/parks.yaml`), the first few.
            let prefix = result.inventory.isEmpty ? "" : result.inventory + "/"
            let files = Set(result.organisationFindings.map(\.file)).sorted().map { $0.hasPrefix(prefix) ? String($0.dropFirst(prefix.count)) : $0 }
            let named = files.prefix(4).map { TerminalText.safe($0) }.joined(separator: ", ") + (files.count > 4 ? " and \(files.count - 4) more" : "")
            lines.append("Organisation files: \(count(result.organisationFindings.count, "finding")) in \(count(files.count, "file")) (\(named))")
        }
        if !failing.isEmpty {
            lines.append("")
            lines.append("Units with findings:")
            let width = failing.map(\.id.count).max() ?? 0
            for unit in failing {
                let id = TerminalText.safe(unit.id)
                lines.append("  \(id)\(String(repeating: " ", count: max(0, width - unit.id.count)))  "
                             + "\(unit.failingAccounts) of \(count(unit.accounts, "account")) failing: "
                             + "\(count(unit.errors, "error")), \(count(unit.warnings, "warning"))")
            }
        }
        return lines.joined(separator: "\n")
    }

    /// `12 new, 3 fixed since 2026-11-29 (40 persisting; 2 not re-checked: their rules did not look this time)`.
    public static func changeLine(_ changes: AuditChanges) -> String {
        "\(changes.newCount) new, \(changes.fixed.count) fixed since \(changes.since) (\(changes.persistingCount) persisting"
            + (changes.notRechecked.isEmpty ? ")" : "; \(changes.notRechecked.count) not re-checked: their rules did not look this time)")
    }

    /// `Better than on 2026-11-23: 26 errors (-2), 9 warnings (+1)`, from the history; nil without an
    /// earlier audit in it.
    public static func trendLine(_ trend: AuditTrend, asOf: CalendarDate) -> String? {
        guard let now = trend.points.last(where: { $0.asOf == asOf }), let before = trend.point(before: asOf) else { return nil }
        func change(_ value: Int, _ earlier: Int) -> String { value == earlier ? "±0" : value > earlier ? "+\(value - earlier)" : "-\(earlier - value)" }
        let verdict = now.problems < before.problems ? "Better than" : now.problems > before.problems ? "Worse than" : "As on"
        return "\(verdict) on \(before.asOf): \(count(now.errors, "error")) (\(change(now.errors, before.errors))), "
            + "\(count(now.warnings, "warning")) (\(change(now.warnings, before.warnings)))"
    }

    /// The baseline's use, and each entry that matches nothing any more with the line to remove.
    public static func baselineLines(_ baseline: BaselineOutcome) -> [String] {
        let file = TerminalText.safe(baseline.file)
        var lines = ["Baseline \(file): \(baseline.matchedCount) of \(count(baseline.entryCount, "entry", plural: "entries")) still match a finding"]
        guard !baseline.unmatched.isEmpty else { return lines }
        lines[0] += "; \(baseline.unmatched.count) match nothing any more (fixed): remove \(baseline.unmatched.count == 1 ? "it" : "them") from the baseline"
        let shown = 20
        for entry in baseline.unmatched.prefix(shown) {
            lines.append("  \(file):\(entry.location.line): \(entry.rule) on \(TerminalText.safe(entry.account ?? entry.file))")
        }
        if baseline.unmatched.count > shown { lines.append("  … and \(baseline.unmatched.count - shown) more (all are in report.json)") }
        return lines
    }

    /// "1 error", "2 errors".
    public static func count(_ number: Int, _ noun: String, plural: String? = nil) -> String {
        "\(number) \(number == 1 ? noun : plural ?? noun + "s")"
    }
}
