import HeraldCore
import HeraldRules

/// What an HTML template sees: plain values, lists and dictionaries built from the audit result. The
/// keys are a public contract for organisations' own templates and are listed in docs/reports.md.
/// Every value is raw registry text: the template escapes it (`{{name}}`), so nothing here is markup.
enum HTMLReportModel {
    static func context(for result: AuditResult) -> [String: Any] {
        let ruleSeverity = Dictionary(uniqueKeysWithValues: result.rules.map { ($0.id, $0.severity) })
        let units = unitRows(result)
        return [
            "organisation": result.organisation,
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
            "unit_count": result.units.count,
            "units": units,
            "rules": ruleRows(result),
            "chart": chart(units),
            "sections": sections(result, ruleSeverity: ruleSeverity),
        ]
    }

    private static func verdictText(_ result: AuditResult) -> String {
        switch result.verdict {
        case .passed: return "Passed: every account meets the policy"
        case .warnings: return "Passed with \(AuditSummaryText.count(result.warningCount, "warning"))"
        case .failed: return "Failed: \(AuditSummaryText.count(result.errorCount, "error")) to fix"
        }
    }

    /// Units worst first: most errors, then most warnings, then most failing accounts, then by id.
    private static func unitRows(_ result: AuditResult) -> [[String: Any]] {
        let sorted = result.units.sorted {
            ($1.errors, $1.warnings, $1.failingAccounts, $0.id) < ($0.errors, $0.warnings, $0.failingAccounts, $1.id)
        }
        return sorted.map { unit in
            [
                "id": unit.id, "anchor": anchor(unit.id), "name": unit.name ?? unit.id, "defined": unit.name != nil,
                "accounts": unit.accounts, "passing": unit.accounts - unit.failingAccounts,
                "errors": unit.errors, "warnings": unit.warnings, "failing": unit.failingAccounts > 0,
            ]
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
                "id": rule.id, "severity": rule.severity.rawValue, "summary": rule.description.summary,
                "findings": findings[rule.id] ?? 0, "failing_accounts": accounts[rule.id]?.count ?? 0,
            ]
        }
    }

    /// A horizontal bar per unit with failing accounts, longest bar = widest; coordinates are computed
    /// here so a template can stay logic-free.
    private static func chart(_ units: [[String: Any]]) -> [String: Any] {
        let failing = units.filter { ($0["failing"] as? Bool) == true }
        let counts = failing.map { ($0["accounts"] as! Int) - ($0["passing"] as! Int) }
        let largest = max(counts.max() ?? 1, 1)
        let rowHeight = 24, labelWidth = 220, barWidth = 360
        let bars: [[String: Any]] = zip(failing, counts).enumerated().map { index, pair in
            let (unit, count) = pair
            return [
                "name": unit["name"]!, "anchor": unit["anchor"]!, "count": count,
                "y": index * rowHeight, "text_y": index * rowHeight + 16,
                "bar_x": labelWidth, "width": max(2, count * barWidth / largest),
                "count_x": labelWidth + max(2, count * barWidth / largest) + 6,
            ]
        }
        return ["bars": bars, "has_bars": !bars.isEmpty, "width": labelWidth + barWidth + 60, "height": max(1, bars.count) * rowHeight]
    }

    private static func sections(_ result: AuditResult, ruleSeverity: [String: Severity]) -> [[String: Any]] {
        var byUnit: [String: [[String: Any]]] = [:]
        for (account, findings) in zip(result.registry.accounts, result.findingsByAccount) {
            let unit = account.unit?.value ?? account.folder ?? "(none)"
            byUnit[unit, default: []].append(row(account, findings, result.registry))
        }
        return unitRows(result).compactMap { unit in
            guard let id = unit["id"] as? String, let accounts = byUnit[id], !accounts.isEmpty else { return nil }
            var section = unit
            section["account_list"] = accounts
            return section
        }
    }

    private static func row(_ account: Account, _ findings: [Finding], _ registry: Registry) -> [String: Any] {
        let owners = (account.owners?.value ?? []).map { owner -> String in
            guard let person = registry.people[owner.value] else { return owner.value + " (unknown)" }
            return person.active ? person.name : person.name + " (has left)"
        }
        var row: [String: Any] = [
            "file": account.file,
            "title": account.identity.map { _ in "\(account.platform?.value.rawValue ?? "?") @\(account.handle?.value ?? "?")" } ?? account.file,
            "platform": account.platform?.value.rawValue ?? "",
            "handle": account.handle?.value ?? "",
            "display_name": account.name?.value ?? "",
            "url": account.url?.value ?? "",
            "owners": owners.joined(separator: ", "),
            "status": account.status?.value.rawValue ?? "",
            "last_reviewed": account.lastReviewed?.value.description ?? "never",
            "passing": findings.isEmpty,
            "findings": findings.map { finding -> [String: Any] in
                [
                    "severity": finding.severity.rawValue, "rule": finding.rule, "message": finding.message,
                    "place": "\(finding.file):\(finding.location.line):\(finding.location.column)",
                ]
            },
        ]
        if let url = account.url?.value, isWebLink(url) { row["link"] = url }
        return row
    }

    /// Only `https:` and `http:` addresses become links: `javascript:` or `data:` in a url field must
    /// never be one click away from running.
    static func isWebLink(_ url: String) -> Bool {
        let lowered = url.lowercased()
        guard lowered.hasPrefix("https://") || lowered.hasPrefix("http://") else { return false }
        return !url.unicodeScalars.contains { $0.value < 0x21 || $0.value == 0x7F }
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
