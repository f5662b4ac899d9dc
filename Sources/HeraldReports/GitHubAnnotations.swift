import HeraldCore

/// Findings as GitHub Actions workflow commands (`::error file=…,line=…,col=…,title=…::message`), which
/// GitHub shows as annotations on the pull request's changed lines: `herald check --format github`.
public enum GitHubAnnotations {
    /// GitHub shows at most this many annotations of each level (error, warning, notice) per step, and 50
    /// per job, and drops the rest without a word (actions/toolkit, docs/problem-matchers.md).
    public static let shownPerLevel = 10

    /// The findings in the order annotations should be written: errors, then warnings, then waived
    /// and baselined findings (notices), each in report order, so what GitHub shows is what matters most.
    public static func ordered(_ findings: [Finding]) -> [Finding] {
        func rank(_ finding: Finding) -> Int { !finding.counts ? 2 : finding.severity == .error ? 0 : 1 }
        return findings.enumerated().sorted { (rank($0.element), $0.offset) < (rank($1.element), $1.offset) }.map(\.element)
    }

    /// One workflow command: `::error` or `::warning` with the file, line, column and rule as title; a
    /// finding a waiver excuses or the baseline holds is a `::notice` that says so.
    public static func line(for finding: Finding) -> String {
        let command = !finding.counts ? "notice" : finding.severity == .error ? "error" : "warning"
        let properties = [
            "file=" + property(finding.file),
            "line=\(finding.location.line)",
            "col=\(finding.location.column)",
            "title=" + property("herald \(finding.rule)"),
        ].joined(separator: ",")
        return "::\(command) \(properties)::\(data(FindingLines.note(finding, markingNew: false) + finding.message))"
    }

    /// A message may not end the command early: `%`, carriage returns and line feeds are encoded as the
    /// runner expects, and other control characters are shown as U+FFFD.
    static func data(_ text: String) -> String {
        encoded(text, alsoSeparators: false)
    }

    /// Property values also encode `:` and `,`, which separate properties.
    static func property(_ text: String) -> String {
        encoded(text, alsoSeparators: true)
    }

    private static func encoded(_ text: String, alsoSeparators: Bool) -> String {
        var out = ""
        for scalar in TerminalText.safe(text, keepingLineBreaks: true).unicodeScalars {
            switch scalar {
            case "%": out += "%25"
            case "\r": out += "%0D"
            case "\n": out += "%0A"
            case ":" where alsoSeparators: out += "%3A"
            case "," where alsoSeparators: out += "%2C"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
