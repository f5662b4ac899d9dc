import Foundation
import HeraldCore

/// An account file that a rule must pass or fail. In a failing example, `↓` marks each place a finding
/// must point at (it is removed before the YAML is read).
public struct Example: Sendable {
    /// Another account file in the same example registry.
    public struct File: Sendable {
        /// Path under `accounts/`, like `parks/x-fairhavenparks.yaml`.
        public let path: String
        public let yaml: String

        public init(path: String, yaml: String) {
            self.path = path
            self.yaml = yaml
        }
    }

    /// Which file of the example registry the example is about.
    public enum Subject: Sendable, Equatable {
        case account
        /// `people.yaml`, in place of the example organisation's.
        case people
        /// `units/<id>.yaml`, in place of the example organisation's unit of that id.
        case unit(String)
        /// `impostors.yaml` (the example organisation has none of its own).
        case impostors
        /// A tool's export (`exports`), beside the example organisation's passing account.
        case export
        /// `herald.yaml`, in place of the example organisation's, in an inventory with no account file.
        case settingsWithoutAccounts
    }

    /// The file the example is about, markers included.
    public let yaml: String
    /// Its path under `accounts/` (for an account) or under the inventory folder (`people.yaml`, `units/parks.yaml`).
    public let path: String
    public let subject: Subject
    public let alongside: [File]
    /// `people.yaml` in place of the example organisation's, when an account example needs other people.
    public let people: String?
    /// Unit files in place of the example organisation's, by unit id, when an account example needs other standards.
    public let units: [String: String]
    /// Git's record of the example's file, for the rules that read it (`--git`); nil: the audit has no
    /// history, and those rules look at no account.
    public private(set) var history: History?
    /// `reviews_from_git: true` in the example organisation's `herald.yaml`.
    public private(set) var reviewsFromGit = false
    /// The tools' exports the example is reconciled with (`herald reconcile`); nil: none, and the
    /// reconcile rules look at nothing.
    public private(set) var exports: [ToolExport]?

    /// The example reconciled with one export of `rows` (each a row's fields by the format's keys:
    /// platform, handle, url, name, bio, admins separated by `;`, last_post, status; `disconnected: yes`
    /// marks a row the tool reports as disconnected), named `tool-export.csv`, header row 1.
    public func with(export rows: [KeyValuePairs<String, String>]) -> Example {
        var example = self
        example.exports = [ToolExport(file: Example.exportFile, rows: rows.enumerated().map { number, fields in
            func value(_ key: String) -> String? { fields.first { $0.key == key }?.value }
            let order = ["platform", "handle", "url", "name", "bio", "admins", "last_post", "status"]
            return ToolExport.Row(row: number + 2, platform: value("platform").flatMap(Platform.init(rawValue:)), handle: value("handle"),
                                  url: value("url"), name: value("name"), bio: value("bio"),
                                  admins: value("admins")?.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces).lowercased() } ?? [],
                                  lastPost: value("last_post"), status: value("status"), disconnected: value("disconnected") == "yes",
                                  columns: Dictionary(uniqueKeysWithValues: order.enumerated().map { ($1, $0 + 1) }))
        })]
        return example
    }

    /// The export's name in examples: findings in it name this file.
    public static let exportFile = "tool-export.csv"

    /// An example whose subject is a tool's export: its findings are in `tool-export.csv`.
    public static func export(_ rows: [KeyValuePairs<String, String>]) -> Example {
        var example = Example(organisationFile: "", subject: .export, path: exportFile)
        example = example.with(export: rows)
        return example
    }

    /// The commits that changed the example's file, newest first, and whether the working tree holds it
    /// otherwise.
    public struct History: Sendable {
        public let commits: [Commit]
        public let isUncommitted: Bool

        public init(_ commits: [Commit], isUncommitted: Bool = false) {
            self.commits = commits
            self.isUncommitted = isUncommitted
        }
    }

    /// A commit that changed the example's file: its date and its `Reviewed-by:` trailers.
    public struct Commit: Sendable {
        public let date: String
        public let reviewedBy: [String]

        public init(_ date: String, reviewedBy: [String] = []) {
            self.date = date
            self.reviewedBy = reviewedBy
        }
    }

    /// The example with git's record of its file (and, with `reviewsFromGit`, an organisation that takes
    /// review dates from it).
    public func with(history: History, reviewsFromGit: Bool = false) -> Example {
        var example = self
        example.history = history
        example.reviewsFromGit = reviewsFromGit
        return example
    }

    public init(yaml: String, path: String? = nil, alongside: [File] = [], people: String? = nil, units: [String: String] = [:]) {
        self.yaml = yaml
        self.path = path ?? Example.derivedPath(Example.removingMarkers(yaml))
        self.subject = .account
        self.alongside = alongside
        self.people = people
        self.units = units
    }

    private init(organisationFile yaml: String, subject: Subject, path: String) {
        self.yaml = yaml
        self.path = path
        self.subject = subject
        self.alongside = []
        self.people = nil
        self.units = [:]
    }

    /// An example whose subject is `people.yaml`; the example organisation's passing account stays beside it.
    public static func people(_ yaml: String) -> Example {
        Example(organisationFile: yaml, subject: .people, path: "people.yaml")
    }

    /// An example whose subject is `impostors.yaml`; the example organisation's passing account, and
    /// `alongside`'s accounts, stay beside it.
    public static func impostors(_ yaml: String, alongside: [File] = []) -> Example {
        var example = Example(organisationFile: yaml, subject: .impostors, path: "impostors.yaml")
        example.alongsideImpostors = alongside
        return example
    }

    /// Account files beside an `impostors.yaml` example.
    public private(set) var alongsideImpostors: [File] = []

    /// An example whose subject is `herald.yaml`, in an inventory whose `accounts/` holds no file.
    public static func settingsWithoutAccounts(_ yaml: String) -> Example {
        Example(organisationFile: yaml, subject: .settingsWithoutAccounts, path: "herald.yaml")
    }

    /// An example whose subject is the unit file `units/<id>.yaml`.
    public static func unit(_ id: String, _ yaml: String) -> Example {
        Example(organisationFile: yaml, subject: .unit(id), path: "units/\(id).yaml")
    }

    /// The example's file as the audit names it (`Inventory/accounts/parks/x-fairhavenparks.yaml`).
    public var file: String {
        switch subject {
        case .account: return "Inventory/accounts/" + path
        case .export: return Example.exportFile
        default: return "Inventory/" + path
        }
    }

    /// The example account of `ExampleOrganisation` (it passes every rule) with some lines changed:
    /// a key mapped to nil is removed, a key not in the base account is added at the end.
    public static func account(_ changes: KeyValuePairs<String, String?> = [:], path: String? = nil, alongside: [File] = [],
                               people: String? = nil, units: [String: String] = [:]) -> Example {
        var lines = ExampleOrganisation.passingAccount
        for (key, value) in changes {
            let bareKey = removingMarkers(key)
            let index = lines.firstIndex { $0.key == bareKey }
            switch (index, value) {
            case let (index?, value?): lines[index] = (key, value)
            case let (index?, nil): lines.remove(at: index)
            case let (nil, value?): lines.append((key, value))
            case (nil, nil): break
            }
        }
        return Example(yaml: lines.map { "\($0.key): \($0.value)\n" }.joined(), path: path, alongside: alongside, people: people, units: units)
    }

    /// The YAML as a user would write it.
    public var text: String { Example.removingMarkers(yaml) }

    /// Where each `↓` sits in the text once the markers are gone (columns count Unicode scalars).
    public var markedLocations: [(line: Int, column: Int)] {
        var result: [(Int, Int)] = []
        var line = 1, column = 1
        for scalar in yaml.unicodeScalars {
            if scalar == "↓" { result.append((line, column)); continue }
            if scalar == "\n" { line += 1; column = 1 } else { column += 1 }
        }
        return result
    }

    static func removingMarkers(_ text: String) -> String { text.replacingOccurrences(of: "↓", with: "") }

    private static func derivedPath(_ yaml: String) -> String {
        func value(_ key: String) -> String {
            let line = yaml.split(separator: "\n").first { $0.hasPrefix(key + ":") } ?? ""
            return line.dropFirst(key.count + 1).trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "\"'"))
        }
        let handle = value("handle")
        return "\(value("unit"))/\(value("platform"))-\((handle.hasPrefix("@") ? String(handle.dropFirst()) : handle).lowercased()).yaml"
    }
}
