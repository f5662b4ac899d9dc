import Foundation
import HeraldCore
import SwiftCSV

/// Reads a tool's export: CSV (any of the delimiters spreadsheet programs write, with or without a byte
/// order mark, CRLF or LF, quoted fields with line breaks, columns in any order) with SwiftCSV, or JSON (an
/// array of objects, or an object with one array) with Foundation. Columns are matched to the format's keys
/// without regard to letter case, spaces or underscores, or through a mapping (`ExportMapping`).
public enum ExportReader {
    /// A CSV file's header and rows (each field a string) and the line each row starts on, read as
    /// exports are: for `herald import` too.
    /// - Throws: as `read(_:mapping:)`.
    public static func table(_ path: String) throws(ProblemList) -> (header: [String], rows: [[String]], lines: [Int]) {
        guard let data = FileManager.default.contents(atPath: path) else { throw problems(path, 1, 1, "the file cannot be read: check the path") }
        guard let text = String(data: data, encoding: .utf8) else {
            throw problems(path, 1, 1, "the file is not UTF-8 text: export it again as \"CSV UTF-8\" (or save it as UTF-8)")
        }
        let records = try csvRecords(text, file: path)
        return (records.header, records.rows, records.lines)
    }

    /// The export at `path`, read with `mapping`.
    /// - Throws: every problem with its row and column and the fix: a file that cannot be read, a quote
    ///   out of place, a row with more fields than the header, no column for the handle or the url, a
    ///   platform the mapping does not name.
    public static func read(_ path: String, mapping: ExportMapping = ExportMapping()) throws(ProblemList) -> ToolExport {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw problems(path, 1, 1, "the export cannot be read: check the path")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw problems(path, 1, 1, "the export is not UTF-8 text: export it again as \"CSV UTF-8\" (or save it as UTF-8)")
        }
        let trimmed = text.drop { $0 == "\u{FEFF}" || $0.isWhitespace }
        let records = trimmed.first == "[" || trimmed.first == "{" ? try jsonRecords(data, file: path) : try csvRecords(text, file: path)
        return try export(records, file: path, mapping: mapping)
    }

    /// A header row and the rows under it, each field a string, and the line each row starts on.
    typealias Records = (header: [String], rows: [[String]], lines: [Int])

    static func csvRecords(_ text: String, file: String) throws(ProblemList) -> Records {
        let content = text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
        let delimiter = CSVDelimiter.guessed(string: content)
        func parse(_ text: String) throws -> [[String]] {
            var rows: [[String]] = []
            try EnumeratedCSV(string: text, delimiter: delimiter, loadColumns: false).enumerateAsArray(startAt: 0, rowLimit: nil) { rows.append($0) }
            return rows
        }
        let rows: [[String]]
        do {
            rows = try parse(content)
        } catch {
            // SwiftCSV says what is wrong but not where: the first line at which the file stops parsing is
            // found by parsing ever longer beginnings of it (only when the file is broken). Lines end at LF
            // or CRLF (one Character in Swift).
            let lines = content.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
            var good = 0, bad = lines.count
            while bad - good > 1 {
                let middle = (good + bad) / 2
                if (try? parse(lines.prefix(middle).joined(separator: "\n"))) != nil { good = middle } else { bad = middle }
            }
            let reason = (error as? CSVParseError).map { error -> String in
                switch error { case let .quotation(message), let .generic(message): return message }
            } ?? "\(error)"
            throw problems(file, bad, 1, "line \(bad) cannot be read as CSV (\(reason)): a quote is out of place; quote the whole field, and write a quote inside it as two quotes")
        }
        // SwiftCSV takes a quote that is never closed as a field running to the end of the file: a broken
        // export must not read as one with fewer rows. Where the quotes stop pairing up is where it opened.
        var quotes = 0, openedOn = 0
        for (number, line) in content.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
            let before = quotes
            quotes += line.count { $0 == "\"" }
            if before % 2 == 0 && quotes % 2 == 1 { openedOn = number + 1 }
        }
        if quotes % 2 == 1 {
            throw problems(file, openedOn, 1, "line \(openedOn) opens a quoted field that is never closed: close the quote, or write a quote inside a field as two quotes")
        }
        guard let header = rows.first, header.contains(where: { !$0.isEmpty }) else {
            throw problems(file, 1, 1, "the export has no header row: its first row names the columns (platform, handle, url, …)")
        }
        var problemsFound: [Problem] = []
        for (offset, row) in rows.enumerated().dropFirst() where row.count > header.count && row.dropFirst(header.count).contains(where: { !$0.isEmpty }) {
            problemsFound.append(Problem(file: file, location: SourceLocation(line: offset + 1, column: header.count + 1),
                                         message: "row \(offset + 1) has \(row.count) fields and the header \(header.count): a field holds the delimiter without quotes; quote it"))
        }
        guard problemsFound.isEmpty else { throw ProblemList(problemsFound) }
        // The line each row starts on: one more than the last row's, plus the line breaks inside its fields.
        var lines: [Int] = []
        var line = 1 + header.reduce(0) { $0 + $1.count(where: \.isNewline) }
        for row in rows.dropFirst() {
            line += 1
            lines.append(line)
            line += row.reduce(0) { $0 + $1.count(where: \.isNewline) }
        }
        return (header, Array(rows.dropFirst()), lines)
    }

    static func jsonRecords(_ data: Data, file: String) throws(ProblemList) -> Records {
        let value: Any
        do { value = try JSONSerialization.jsonObject(with: data) } catch {
            throw problems(file, 1, 1, "the export is not JSON (\(error.localizedDescription))")
        }
        let objects: [[String: Any]]
        if let array = value as? [[String: Any]] {
            objects = array
        } else if let object = value as? [String: Any], object.count == 1, let array = object.values.first as? [[String: Any]] {
            objects = array
        } else {
            throw problems(file, 1, 1, "a JSON export is a list of accounts, each an object with platform, handle or url, …")
        }
        let header = Array(Set(objects.flatMap(\.keys))).sorted()
        // A JSON export has no rows to point at: each object is numbered as a row would be (the first is 2).
        let rows = objects.map { object in
            header.map { key -> String in
                switch object[key] {
                case let text as String: return text
                case let list as [String]: return list.joined(separator: ";")
                case let number as NSNumber: return number.stringValue
                default: return ""
                }
            }
        }
        return (header, rows, rows.indices.map { $0 + 2 })
    }

    /// The export's rows as Herald reads them. In a JSON export a "row" is the position in the list, plus one.
    static func export(_ records: Records, file: String, mapping: ExportMapping) throws(ProblemList) -> ToolExport {
        func normalized(_ name: String) -> String { name.lowercased().filter { $0.isLetter || $0.isNumber } }
        var columns: [String: Int] = [:]
        // The mapping's column where the export has it, else the format's own name: one mapping can serve
        // an export in Herald's own form as well.
        for field in ExportMapping.fields {
            for name in [mapping.columns[field], field].compactMap({ $0 }) {
                if let index = records.header.firstIndex(where: { normalized($0) == normalized(name) }) {
                    columns[field] = index
                    break
                }
            }
        }
        if mapping.columns.isEmpty, columns["url"] == nil, let index = records.header.firstIndex(where: { ["profilelink", "profileurl", "link"].contains(normalized($0)) }) {
            columns["url"] = index
        }
        guard columns["handle"] != nil || columns["url"] != nil else {
            throw problems(file, 1, 1, "no column holds the handle or the profile url (the header has \(records.header.joined(separator: ", "))): name one `handle` or `url`, or map it with --map")
        }
        var problemsFound: [Problem] = []
        var rows: [ToolExport.Row] = []
        for (offset, fields) in records.rows.enumerated() {
            let number = offset + 2
            func value(_ field: String) -> String? {
                guard let index = columns[field], index < fields.count else { return nil }
                let text = fields[index].trimmingCharacters(in: .whitespacesAndNewlines)
                return text.isEmpty ? nil : text
            }
            guard fields.contains(where: { !$0.trimmingCharacters(in: .whitespaces).isEmpty }) else { continue }
            var platform = value("platform").flatMap(mapping.platform)
            if let named = value("platform"), platform == nil {
                problemsFound.append(Problem(file: file, location: SourceLocation(line: number, column: columns["platform"]! + 1),
                                             message: "\"\(named)\" is not a platform Herald knows: map it under `platforms:` in the mapping (for example `\(named): x`)"))
                continue
            }
            if platform == nil, let url = value("url") {
                platform = Platform.allCases.first { candidate in
                    if case .profile = ProfileAddress.read(url, on: PlatformProfile.of(candidate)), candidate != .mastodon { return true }
                    return false
                }
            }
            rows.append(ToolExport.Row(
                row: number, line: records.lines[offset], platform: platform, handle: value("handle"), url: value("url"), name: value("name"), bio: value("bio"),
                // E-mail addresses hold neither `;` nor `,`: either separates them, as tools write lists.
                admins: value("admins")?.split { $0 == ";" || $0 == "," || $0.isNewline }.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
                    .filter { !$0.isEmpty } ?? [],
                lastPost: value("last_post"), status: value("status"),
                disconnected: value("status").map { mapping.disconnected.contains($0.lowercased()) } ?? false,
                columns: columns.mapValues { $0 + 1 }))
        }
        guard problemsFound.isEmpty else { throw ProblemList(problemsFound) }
        return ToolExport(file: file, rows: rows)
    }

    private static func problems(_ file: String, _ line: Int, _ column: Int, _ message: String) -> ProblemList {
        ProblemList([Problem(file: file, location: SourceLocation(line: line, column: column), message: message)])
    }
}
