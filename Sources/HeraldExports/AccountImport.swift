import Foundation
import HeraldCore

/// A spreadsheet of accounts (`herald import`) as account files, and the units and people it names. Columns
/// are matched to the format's keys without regard to letter case, spaces or underscores, with the names
/// spreadsheets use (`Profile link` for url, `Department` for unit); a mapping names the rest.
public enum AccountImport {
    /// A person the owners column names that `people.yaml` does not hold yet.
    public struct NewPerson: Sendable, Equatable {
        public let id: String
        public let name: String
        public let email: String?
        public let unit: String
    }

    /// One file to write: its path inside the inventory and its text.
    public struct File: Sendable, Equatable {
        public let path: String
        public let text: String

        public init(path: String, text: String) {
            self.path = path
            self.text = text
        }
    }

    /// The account keys a spreadsheet may fill, each with the column names it is known by.
    static let columns: [(key: String, names: [String])] = [
        ("platform", ["platform", "network", "site"]), ("handle", ["handle", "username", "user name", "account"]),
        ("url", ["url", "profile link", "profile url", "link", "address"]), ("unit", ["unit", "department", "office", "team"]),
        ("name", ["name", "display name", "account name"]), ("bio", ["bio", "description"]), ("owners", ["owners", "owner", "managed by"]),
        ("status", ["status"]), ("created", ["created"]), ("last_reviewed", ["last reviewed", "reviewed"]), ("two_factor", ["two factor", "2fa", "mfa"]),
        ("credentials", ["credentials", "vault", "password manager"]), ("recovery_email", ["recovery email", "recovery"]), ("last_post", ["last post"]),
        ("escalation", ["escalation", "escalation contact"]),
    ]

    /// The files the rows make: an account file per row, a unit file per unit not yet in `units`, and the
    /// people the owners column names that `people` does not hold yet (by id, name or e-mail).
    /// - Parameter mapping: a spreadsheet column name for an account key, where the defaults do not find it.
    /// - Throws: every row that cannot be converted, with its row number and why; nothing is made then.
    public static func files(header: [String], rows: [[String]], file: String, mapping: [String: String],
                             units: [String: HeraldCore.Unit], people: [Person]) throws(ProblemList) -> (accounts: [File], units: [File], people: [NewPerson]) {
        func normalized(_ name: String) -> String { name.lowercased().filter { $0.isLetter || $0.isNumber } }
        var index: [String: Int] = [:]
        for (key, names) in columns {
            for name in [mapping[key]].compactMap({ $0 }) + names {
                if let column = header.firstIndex(where: { normalized($0) == normalized(name) }) { index[key] = column; break }
            }
        }
        guard index["platform"] != nil || index["url"] != nil, index["handle"] != nil || index["url"] != nil else {
            throw ProblemList([Problem(file: file, location: .startOfFile,
                message: "no column holds the platform and the handle or the profile link (the header has \(header.joined(separator: ", "))): name them Platform and Handle, or give --map")])
        }
        var problems: [Problem] = []
        var accounts: [File] = [], newUnits: [String: String] = [:], newPeople: [NewPerson] = []
        var knownPeople = people.map { (id: $0.id, name: $0.name, email: $0.email) }
        var paths = Set<String>()
        for (offset, fields) in rows.enumerated() where fields.contains(where: { !$0.trimmingCharacters(in: .whitespaces).isEmpty }) {
            let row = offset + 2
            func value(_ key: String) -> String? {
                guard let column = index[key], column < fields.count else { return nil }
                // A line break in a cell is written CRLF by spreadsheet programs: kept as a plain line break.
                let text = fields[column].trimmingCharacters(in: .whitespacesAndNewlines)
                    .replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
                return text.isEmpty ? nil : text
            }
            func fail(_ message: String) { problems.append(Problem(file: file, location: SourceLocation(line: row, column: 1), message: "row \(row): \(message)")) }
            var platform = value("platform").flatMap(ExportMapping().platform)
            var handle = value("handle").map(AccountIdentifiers.bare)
            if let url = value("url") {
                for candidate in platform.map({ [$0] }) ?? Platform.allCases.filter({ $0 != .mastodon }) {
                    if case let .profile(_, identifier, _) = ProfileAddress.read(url, on: PlatformProfile.of(candidate)) {
                        platform = platform ?? candidate
                        handle = handle ?? identifier
                        break
                    }
                }
            }
            guard let platform else { fail("the platform is missing or not one Herald knows (\(value("platform") ?? "empty")): write one of \(Platform.allCases.map(\.rawValue).joined(separator: ", "))"); continue }
            guard let handle else { fail("neither a handle nor a profile link of \(platform.rawValue) is given"); continue }
            guard let unitName = value("unit") else { fail("the unit (department) is missing: every account belongs to one"); continue }
            let unitID = units.values.first { $0.name.lowercased() == unitName.lowercased() || $0.id == unitName }?.id ?? slug(unitName)
            if units[unitID] == nil, newUnits[unitID] == nil { newUnits[unitID] = unitName }
            var owners: [String] = []
            for owner in (value("owners") ?? "").split(whereSeparator: { $0 == ";" || $0 == "," }).map({ $0.trimmingCharacters(in: .whitespaces) }) where !owner.isEmpty {
                if let person = knownPeople.first(where: { $0.id == owner || $0.name.lowercased() == owner.lowercased() || $0.email?.lowercased() == owner.lowercased() }) {
                    owners.append(person.id)
                    continue
                }
                let isEmail = owner.contains("@")
                let id = slug(isEmail ? String(owner.split(separator: "@")[0]) : owner)
                guard !id.isEmpty, !knownPeople.contains(where: { $0.id == id }) else { fail("owner \"\(owner)\" would take the id \(id), which another person has: add them to people.yaml first"); continue }
                let person = NewPerson(id: id, name: isEmail ? id : owner, email: isEmail ? owner : nil, unit: unitID)
                knownPeople.append((person.id, person.name, person.email))
                newPeople.append(person)
                owners.append(id)
            }
            let path = "accounts/\(unitID)/\(AccountIdentifiers.fileStem(platform: platform, handle: handle)).yaml"
            guard paths.insert(path).inserted else { fail("\(platform.rawValue) @\(handle) is on another row too: keep one row per account"); continue }
            var lines = ["platform: \(platform.rawValue)", "handle: \(YAMLDocument.quoted(handle))"]
            if let url = value("url") { lines.append("url: \(YAMLDocument.quoted(url))") }
            lines.append("unit: \(unitID)")
            for key in ["name", "bio"] { if let text = value(key) { lines.append("\(key): \(YAMLDocument.quoted(text))") } }
            if !owners.isEmpty { lines.append("owners: [\(owners.joined(separator: ", "))]") }
            lines.append("status: \(value("status")?.lowercased() ?? "active")")
            for key in ["created", "last_reviewed", "last_post"] { if let text = value(key) { lines.append("\(key): \(text)") } }
            if let text = value("two_factor") { lines.append("two_factor: \(["yes", "true", "on", "1"].contains(text.lowercased()) ? "true" : "false")") }
            for key in ["credentials", "recovery_email", "escalation"] { if let text = value(key) { lines.append("\(key): \(YAMLDocument.quoted(text))") } }
            accounts.append(File(path: path, text: "# Imported from \(URL(fileURLWithPath: file).lastPathComponent), row \(row).\n" + lines.joined(separator: "\n") + "\n"))
        }
        guard problems.isEmpty else { throw ProblemList(problems) }
        let unitFiles = newUnits.keys.sorted().map { id in
            File(path: "units/\(id).yaml", text: "# Made by herald import: add the unit's maintainers (person ids) and its standards.\nid: \(id)\nname: \(YAMLDocument.quoted(newUnits[id]!))\nmaintainers: []\n")
        }
        return (accounts, unitFiles, newPeople)
    }

    /// `Parks & Recreation` → `parks-recreation`; `Zoë Núñez` → `zoe-nunez` (accents folded).
    static func slug(_ text: String) -> String {
        let words = text.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil).lowercased()
            .split { !($0.isASCII && ($0.isLetter || $0.isNumber)) }
        return words.joined(separator: "-")
    }

}
