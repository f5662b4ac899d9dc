import HeraldCore

/// Findings as compiler-style lines (`path:line:column: severity: [rule-id] message`) that editors and
/// terminals turn into links: what `herald check` prints.
public struct FindingLines: Sendable {
    /// Whether to colour severities and names with ANSI escapes (the caller decides: TTY, NO_COLOR).
    public let colour: Bool

    public init(colour: Bool) {
        self.colour = colour
    }

    /// A waived or baselined finding is a `note:` (what compilers call remarks that fail nothing) that
    /// says so; a new one (`--compare-to`, `--changed-since`) says `new:` before its message.
    public func line(for finding: Finding) -> String {
        let place = "\(TerminalText.safe(finding.file)):\(finding.location.line):\(finding.location.column):"
        let severity = (finding.counts ? finding.severity.rawValue : "note") + ":"
        let message = TerminalText.safe(FindingLines.note(finding, markingNew: false) + finding.message)
        guard colour else { return "\(place) \(severity) [\(finding.rule)] \(message)" }
        let tint = !finding.counts ? "\u{1B}[1;36m" : finding.severity == .error ? "\u{1B}[1;31m" : "\u{1B}[1;33m"
        return "\u{1B}[1m\(place)\u{1B}[0m \(tint)\(severity)\u{1B}[0m \u{1B}[2m[\(finding.rule)]\u{1B}[0m \(message)"
    }

    /// What a finding's message is prefixed with wherever a report has only the message to say it:
    /// `new: ` for a finding the compared audit did not have, then `waived until 2027-01-31 by mchen
    /// (reason): ` or `in the baseline: `; empty for a persisting finding that counts, or without a
    /// comparison. `herald check` shows new findings only, when it compares, and says so once instead
    /// (`markingNew: false`).
    static func note(_ finding: Finding, markingNew: Bool = true) -> String {
        let new = markingNew && finding.change == .new ? "new: " : ""
        if let waiver = finding.waiver { return new + "waived until \(waiver.expires) by \(waiver.approvedBy) (\(waiver.reason)): " }
        return new + (finding.isBaselined ? "in the baseline: " : "")
    }
}

/// Registry text (and file names) are untrusted: a bio could carry escape sequences that rewrite the
/// user's terminal, or bidirectional controls that make a line read differently from what it says.
/// Control characters and explicit bidi controls are shown as U+FFFD instead.
public enum TerminalText {
    public static func safe(_ text: String, keepingLineBreaks: Bool = false) -> String {
        guard text.unicodeScalars.contains(where: { unsafe($0, keepingLineBreaks) }) else { return text }
        return String(String.UnicodeScalarView(text.unicodeScalars.map { unsafe($0, keepingLineBreaks) ? "\u{FFFD}" : $0 }))
    }

    private static func unsafe(_ scalar: Unicode.Scalar, _ keepingLineBreaks: Bool) -> Bool {
        switch scalar.value {
        case 0x0A, 0x0D: return !keepingLineBreaks
        case 0x00...0x1F, 0x7F...0x9F: return true
        // Embeddings, overrides and isolates (the "Trojan Source" characters), and the marks.
        case 0x202A...0x202E, 0x2066...0x2069, 0x200E, 0x200F, 0x061C: return true
        default: return false
        }
    }
}
