import HeraldRules

/// Findings as compiler-style lines (`path:line:column: severity: [rule-id] message`) that editors and
/// terminals turn into links: what `herald check` prints.
public struct FindingLines: Sendable {
    /// Whether to colour severities and names with ANSI escapes (the caller decides: TTY, NO_COLOR).
    public let colour: Bool

    public init(colour: Bool) {
        self.colour = colour
    }

    public func line(for finding: Finding) -> String {
        let place = "\(TerminalText.safe(finding.file)):\(finding.location.line):\(finding.location.column):"
        let severity = finding.severity.rawValue + ":"
        let message = TerminalText.safe(finding.message)
        guard colour else { return "\(place) \(severity) [\(finding.rule)] \(message)" }
        let tint = finding.severity == .error ? "\u{1B}[1;31m" : "\u{1B}[1;33m"
        return "\u{1B}[1m\(place)\u{1B}[0m \(tint)\(severity)\u{1B}[0m \u{1B}[2m[\(finding.rule)]\u{1B}[0m \(message)"
    }
}

/// Registry text (and file names) are untrusted: a bio could carry escape sequences that rewrite the
/// user's terminal. Control characters are shown as U+FFFD instead.
public enum TerminalText {
    public static func safe(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.map { scalar in
            switch scalar.value {
            case 0x00...0x1F, 0x7F...0x9F: return "\u{FFFD}"
            default: return scalar
            }
        }))
    }
}
