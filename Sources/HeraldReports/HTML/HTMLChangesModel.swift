import HeraldCore

/// What report.html shows of a comparison (`--compare-to`, `--changed-since`) and of a baseline, as
/// template values: the new findings, each linked to its place in the account sections, the fixed ones,
/// linked to their unit's section, and the baseline entries that match nothing any more.
enum HTMLChangesModel {
    /// Findings listed per kind at the top of the page; the rest are counted (report.json has them all):
    /// the first comparison with an old report can make every finding new.
    static let listed = 200

    /// The id of a finding's list item in the account sections: `finding-` and its index in
    /// `AuditResult.findings` (report order, stable for one audit).
    static func anchor(ofFinding index: Int) -> String {
        "finding-\(index)"
    }

    static func context(for result: AuditResult) -> [String: Any] {
        var context: [String: Any] = ["has_changes": result.changes != nil, "has_baseline": result.baseline != nil,
                                      "baselined": result.baselinedCount]
        if let changes = result.changes {
            let new = result.findings.indices.filter { result.findings[$0].change == .new && result.findings[$0].isInAccountFile }
            let units = Set(result.accounts.map(\.unitKey))
            context["changes"] = [
                "since": changes.since.description, "compared_with": HTMLReportModel.safe(changes.source),
                "new_count": changes.newCount, "fixed_count": changes.fixed.count, "persisting": changes.persistingCount,
                "not_rechecked_count": changes.notRechecked.count, "has_not_rechecked": !changes.notRechecked.isEmpty,
                "has_new": changes.newCount > 0, "has_fixed": !changes.fixed.isEmpty,
                "new": new.prefix(listed).map { index -> [String: Any] in
                    let finding = result.findings[index]
                    return row(rule: finding.rule, severity: finding.severity.rawValue, file: finding.file, line: finding.location.line,
                               message: finding.message, link: "#" + anchor(ofFinding: index))
                } + result.organisationFindings.filter { $0.change == .new }.prefix(listed).map {
                    row(rule: $0.rule, severity: $0.severity.rawValue, file: $0.file, line: $0.location.line, message: $0.message,
                        link: "#organisation-heading")
                },
                "new_not_listed": max(0, new.count - listed), "has_new_not_listed": new.count > listed,
                "fixed": changes.fixed.prefix(listed).map { finding -> [String: Any] in
                    let unit = AuditResult.unitKey(unit: finding.unit)
                    return row(rule: finding.rule, severity: finding.severity, file: finding.file, line: finding.location.line,
                               message: finding.message, link: units.contains(unit) ? "#" + HTMLReportModel.anchor(unit) : nil)
                },
                "fixed_not_listed": max(0, changes.fixed.count - listed), "has_fixed_not_listed": changes.fixed.count > listed,
            ] as [String: Any]
        }
        if let baseline = result.baseline {
            context["baseline"] = [
                "file": HTMLReportModel.safe(baseline.file), "entries": baseline.entryCount, "matched": baseline.matchedCount,
                "has_unmatched": !baseline.unmatched.isEmpty, "unmatched_count": baseline.unmatched.count,
                "unmatched": baseline.unmatched.prefix(listed).map { entry -> [String: Any] in
                    ["line": entry.location.line, "rule": entry.rule, "account": HTMLReportModel.safe(entry.account ?? entry.file)]
                },
            ] as [String: Any]
        }
        return context
    }

    private static func row(rule: String, severity: String, file: String, line: Int, message: String, link: String?) -> [String: Any] {
        var row: [String: Any] = ["rule": HTMLReportModel.safe(rule), "severity": HTMLReportModel.safe(severity), "file": HTMLReportModel.safe(file),
                                  "line": line, "message": HTMLReportModel.safe(message)]
        if let link { row["link"] = link }
        return row
    }
}
