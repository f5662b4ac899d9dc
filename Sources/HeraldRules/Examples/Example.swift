import Foundation

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

    /// The account file the example is about, markers included.
    public let yaml: String
    /// Its path under `accounts/`.
    public let path: String
    public let alongside: [File]

    public init(yaml: String, path: String? = nil, alongside: [File] = []) {
        self.yaml = yaml
        self.path = path ?? Example.derivedPath(Example.removingMarkers(yaml))
        self.alongside = alongside
    }

    /// The example account of `ExampleOrganisation` (it passes every rule) with some lines changed:
    /// a key mapped to nil is removed, a key not in the base account is added at the end.
    public static func account(_ changes: KeyValuePairs<String, String?> = [:], path: String? = nil, alongside: [File] = []) -> Example {
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
        return Example(yaml: lines.map { "\($0.key): \($0.value)\n" }.joined(), path: path, alongside: alongside)
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
        return "\(value("unit"))/\(value("platform"))-\(value("handle").lowercased()).yaml"
    }
}
