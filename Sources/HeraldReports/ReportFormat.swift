import HeraldCore

/// A report `herald audit` can write, picked with `--format`: a file, or (`owners`) a folder of files.
public enum ReportFormat: String, CaseIterable, Sendable {
    // The order `herald audit` writes them in when --format is not given.
    case json, xml, xsd, junit, sarif, checkstyle, codequality, html, owners

    /// True for a report that is a folder of files (`owners/`, the action lists): `ReportRenderer.files`
    /// makes it.
    public var isFolder: Bool { self == .owners }

    /// Roughly how long the report takes beside the others (1 = a few milliseconds): reports are started
    /// longest first, so that the short ones fill the gaps at the end instead of the long ones running last.
    public var renderingCost: Int {
        switch self {
        case .junit: return 40
        case .xml: return 30
        case .html: return 20
        case .sarif: return 4
        case .json, .checkstyle, .codequality, .owners: return 2
        case .xsd: return 1
        }
    }

    /// The file name inside the output folder.
    public var fileName: String {
        switch self {
        case .json: return "report.json"
        case .xml: return "report.xml"
        case .xsd: return ReportSchema.fileName
        case .junit: return "junit.xml"
        case .sarif: return "report.sarif"
        case .checkstyle: return "checkstyle.xml"
        case .codequality: return "codequality.json"
        case .html: return "report.html"
        case .owners: return ActionLists.folderName
        }
    }
}

/// Where a report's bytes go, piece by piece, in order: a file being written, or memory in the tests.
/// Large reports hand over pieces of up to a few megabytes, never the whole report.
public typealias ReportOutput = ([UInt8]) throws -> Void

/// Renders reports of one audit. Every report is a pure function of the audit result (and the HTML
/// template), so equal audits give equal files.
public struct ReportRenderer: Sendable {
    /// The page report.html is rendered from: a brand's template, or the built-in one.
    public var html: HTMLReport { custom ?? .builtIn }
    private let custom: HTMLReport?

    /// - Parameter html: a brand's template (`--template`); nil for the built-in one, which is compiled
    ///   only when report.html is rendered (7 ms of a JSON-only audit's one-core start otherwise).
    public init(html: HTMLReport? = nil) {
        custom = html
    }

    /// A folder report's files (`owners/`), by name inside the folder; empty for a report that is a file.
    public func files(_ format: ReportFormat, _ result: AuditResult) -> [ActionLists.File] {
        format == .owners ? ActionLists.render(result) : []
    }

    /// A folder report's files handed to `consume` a batch at a time, never all in memory.
    public func files(_ format: ReportFormat, _ result: AuditResult, into consume: ([ActionLists.File]) throws -> Void) throws {
        if format == .owners { try ActionLists.render(result, into: consume) }
    }

    /// Streams the report to `output` piece by piece: the large formats never sit whole in memory. A
    /// folder report (`isFolder`) streams the names of its files, one per line: `files(_:_:)` gives them.
    public func render(_ format: ReportFormat, _ result: AuditResult, to output: @escaping ReportOutput) throws {
        switch format {
        case .json: try JSONReport.render(result, to: output)
        case .xml: try XMLReport.render(result, to: output)
        case .xsd: try output(Array(ReportSchema.text.utf8))
        case .junit: try JUnitReport.render(result, to: output)
        case .sarif: try output(SARIFReport.render(result))
        case .checkstyle: try CheckstyleReport.render(result, to: output)
        case .codequality: try CodeQualityReport.render(result, to: output)
        case .html: try html.render(result, to: output)
        case .owners: try output(Array(files(format, result).map { $0.name + "\n" }.joined().utf8))
        }
    }

    /// The whole report in memory (tests, small registries).
    public func render(_ format: ReportFormat, _ result: AuditResult) throws -> [UInt8] {
        let collected = Collected()
        try render(format, result) { collected.bytes.append(contentsOf: $0) }
        return collected.bytes
    }

    private final class Collected {
        var bytes: [UInt8] = []
    }
}
