import HeraldCore

/// What an HTML template sees: plain values, lists and dictionaries built from the audit result. The
/// keys are a public contract for organisations' own templates and are listed in docs/reports.md.
/// Every value is raw registry text: the template escapes it (`{{name}}`), so nothing here is markup.
enum HTMLReportModel {
    /// Stands for the account sections while the template renders; they are spliced in afterwards.
    /// Registry text reaches the template through `safe(_:)`, which leaves no NUL, so it cannot forge this.
    static let accountSectionsMarker = "\u{0}herald:account-sections\u{0}"

    /// `message` as escaped HTML with its code spans as `<code>` (``HTMLText/message(_:)``), for `{{{…}}}`.
    static func html(message: String) -> String {
        var html = HTMLText(capacity: message.utf8.count + 32)
        html.message(message)
        return String(decoding: html.bytes, as: UTF8.self)
    }

    /// Registry text for the template: control characters (a YAML escape such as `"\0"` or `"\e"` puts
    /// them in a value) become U+FFFD, even where a template inserts a value unescaped.
    static func safe(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 < 0x20 || $0 == 0x7F }) else { return text }
        return String(String.UnicodeScalarView(text.unicodeScalars.map { scalar in
            switch scalar.value {
            case 0x09, 0x0A, 0x0D: return scalar
            case 0x00..<0x20, 0x7F: return "\u{FFFD}"
            default: return scalar
            }
        }))
    }

    static func context(for result: AuditResult) -> [String: Any] {
        let units = unitRows(result).map(\.row)
        return [
            "organisation": safe(result.organisation),
            "as_of": result.asOf.description,
            "tool_version": HeraldVersion.current,
            "verdict": result.verdict.rawValue,
            "verdict_text": verdictText(result),
            "passed": result.verdict == .passed,
            "accounts": result.accountCount,
            "passing_accounts": result.accountCount - result.failingAccountCount,
            "failing_accounts": result.failingAccountCount,
            "errors": result.errorCount,
            "warnings": result.warningCount,
            "waived": result.waivedCount,
            "unit_count": result.units.count,
            "has_organisation_findings": !result.organisationFindings.isEmpty,
            "organisation_findings": result.organisationFindings.map { finding -> [String: Any] in
                ["file": safe(finding.file), "line": finding.location.line, "column": finding.location.column, "rule": finding.rule,
                 "severity": finding.severity.rawValue, "message": safe(finding.message), "message_html": html(message: finding.message),
                 "new": finding.change == .new,
                 "baselined": finding.isBaselined]
            },
            "units": units,
            "has_impostors": !result.registry.impostors.isEmpty,
            "impostors": result.registry.impostors.map { impostor -> [String: Any] in
                ["shown": safe(impostor.shown), "status": impostor.status?.value.rawValue ?? "", "reported": impostor.reported?.value.description ?? "",
                 "reported_to": safe(impostor.reportedTo ?? ""), "case": safe(impostor.caseID ?? ""), "impersonates": safe(impostor.impersonates ?? ""),
                 "line": impostor.location.line, "file": safe(result.registry.impostorsFile ?? "")]
            },
            "rules": ruleRows(result),
            "chart": chart(units),
            "account_sections": accountSectionsMarker,
        ].merging(HTMLChangesModel.context(for: result)) { first, _ in first }
            .merging(HTMLTrendModel.context(for: result)) { first, _ in first }
    }

    private static func verdictText(_ result: AuditResult) -> String {
        switch result.verdict {
        case .passed: return "Passed: every account meets the policy"
        case .warnings: return "Passed with \(AuditSummaryText.count(result.warningCount, "warning"))"
        case .failed: return "Failed: \(AuditSummaryText.count(result.errorCount, "error")) to fix"
        }
    }

    /// Units worst first: most errors, then most warnings, then most failing accounts, then by id.
    static func worstFirst(_ units: [AuditResult.UnitSummary]) -> [AuditResult.UnitSummary] {
        units.sorted { ($1.errors, $1.warnings, $1.failingAccounts, $0.id) < ($0.errors, $0.warnings, $0.failingAccounts, $1.id) }
    }

    private static func unitRows(_ result: AuditResult) -> [(unit: AuditResult.UnitSummary, row: [String: Any])] {
        worstFirst(result.units).map { unit in
            var row: [String: Any] = [
                "id": safe(unit.id), "anchor": anchor(unit.id), "name": safe(unit.name ?? unit.id), "defined": unit.name != nil,
                "has_accounts": unit.accounts > 0,
                "accounts": unit.accounts, "passing": unit.accounts - unit.failingAccounts,
                "errors": unit.errors, "warnings": unit.warnings, "waived": unit.waived, "failing": unit.failingAccounts > 0,
                "failing_accounts": unit.failingAccounts,
            ]
            if let trend = HTMLTrendModel.unitTrend(unit.id, in: result) { row["trend"] = trend }
            return (unit, row)
        }
    }

    private static func ruleRows(_ result: AuditResult) -> [[String: Any]] {
        var findings: [String: Int] = [:]
        var accounts: [String: Set<String>] = [:]
        for finding in result.findings {
            findings[finding.rule, default: 0] += 1
            accounts[finding.rule, default: []].insert(finding.file)
        }
        return result.rules.map { rule in
            [
                "id": rule.id, "severity": rule.severity.rawValue, "summary": rule.summary, "summary_html": html(message: rule.summary),
                // The rationale's first paragraph: the rest (tables, lists) is docs/rules.md's.
                "rationale_html": html(message: String(rule.rationale.components(separatedBy: "\n\n").first ?? "")),
                "findings": findings[rule.id] ?? 0, "failing_accounts": accounts[rule.id]?.count ?? 0,
            ]
        }
    }

    /// Bars in the chart: the units with the most failing accounts (the table lists every unit).
    static let chartUnits = 20

    /// A horizontal bar per unit with failing accounts, longest bar = widest; coordinates are computed
    /// here so a template can stay logic-free.
    private static func chart(_ units: [[String: Any]]) -> [String: Any] {
        func failingAccounts(_ unit: [String: Any]) -> Int { (unit["accounts"] as! Int) - (unit["passing"] as! Int) }
        // Most failing accounts first; equal counts keep the table's order.
        let failing = units.enumerated().filter { ($0.element["failing"] as? Bool) == true }
            .sorted { (failingAccounts($1.element), $0.offset) < (failingAccounts($0.element), $1.offset) }
            .prefix(chartUnits).map(\.element)
        let counts = failing.map { ($0["accounts"] as! Int) - ($0["passing"] as! Int) }
        let largest = max(counts.max() ?? 1, 1)
        let rowHeight = 24, labelWidth = 300, barWidth = 360
        let bars: [[String: Any]] = zip(failing, counts).enumerated().map { index, pair in
            let (unit, count) = pair
            return [
                "name": label(unit["name"] as! String), "anchor": unit["anchor"]!, "count": count,
                "y": index * rowHeight, "text_y": index * rowHeight + 16,
                "bar_x": labelWidth, "width": max(2, count * barWidth / largest),
                "count_x": labelWidth + max(2, count * barWidth / largest) + 6,
            ]
        }
        return ["bars": bars, "has_bars": !bars.isEmpty, "width": labelWidth + barWidth + 60, "height": max(1, bars.count) * rowHeight, "limit": chartUnits]
    }

    /// A unit's name as a chart label: long names are shortened to fit beside the bars (the table above
    /// the chart has them in full).
    static func label(_ name: String) -> String {
        name.count > 40 ? String(name.prefix(39)) + "…" : name
    }

    /// Only `https:` and `http:` addresses become links: `javascript:` or `data:` in a url field must
    /// never be one click away from running.
    static func isWebLink(_ url: String) -> Bool {
        let bytes = url.utf8
        func hasScheme(_ scheme: StaticString) -> Bool {
            // ASCII letters compare without case: "HTTPS://" is a web address too.
            scheme.withUTF8Buffer { expected in bytes.count > expected.count && zip(bytes, expected).allSatisfy { $0 | 0x20 == $1 | 0x20 } }
        }
        guard hasScheme("https://") || hasScheme("http://") else { return false }
        return !bytes.contains { $0 < 0x21 || $0 == 0x7F }
    }

    /// An id attribute for a unit section: unit ids are kebab-case already; anything else is encoded.
    static func anchor(_ id: String) -> String {
        "unit-" + String(id.unicodeScalars.map { scalar -> String in
            switch scalar {
            case "a"..."z", "0"..."9", "-": return String(scalar)
            default: return "_\(scalar.value)_"
            }
        }.joined())
    }
}
