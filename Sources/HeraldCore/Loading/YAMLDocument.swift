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
}
