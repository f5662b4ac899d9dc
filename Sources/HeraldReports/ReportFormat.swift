import HeraldCore
import HeraldRules

/// A report file `herald audit` can write, picked with `--format`.
public enum ReportFormat: String, CaseIterable, Sendable {
    case json, xml, xsd, junit, sarif, checkstyle, html

    /// The file name inside the output folder.
    public var fileName: String {
        switch self {
        case .json: return "report.json"
        case .xml: return "report.xml"
        case .xsd: return ReportSchema.fileName
        case .junit: return "junit.xml"
        case .sarif: return "report.sarif"
        case .checkstyle: return "checkstyle.xml"
        case .html: return "report.html"
        }
    }
}

/// Renders reports of one audit. Every report is a pure function of the audit result (and the HTML
/// template), so equal audits give equal files.
public struct ReportRenderer: Sendable {
    public let html: HTMLReport

    public init(html: HTMLReport = .builtIn) {
        self.html = html
    }

    public func render(_ format: ReportFormat, _ result: AuditResult) throws -> [UInt8] {
        switch format {
        case .json: return JSONReport.render(result)
        case .xml: return try XMLReport.render(result)
        case .xsd: return Array(ReportSchema.text.utf8)
        case .junit: return try JUnitReport.render(result)
        case .sarif: return SARIFReport.render(result)
        case .checkstyle: return try CheckstyleReport.render(result)
        case .html: return html.render(result)
        }
    }

    /// Several formats at once, side by side on the machine's cores; results in the order given.
    public func render(_ formats: [ReportFormat], _ result: AuditResult) -> [Result<[UInt8], any Error>] {
        ParallelMap.map(formats, chunkSize: 1) { format in Result { try render(format, result) } }
    }
}
