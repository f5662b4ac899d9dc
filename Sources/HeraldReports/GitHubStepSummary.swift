import HeraldCore

/// The Markdown summary `herald check --format github` appends to `$GITHUB_STEP_SUMMARY`: every finding,
/// grouped by unit, so that what GitHub does not show as annotations (10 errors and 10 warnings a step,
/// 50 a job) is still on the run's page, in private repositories without code scanning too. GitHub
/// takes at most 1 MiB per step summary (docs.github.com, "Adding a job summary"): the summary stops
/// below `maximumBytes` and says how many findings it left out. Registry text is escaped for Markdown
/// and HTML, so no value can open a link, a tag or a table cell.
public enum GitHubStepSummary {
    /// GitHub's limit per step summary: 1 MiB.
    public static let maximumBytes = 1_048_576

    /// - Parameter limit: the most bytes the summary may take, in UTF-8 (GitHub's limit by default).
    /// - Parameter since: with `--changed-since`, the revision the findings are new since: the summary
    ///   says its counts are only those.
    public static func markdown(_ findings: [Finding], organisation: String, accountCount: Int, since: String? = nil, limit: Int = maximumBytes) -> String {
        let counted = findings.filter(\.counts)
        let errors = counted.count { $0.severity == .error }, warnings = counted.count - counted.count { $0.severity == .error }
        var out = "## Herald: \(escaped(organisation))\n\n"
        if let since { out += "Only what this change broke: the findings new since `\(code(since))`.\n\n" }
        out += counted.isEmpty ? "No problems found in \(AuditSummaryText.count(accountCount, "account")).\n"
            : "\(AuditSummaryText.count(errors, "error")) and \(AuditSummaryText.count(warnings, "warning")) in \(AuditSummaryText.count(accountCount, "account")) checked"
              + (findings.count > counted.count ? " (\(findings.count - counted.count) waived or in the baseline)" : "") + ".\n"
        // Findings under the unit key every report groups by; those of people.yaml and herald.yaml apart.
        let byUnit = Dictionary(grouping: findings) { $0.isInAccountFile || $0.unit != nil ? AuditResult.unitKey(unit: $0.unit) : "(organisation files)" }
        // Room kept for the closing note, so the whole stays under the limit.
        let budget = limit - 400
        var written = 0
        var size = out.utf8.count
        units: for unit in byUnit.keys.sorted() {
            let heading = "\n### \(escaped(unit))\n\n| | file | rule | finding |\n|---|---|---|---|\n"
            guard size + heading.utf8.count < budget else { break }
            out += heading
            size += heading.utf8.count
            for finding in byUnit[unit]!.sorted(by: Finding.reportOrder) {
                let mark = finding.isWaived ? "waived" : finding.isBaselined ? "baseline" : finding.severity == .error ? "error" : "warning"
                let row = "| \(mark) | `\(code(finding.file)):\(finding.location.line)` | \(finding.rule) | \(escaped(FindingLines.note(finding, markingNew: false) + finding.message)) |\n"
                guard size + row.utf8.count < budget else { break units }
                out += row
                size += row.utf8.count
                written += 1
            }
        }
        if written < findings.count {
            out += "\n**\(findings.count - written) of \(findings.count) findings are not shown:** GitHub takes at most 1 MiB per step summary. "
                + "Run `herald check` on your files, or see the audit's report.html, for all of them.\n"
        }
        return out
    }

    /// Text safe in a Markdown table cell: no HTML, no link, no emphasis, no cell break, one line.
    static func escaped(_ text: String) -> String {
        // Most text is printable ASCII with nothing to escape: returned as it is (the action lists of a
        // registry adopting Herald escape millions of words).
        if text.utf8.allSatisfy({ !markdownSpecial[Int($0)] }) { return text }
        var out = ""
        for scalar in TerminalText.safe(text, keepingLineBreaks: false).unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "|": out += "\\|"
            case "\\", "`", "*", "_", "[", "]", "(", ")", "#", "!", "~", "$", "{", "}": out += "\\" + String(scalar)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// The bytes `escaped` may change: everything but printable ASCII, and Markdown's own characters.
    static let markdownSpecial: [Bool] = (0...255).map { byte in
        byte < 0x20 || byte > 0x7E || "&<>|\\`*_[]()#!~${}".utf8.contains(UInt8(byte))
    }

    /// A path inside a code span: backticks cannot end it early.
    private static func code(_ text: String) -> String {
        String(TerminalText.safe(text, keepingLineBreaks: false).map { $0 == "`" ? "'" : $0 }).split(separator: "|", omittingEmptySubsequences: false).joined(separator: "\\|")
    }
}
