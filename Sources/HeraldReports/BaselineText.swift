import HeraldCore

/// The text of a baseline file (`herald baseline write`), as `BaselineReader` reads it back: a comment
/// saying what the file is, `herald_baseline: 1`, and one flow mapping per line, sorted by file, rule and
/// fingerprint. The same findings give the same bytes, and a fixed finding is one removed line in a diff.
public enum BaselineText {
    public static func render(_ entries: [Baseline.Entry], organisation: String) -> String {
        var text = """
            # Herald baseline of \(quoted(organisation)): findings accepted when Herald was adopted, to be fixed.
            # An audit with --baseline shows them apart and does not count them. Remove a line when its
            # finding is fixed (Herald reports entries that match nothing). Written by `herald baseline write`;
            # it holds ids and fingerprints, never a message or a value from the registry.
            herald_baseline: \(BaselineReader.version)

            """
        guard !entries.isEmpty else { return text + "findings: []\n" }
        text += "findings:\n"
        for entry in entries {
            text += "  - {rule: \(quoted(entry.rule)), file: \(quoted(entry.file))"
            if let account = entry.account { text += ", account: \(quoted(account))" }
            if let field = entry.field { text += ", field: \(quoted(field))" }
            text += ", fingerprint: \"\(FindingFingerprint.text(entry.fingerprint))\"}\n"
        }
        return text
    }

    /// A YAML double-quoted scalar that reads back exactly (`YAMLDocument.quoted`).
    public static func quoted(_ value: String) -> String { YAMLDocument.quoted(value) }
}
