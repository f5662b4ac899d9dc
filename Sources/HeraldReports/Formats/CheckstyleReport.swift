import HeraldCore

/// `checkstyle.xml`: findings in the Checkstyle XML format that reviewdog and Jenkins warnings-ng read.
/// One `file` element per file with findings; `source` is `herald.<rule-id>`; waived findings are `info`.
public enum CheckstyleReport {
    /// Streams checkstyle.xml to `output`.
    public static func render(_ result: AuditResult, to output: @escaping ReportOutput) throws {
        let xml = XMLWriter(streamingTo: output)
        xml.startDocument()
        xml.startElement("checkstyle")
        xml.attribute("version", "1.0")
        var index = result.findings.startIndex
        while index < result.findings.endIndex {
            let file = result.findings[index].file
            xml.startElement("file")
            xml.attribute("name", file)
            while index < result.findings.endIndex, result.findings[index].file == file {
                let finding = result.findings[index]
                xml.startElement("error")
                xml.attribute("line", finding.location.line)
                if finding.location.column > 0 { xml.attribute("column", finding.location.column) }
                // Checkstyle has no "waived": an excused finding is information, its message says why.
                xml.attribute("severity", finding.counts ? finding.severity.rawValue : "info")
                xml.attribute("message", FindingLines.note(finding) + finding.message)
                xml.attribute("source", "herald." + finding.rule)
                xml.endElement()
                index += 1
            }
            xml.endElement()
        }
        xml.endElement()
        _ = try xml.finish()
    }
}
