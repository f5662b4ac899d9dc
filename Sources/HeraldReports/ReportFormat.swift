import HeraldRules

/// A report file `herald audit` can write, picked with `--format`.
public enum ReportFormat: String, CaseIterable, Sendable {
    case json

    /// The file name inside the output folder.
    public var fileName: String {
        switch self {
        case .json: return "report.json"
        }
    }

    /// The report's bytes: a pure function of the audit result, so equal audits give equal files.
    public func render(_ result: AuditResult) throws -> [UInt8] {
        switch self {
        case .json: return JSONReport.render(result)
        }
    }
}
