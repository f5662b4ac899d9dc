import Foundation
import HeraldCore

/// The history file of `herald audit --history FILE`: one line of JSON per audit date (JSON Lines), oldest
/// first, that the nightly job commits:
///
/// ```json
/// {"as_of": "2026-11-24", "accounts": 61, "failing_accounts": 19, "errors": 26, "warnings": 9, "units": {"parks": {"errors": 1, "warnings": 0, "failing_accounts": 1}}, "rules": {"owner-assigned": 3}}
/// ```
///
/// Counts are findings that count (neither waived nor baselined). Keys are sorted and there is no
/// wall-clock time, so the same history and audit give the same file; an audit of a date already in the
/// file replaces that date's line.
public enum HistoryFile {
    /// The points of the history at `path`; none when the file does not exist yet.
    /// - Throws: one problem per line that is not a history line, with its line number and the fix.
    public static func read(_ path: String) throws(ProblemList) -> [AuditTrend.Point] {
        guard FileManager.default.fileExists(atPath: path) else { return [] }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ProblemList([Problem(file: path, location: .startOfFile, message: "the history file cannot be read: check its permissions")])
        }
        return try parse(data, file: path)
    }

    /// The points of the history in `data`, read as the file `file`.
    /// - Throws: as `read(_:)`.
    public static func parse(_ data: Data, file: String) throws(ProblemList) -> [AuditTrend.Point] {
        var points: [AuditTrend.Point] = []
        var problems: [Problem] = []
        for (number, line) in data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).enumerated() where !line.isEmpty {
            do {
                let decoded = try JSONDecoder().decode(Line.self, from: Data(line))
                guard let date = CalendarDate(decoded.as_of) else { throw DecodingError.dataCorrupted(.init(codingPath: [], debugDescription: "as_of")) }
                points.append(AuditTrend.Point(
                    asOf: date, accounts: decoded.accounts, failingAccounts: decoded.failing_accounts, errors: decoded.errors, warnings: decoded.warnings,
                    units: decoded.units.mapValues { AuditTrend.UnitPoint(errors: $0.errors, warnings: $0.warnings, failingAccounts: $0.failing_accounts) },
                    rules: decoded.rules))
            } catch {
                problems.append(Problem(file: file, location: SourceLocation(line: number + 1, column: 1),
                                        message: "this is not a line of a Herald history (one JSON object with as_of, accounts, failing_accounts, errors, warnings, units and rules): restore the line from git, or delete it"))
            }
        }
        guard problems.isEmpty else { throw ProblemList(problems) }
        return points
    }

    /// The whole file for `trend`: one line per point, oldest first.
    public static func render(_ trend: AuditTrend) -> [UInt8] {
        trend.points.flatMap { line(for: $0) + [UInt8(ascii: "\n")] }
    }

    static func line(for point: AuditTrend.Point) -> [UInt8] {
        var json = JSONWriter(compact: true)
        json.object { json in
            json.key("as_of"); json.string(point.asOf.description)
            json.key("accounts"); json.number(point.accounts)
            json.key("failing_accounts"); json.number(point.failingAccounts)
            json.key("errors"); json.number(point.errors)
            json.key("warnings"); json.number(point.warnings)
            json.key("units"); json.object { json in
                for id in point.units.keys.sorted() {
                    let unit = point.units[id]!
                    json.key(computed: id); json.object { json in
                        json.key("errors"); json.number(unit.errors)
                        json.key("warnings"); json.number(unit.warnings)
                        json.key("failing_accounts"); json.number(unit.failingAccounts)
                    }
                }
            }
            json.key("rules"); json.object { json in
                for id in point.rules.keys.sorted() { json.key(computed: id); json.number(point.rules[id]!) }
            }
        }
        return json.drain()
    }

    // The names are the file's keys.
    // swiftlint:disable identifier_name
    private struct Line: Decodable {
        let as_of: String
        let accounts: Int
        let failing_accounts: Int
        let errors: Int
        let warnings: Int
        let units: [String: UnitLine]
        let rules: [String: Int]
    }

    private struct UnitLine: Decodable {
        let errors: Int
        let warnings: Int
        let failing_accounts: Int
    }
    // swiftlint:enable identifier_name
}
