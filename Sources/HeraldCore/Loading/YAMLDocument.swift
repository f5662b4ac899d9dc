/// A small YAML file read with the registry's own reader, for the files that sit beside the registry
/// (an export mapping): its values, each with its place, and nothing of the node tree.
public struct YAMLDocument {
    /// One value: text, a list, or `key: value` entries.
    public struct Value {
        let node: YAMLNode

        /// The text of a single value; nil for a list or a mapping.
        public var text: String? {
            guard case let .scalar(text, _, _) = node, !node.isNull else { return nil }
            return text
        }

        /// The texts of a list (a single value is a list of one).
        public var list: [String] {
            switch node {
            case let .sequence(items, _): return items.compactMap { Value(node: $0).text }
            default: return text.map { [$0] } ?? []
            }
        }

        /// The entries of a mapping, in file order: key, value, and where the key is.
        public var entries: [(key: String, value: Value, location: SourceLocation)] {
            guard case let .mapping(pairs, _) = node else { return [] }
            return pairs.compactMap { pair in
                guard case let .scalar(key, _, location) = pair.key else { return nil }
                return (key, Value(node: pair.value), location)
            }
        }

        public var location: SourceLocation { node.location }
    }

    public let root: Value

    /// - Throws: the file's problem (not YAML, not UTF-8, not a set of `key: value` lines) with its place.
    public init(_ bytes: [UInt8], file: String) throws(ProblemList) {
        switch YAMLText.parse(bytes, file: file) {
        case let .failure(problem): throw ProblemList([problem])
        case let .success(parsed):
            guard let node = parsed.node, case .mapping = node else {
                throw ProblemList([Problem(file: file, location: parsed.node?.location ?? .startOfFile,
                                           message: "the file must be a set of `key: value` lines")])
            }
            root = Value(node: node)
        }
    }

    /// The top-level entries.
    public var entries: [(key: String, value: Value, location: SourceLocation)] { root.entries }

    /// `value` as a YAML double-quoted scalar that reads back exactly: `"` and `\` escaped, line feeds as
    /// `\n`, control characters, bidirectional overrides and anything unprintable as `\x`, `\u` or `\U`
    /// escapes (YAML 1.1 §5.7); other text, accented letters included, as written. What Herald writes into
    /// files people edit (`herald init`, `herald import`, the baseline).
    public static func quoted(_ value: String) -> String {
        var out = "\""
        for scalar in value.unicodeScalars {
            switch scalar.value {
            case 0x22: out += "\\\""
            case 0x5C: out += "\\\\"
            case 0x0A: out += "\\n"
            case 0x20 ... 0x7E, 0xA0 ... 0x2027, 0x202F ... 0x2065, 0x206A ... 0xFFFD where !(0x202A ... 0x202E).contains(scalar.value) && scalar.value != 0xFEFF:
                out.unicodeScalars.append(scalar)
            case 0 ... 0xFF: out += "\\x" + hex(scalar.value, 2)
            case 0x100 ... 0xFFFF: out += "\\u" + hex(scalar.value, 4)
            default: out += "\\U" + hex(scalar.value, 8)
            }
        }
        return out + "\""
    }

    private static func hex(_ value: UInt32, _ digits: Int) -> String {
        let text = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: digits - text.count) + text
    }
}
