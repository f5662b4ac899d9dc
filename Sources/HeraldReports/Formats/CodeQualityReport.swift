import HeraldCore

/// `codequality.json`: GitLab's Code Quality report, which GitLab shows in merge requests beside the
/// changed lines (JUnit results only appear as test results). One issue per finding, in report order:
/// `description` (the message, with the waiver first when one excuses it), `check_name` (the rule id),
/// `fingerprint` (`FindingFingerprint`: unique per finding and stable when lines move), `severity`
/// (error `major`, warning `minor`, a waived finding `info`) and `location.path` with `location.lines.begin`.
/// Source of the format: https://docs.gitlab.com/ci/testing/code_quality/ ("Code Quality report format").
public enum CodeQualityReport {
    /// Streams codequality.json to `output`, its issues written in chunks on every core.
    public static func render(_ result: AuditResult, to output: ReportOutput) throws {
        let fingerprints = FindingFingerprint.all(result.findings, inventory: result.inventory)
        var json = JSONWriter()
        json.startArray()
        try JSONReport.streamElements(count: result.findings.count, into: &json, to: output) { index, json in
            let (finding, fingerprint) = (result.findings[index], fingerprints[index])
            json.object { json in
                json.key("description"); json.string(FindingLines.note(finding) + finding.message)
                json.key("check_name"); json.string(finding.rule)
                json.key("fingerprint"); json.string(FindingFingerprint.text(fingerprint))
                json.key("severity"); json.string(!finding.counts ? "info" : finding.severity == .error ? "major" : "minor")
                json.key("location"); json.object { json in
                    json.key("path"); json.string(finding.file)
                    json.key("lines"); json.object { json in json.key("begin"); json.number(finding.location.line) }
                }
            }
        }
        json.endArray()
        try output(json.drain() + [UInt8(ascii: "\n")])
    }
}
