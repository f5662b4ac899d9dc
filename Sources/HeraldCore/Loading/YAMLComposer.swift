import CLibYAML

/// Builds a `YAMLNode` tree from libyaml's parse events. Yams builds a richer tree from the same events at
/// about twice the cost, and parsing 100,000 account files is most of an audit's time (docs/performance.md).
final class YAMLComposer {
    struct Failure: Error {
        let location: SourceLocation
        let problem: String
        let context: String?
    }

    private var parser = yaml_parser_t()
    private var anchors: [String: YAMLNode] = [:]
    /// Registry files are two or three levels deep; a limit keeps a hostile file from exhausting the stack.
    private static let maximumDepth = 32

    /// Parses exactly one document (or none) from UTF-8 bytes.
    static func compose(_ bytes: UnsafeBufferPointer<UInt8>) throws(Failure) -> YAMLNode? {
        let composer = YAMLComposer(bytes)
        return try composer.document()
    }

    private init(_ bytes: UnsafeBufferPointer<UInt8>) {
        yaml_parser_initialize(&parser)
        yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
        yaml_parser_set_input_string(&parser, bytes.baseAddress, bytes.count)
    }

    deinit {
        yaml_parser_delete(&parser)
    }

    private func document() throws(Failure) -> YAMLNode? {
        var root: YAMLNode?
        var documents = 0
        while true {
            var event = try next()
            defer { yaml_event_delete(&event) }
            switch event.type {
            case YAML_STREAM_END_EVENT:
                return root
            case YAML_DOCUMENT_START_EVENT:
                documents += 1
                if documents > 1 {
                    throw Failure(location: Self.location(event.start_mark), problem: "a second document starts here", context: "an account file holds one document")
                }
            case YAML_STREAM_START_EVENT, YAML_DOCUMENT_END_EVENT:
                continue
            default:
                root = try node(from: &event, depth: 0)
            }
        }
    }

    private func next() throws(Failure) -> yaml_event_t {
        var event = yaml_event_t()
        guard yaml_parser_parse(&parser, &event) == 1 else {
            let problem = parser.problem.map { String(cString: $0) } ?? "unreadable YAML"
            let context = parser.context.map { String(cString: $0) }
            // For an unfinished quote or bracketed list the useful place is where it began, not where the
            // parser gave up (often the next line or the end of the file).
            let unfinished = problem.contains("end of stream") || (context ?? "").contains("flow") || (context ?? "").contains("quoted")
            let mark = unfinished && context != nil ? parser.context_mark : parser.problem_mark
            throw Failure(location: Self.location(mark), problem: problem, context: context)
        }
        return event
    }

    private func node(from event: inout yaml_event_t, depth: Int) throws(Failure) -> YAMLNode {
        let location = Self.location(event.start_mark)
        guard depth < Self.maximumDepth else {
            throw Failure(location: location, problem: "lists and keys are nested more than \(Self.maximumDepth) levels deep here", context: nil)
        }
        switch event.type {
        case YAML_ALIAS_EVENT:
            let name = String(cString: event.data.alias.anchor)
            guard let node = anchors[name] else {
                throw Failure(location: location, problem: "the alias *\(name) names no anchor &\(name) above it", context: nil)
            }
            return node.relocated(to: location)
        case YAML_SCALAR_EVENT:
            let scalar = event.data.scalar
            let text = String(decoding: UnsafeBufferPointer(start: scalar.value, count: scalar.length), as: UTF8.self)
            let style: YAMLScalarStyle = switch scalar.style {
            case YAML_PLAIN_SCALAR_STYLE: .plain
            case YAML_LITERAL_SCALAR_STYLE, YAML_FOLDED_SCALAR_STYLE: .block
            default: .quoted
            }
            return remember(.scalar(text, style, location), anchor: scalar.anchor)
        case YAML_SEQUENCE_START_EVENT:
            let anchor = event.data.sequence_start.anchor.map { String(cString: $0) }
            var items: [YAMLNode] = []
            while true {
                var child = try next()
                defer { yaml_event_delete(&child) }
                if child.type == YAML_SEQUENCE_END_EVENT { break }
                items.append(try node(from: &child, depth: depth + 1))
            }
            return remember(.sequence(items, location), anchorName: anchor)
        case YAML_MAPPING_START_EVENT:
            let anchor = event.data.mapping_start.anchor.map { String(cString: $0) }
            var pairs: [YAMLPair] = []
            pairs.reserveCapacity(16)
            while true {
                var keyEvent = try next()
                defer { yaml_event_delete(&keyEvent) }
                if keyEvent.type == YAML_MAPPING_END_EVENT { break }
                let key = try node(from: &keyEvent, depth: depth + 1)
                var valueEvent = try next()
                defer { yaml_event_delete(&valueEvent) }
                pairs.append(YAMLPair(key: key, value: try node(from: &valueEvent, depth: depth + 1)))
            }
            return remember(.mapping(pairs, location), anchorName: anchor)
        default:
            throw Failure(location: location, problem: "unexpected YAML structure", context: nil)
        }
    }

    private func remember(_ node: YAMLNode, anchor: UnsafeMutablePointer<yaml_char_t>?) -> YAMLNode {
        remember(node, anchorName: anchor.map { String(cString: $0) })
    }

    private func remember(_ node: YAMLNode, anchorName: String?) -> YAMLNode {
        if let anchorName { anchors[anchorName] = node }
        return node
    }

    private static func location(_ mark: yaml_mark_t) -> SourceLocation {
        SourceLocation(line: mark.line + 1, column: mark.column + 1)
    }
}
