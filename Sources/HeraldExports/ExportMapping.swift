import Foundation
import HeraldCore

/// How to read one tool's export (`herald reconcile --map FILE`): which column holds each field, which
/// values name each platform, which statuses mean disconnected. An export whose columns are named like the
/// format's own keys needs none. A YAML file:
///
/// ```yaml
/// columns:                # the format's key: the export's column (letter case and spaces do not count)
///   platform: Network
///   handle: Profile handle
///   url: Profile link
///   admins: People with access
///   status: Connection
/// platforms:              # the export's value: Herald's platform
///   Twitter: x
///   Facebook Page: facebook
/// disconnected: [Disconnected, Token expired]
/// ```
///
/// Admins' e-mail addresses may be separated by `;` or `,` (an address holds neither).
public struct ExportMapping: Sendable {
    /// The format's own keys, which an export may use as its column names.
    public static let fields = ["platform", "handle", "url", "name", "bio", "admins", "last_post", "status"]
    static let keys = ["columns", "platforms", "disconnected"]

    /// The column name of each field, as the mapping names it.
    public var columns: [String: String] = [:]
    /// Platform names as the export writes them (lower case) → Herald's platforms.
    public var platforms: [String: Platform] = [:]
    /// Status values (lower case) that mean the tool lost its connection.
    public var disconnected: Set<String> = ["disconnected", "disconnect", "expired", "token expired", "reauthorize", "reconnect"]

    public init() {}

    /// The mapping at `path`.
    /// - Throws: its problems, each with the line and column and the fix.
    public static func read(_ path: String) throws(ProblemList) -> ExportMapping {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ProblemList([Problem(file: path, location: .startOfFile, message: "the mapping cannot be read: check the path")])
        }
        let document = try YAMLDocument(Array(data), file: path)
        var mapping = ExportMapping()
        var problems: [Problem] = []
        for (key, value, location) in document.entries {
            switch key {
            case "columns":
                for (field, column, place) in value.entries {
                    guard fields.contains(field) else {
                        problems.append(Problem(file: path, location: place, message: "\"\(field)\" is not a field of an export: use \(fields.joined(separator: ", "))"))
                        continue
                    }
                    mapping.columns[field] = column.text ?? ""
                }
            case "platforms":
                for (name, platform, place) in value.entries {
                    guard let id = platform.text, let value = Platform(rawValue: id) else {
                        problems.append(Problem(file: path, location: place, message: "\"\(platform.text ?? "")\" is not a platform: use \(Platform.allCases.map(\.rawValue).joined(separator: ", "))"))
                        continue
                    }
                    mapping.platforms[name.lowercased()] = value
                }
            case "disconnected":
                mapping.disconnected = Set(value.list.map { $0.lowercased() })
            default:
                problems.append(Problem(file: path, location: location, message: "\"\(key)\" is not a key of a mapping: use \(keys.joined(separator: ", "))"))
            }
        }
        guard problems.isEmpty else { throw ProblemList(problems) }
        return mapping
    }

    /// The platform a value of the platform column names: the mapping's, else Herald's own id or a
    /// platform's usual name (`Twitter`, `X (Twitter)`, `LinkedIn Page`).
    func platform(_ value: String) -> Platform? {
        let lowered = value.lowercased().trimmingCharacters(in: .whitespaces)
        if let mapped = platforms[lowered] { return mapped }
        if let platform = Platform(rawValue: lowered) { return platform }
        if lowered.hasPrefix("twitter") || lowered.hasPrefix("x (") { return .x }
        return Platform.allCases.first { lowered.hasPrefix($0.rawValue + " ") }
    }
}
