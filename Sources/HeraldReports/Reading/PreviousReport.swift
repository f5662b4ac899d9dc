import Foundation
import HeraldCore

/// Reads an earlier audit's `report.json` (schema version 1) for `herald audit --compare-to`: its date and
/// its findings, nothing else. Foundation's `JSONDecoder` reads it: parsing JSON is not Herald's job.
public enum PreviousReport {
    /// The earlier audit in the report at `path`.
    /// - Throws: one problem naming the file and the fix when the file is missing, is not JSON, or is not
    ///   a `report.json` of a schema version this Herald reads.
    public static func read(_ path: String) throws(ProblemList) -> PreviousAudit {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw problem(path, "the report to compare with cannot be read: give the report.json of an earlier `herald audit`")
        }
        return try parse(data, file: path)
    }

    /// The earlier audit in `data`, read as the file `file`.
    /// - Throws: as `read(_:)`.
    public static func parse(_ data: Data, file: String) throws(ProblemList) -> PreviousAudit {
        let report: Report
        do {
            report = try JSONDecoder().decode(Report.self, from: data)
        } catch let DecodingError.dataCorrupted(context) where context.codingPath.isEmpty {
            throw problem(file, "this is not JSON (\(context.debugDescription)): give the report.json of an earlier `herald audit`")
        } catch {
            throw problem(file, "this is not a Herald report.json (\(Self.describe(error))): give the report.json of an earlier `herald audit`")
        }
        guard report.schema_version == JSONReport.schemaVersion else {
            throw problem(file, "report.json has schema version \(report.schema_version), and this Herald compares with version \(JSONReport.schemaVersion): run the audit again with this Herald")
        }
        guard let asOf = CalendarDate(report.as_of) else {
            throw problem(file, "as_of \"\(report.as_of)\" is not a YYYY-MM-DD date: give the report.json of an earlier `herald audit`")
        }
        // `SourceLocation` keeps 32 bits (no registry file reaches 2^31 lines): a number beyond them is no
        // place Herald reported, and would be printed back changed.
        let kept = Int(Int32.min) ... Int(Int32.max)
        if let (index, finding) = report.findings.enumerated().first(where: { !kept.contains($0.element.line) || !kept.contains($0.element.column) }) {
            throw problem(file, "findings[\(index)] has line \(finding.line) and column \(finding.column), which no registry file has: give the report.json of an earlier `herald audit`")
        }
        let findings = report.findings.map {
            PreviousFinding(rule: $0.rule, severity: $0.severity, file: $0.file, location: SourceLocation(line: $0.line, column: $0.column),
                            account: $0.account, unit: $0.unit, field: $0.field, message: $0.message)
        }
        return PreviousAudit(asOf: asOf, source: file, inventory: report.inventory, findings: findings)
    }

    private static func problem(_ file: String, _ message: String) -> ProblemList {
        ProblemList([Problem(file: file, location: .startOfFile, message: message)])
    }

    /// "findings[3].rule is missing": where the report departs from the schema.
    private static func describe(_ error: Error) -> String {
        func path(_ keys: [CodingKey]) -> String {
            keys.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined().trimmingCharacters(in: CharacterSet(charactersIn: "."))
        }
        switch error as? DecodingError {
        case let .keyNotFound(key, context)?: return "\(path(context.codingPath + [key])) is missing"
        case let .typeMismatch(_, context)?, let .valueNotFound(_, context)?, let .dataCorrupted(context)?:
            return "\(path(context.codingPath)) has the wrong type"
        default: return "\(error)"
        }
    }

    // The names are report.json's keys.
    // swiftlint:disable identifier_name
    private struct Report: Decodable {
        let schema_version: Int
        let as_of: String
        /// Since the comparison came: older reports do not have it.
        let inventory: String?
        let findings: [ReportFinding]
    }

    private struct ReportFinding: Decodable {
        let rule: String
        let severity: String
        let file: String
        let line: Int
        let column: Int
        let account: String?
        let unit: String?
        let field: String?
        let message: String
    }
    // swiftlint:enable identifier_name
}
