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
                + (result.waivedCount == 0 ? "" : "; \(result.waivedCount) waived"),
        ]
        if !result.organisationFindings.isEmpty {
            let files = Set(result.organisationFindings.map(\.file)).count
            lines.append("Organisation files: \(count(result.organisationFindings.count, "finding")) in \(count(files, "file")) (people.yaml, units/, herald.yaml)")
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

    /// "1 error", "2 errors".
    public static func count(_ number: Int, _ noun: String) -> String {
        "\(number) \(noun)\(number == 1 ? "" : "s")"
    }
}
