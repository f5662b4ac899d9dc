import HeraldCore
import Mustache

/// `report.html`: the page the communications office opens every morning. One self-contained file,
/// rendered from a Mustache template: the built-in one, or the organisation's own (`--template`).
/// `{{value}}` is escaped byte by byte (`HTMLEscaping`), so registry text stays text whatever it contains.
public struct HTMLReport: Sendable {
    /// A template that could not be read, with its place.
    public struct TemplateError: Error, CustomStringConvertible {
        public let description: String
    }

    private let template: MustacheTemplate

    /// The built-in template, which a test renders on every run.
    public static let builtIn: HTMLReport = {
        do { return try HTMLReport() } catch { fatalError("the built-in report template does not parse: \(error)") }
    }()

    /// - Parameters:
    ///   - source: the template's text.
    ///   - name: the template's file, for error messages.
    public init(template source: String = DefaultHTMLTemplate.text, name: String = "built-in template") throws(TemplateError) {
        template = try HTMLEscaping.compile(source, name: name)
    }

    /// Renders the page, streaming it to `output`: the template's text with Herald's account tables where
    /// it says `{{{account_sections}}}`.
    public func render(_ result: AuditResult, to output: ReportOutput) throws {
        let page = template.render(HTMLReportModel.context(for: result))
        let parts = page.split(separator: HTMLReportModel.accountSectionsMarker, omittingEmptySubsequences: false)
        let units = HTMLReportModel.worstFirst(result.units)
        for (index, part) in parts.enumerated() {
            if index > 0 { try HTMLAccountSections.render(result, unitOrder: units, to: output) }
            try output(Array(part.utf8))
        }
    }
}
