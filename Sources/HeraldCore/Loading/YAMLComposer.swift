import CLibYAML

/// Builds a `YAMLNode` tree from libyaml's parse events. Yams builds a richer tree from the same events at
/// about twice the cost, and parsing 100,000 account files is most of an audit's time (docs/performance.md).
final class YAMLComposer {
    struct Failure: Error {
        let location: SourceLocation
        let problem: String
        let context: String?
        /// True when `problem` is a whole message (a limit the file exceeds), not a YAML syntax error.
        var isLimit = false
    }

    /// What a file holds beside its first document that the loader reports but reads past.
    struct Notes {
        /// Where a second document with content starts (`---` then more keys): it is not read.
        var extraDocument: SourceLocation?
        /// Control characters written as escapes in double-quoted values (`"\e"`, `"\0"`, `"\x1b"`):
        /// removed from the value, reported where the value starts.
        var escapedControls: [(SourceLocation, [Unicode.Scalar])] = []
    }

    private var parser = yaml_parser_t()
    private var anchors: [String: (node: YAMLNode, size: Int)] = [:]
    /// Values built from events (written out in the file), and values reached through aliases: an alias
    /// stands for its anchor's whole subtree. Nodes are shared, not copied, but whoever walks the tree
    /// visits every value an alias stands for, so the budget counts them (`FileLimits`).
    private var written = 0, expanded = 0
    private(set) var notes = Notes()
    /// Registry files are two or three levels deep; a limit keeps a hostile file from exhausting the stack.
    private static let maximumDepth = 32

    /// Parses the first document (or none) from UTF-8 bytes; an empty second document (a file ending in
    /// `---`) is ignored, and one with content is noted, not read.
    static func compose(_ bytes: UnsafeBufferPointer<UInt8>) throws(Failure) -> YAMLNode? {
        try composeNoting(bytes).node
    }

    static func composeNoting(_ bytes: UnsafeBufferPointer<UInt8>) throws(Failure) -> (node: YAMLNode?, notes: Notes) {
        let composer = YAMLComposer(bytes)
        let node = try composer.document()
        return (node, composer.notes)
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
        var documentStart = SourceLocation.startOfFile
        while true {
            var event = try next()
            defer { yaml_event_delete(&event) }
            switch event.type {
            case YAML_STREAM_END_EVENT:
                return root
            case YAML_DOCUMENT_START_EVENT:
                documents += 1
                documentStart = Self.location(event.start_mark)
            case YAML_STREAM_START_EVENT, YAML_DOCUMENT_END_EVENT:
                continue
            default:
                let node = try node(from: &event, depth: 0)
                if documents <= 1 {
                    root = node
                } else if !node.isNull, notes.extraDocument == nil {
                    notes.extraDocument = documentStart
                }
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
            guard let (node, size) = anchors[name] else {
                throw Failure(location: location, problem: "the alias *\(name) names no anchor &\(name) above it", context: nil)
            }
            expanded += size
            let budget = max(FileLimits.aliasExpansionFloor, FileLimits.aliasExpansionPerWrittenValue * written)
            guard expanded <= budget else {
                throw Failure(location: location, problem: "the aliases of this file (like *\(name) here) stand for more values than Herald reads through aliases (\(FileLimits.grouped(FileLimits.aliasExpansionFloor)) or \(FileLimits.aliasExpansionPerWrittenValue) for each value written out, whichever is more), so the file is not read: write the values out instead of aliases of aliases", context: nil, isLimit: true)
            }
            return node.relocated(to: location)
        case YAML_SCALAR_EVENT:
            written += 1
            let scalar = event.data.scalar
            var text = String(decoding: UnsafeBufferPointer(start: scalar.value, count: scalar.length), as: UTF8.self)
            // Raw control characters are refused before parsing; in a double-quoted value they can still be
            // written as escapes. Note each, and keep them out of the value (and so out of every hint).
            if scalar.style == YAML_DOUBLE_QUOTED_SCALAR_STYLE, text.unicodeScalars.contains(where: Self.isControl) {
                var controls: [Unicode.Scalar] = []
                for control in text.unicodeScalars where Self.isControl(control) && !controls.contains(control) { controls.append(control) }
                notes.escapedControls.append((location, controls))
                text = String(String.UnicodeScalarView(text.unicodeScalars.filter { !Self.isControl($0) }))
            }
            let style: YAMLScalarStyle = switch scalar.style {
            case YAML_PLAIN_SCALAR_STYLE: .plain
            case YAML_LITERAL_SCALAR_STYLE, YAML_FOLDED_SCALAR_STYLE: .block
            default: .quoted
            }
            return remember(.scalar(text, style, location), anchorName: scalar.anchor.map { String(cString: $0) }, size: 1)
        case YAML_SEQUENCE_START_EVENT:
            let anchor = event.data.sequence_start.anchor.map { String(cString: $0) }
            let start = reached
            written += 1
            var items: [YAMLNode] = []
            while true {
                var child = try next()
                defer { yaml_event_delete(&child) }
                if child.type == YAML_SEQUENCE_END_EVENT { break }
                items.append(try node(from: &child, depth: depth + 1))
            }
            return remember(.sequence(items, location), anchorName: anchor, size: reached - start)
        case YAML_MAPPING_START_EVENT:
            let anchor = event.data.mapping_start.anchor.map { String(cString: $0) }
            let start = reached
            written += 1
            var pairs: [YAMLPair] = []
            pairs.reserveCapacity(16)
            var merges: [YAMLNode] = []
            while true {
                var keyEvent = try next()
                defer { yaml_event_delete(&keyEvent) }
                if keyEvent.type == YAML_MAPPING_END_EVENT { break }
                let key = try node(from: &keyEvent, depth: depth + 1)
                var valueEvent = try next()
                defer { yaml_event_delete(&valueEvent) }
                let valueAnchor = Self.anchor(of: valueEvent)
                let value = try node(from: &valueEvent, depth: depth + 1)
                if case .scalar("<<", .plain, _) = key {
                    merges.append(value)
                    continue
                }
                pairs.append(YAMLPair(key: key, value: value, anchor: valueAnchor))
            }
            return remember(.mapping(Self.merged(pairs, merges), location), anchorName: anchor, size: reached - start)
        default:
            throw Failure(location: location, problem: "unexpected YAML structure", context: nil)
        }
    }

    /// YAML 1.1 merge keys (`<<: *defaults`, or `<<: [*a, *b]`): the merged mappings' keys are added
    /// where the mapping does not set them itself; of several merged mappings, the first wins.
    /// Source: https://yaml.org/type/merge.html
    private static func merged(_ pairs: [YAMLPair], _ merges: [YAMLNode]) -> [YAMLPair] {
        guard !merges.isEmpty else { return pairs }
        var result = pairs
        var present = Set(pairs.compactMap { pair -> String? in if case let .scalar(name, _, _) = pair.key { return name }; return nil })
        let sources = merges.flatMap { merge -> [YAMLNode] in if case let .sequence(items, _) = merge { return items }; return [merge] }
        for source in sources {
            guard case let .mapping(mergedPairs, _) = source else {
                result.append(YAMLPair(key: .scalar("<<", .plain, source.location), value: source))  // not a mapping: the reader reports it
                continue
            }
            for pair in mergedPairs {
                guard case let .scalar(name, _, _) = pair.key, present.insert(name).inserted else { continue }
                result.append(YAMLPair(key: pair.key, value: pair.value))
            }
        }
        return result
    }

    private static func anchor(of event: yaml_event_t) -> String? {
        let pointer: UnsafeMutablePointer<yaml_char_t>? = switch event.type {
        case YAML_SCALAR_EVENT: event.data.scalar.anchor
        case YAML_SEQUENCE_START_EVENT: event.data.sequence_start.anchor
        case YAML_MAPPING_START_EVENT: event.data.mapping_start.anchor
        default: nil
        }
        return pointer.map { String(cString: $0) }
    }

    /// C0 and C1 controls but tab and line feed (which escapes `\t` and `\n` write on purpose), DEL.
    private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A: return false
        case 0x00...0x1F, 0x7F...0x9F: return true
        default: return false
        }
    }

    /// Every value a walk of the tree built so far visits: written ones and those aliases stand for.
    private var reached: Int { written + expanded }

    /// - Parameter size: the values the node stands for, itself and every value below it (aliases expanded).
    private func remember(_ node: YAMLNode, anchorName: String?, size: Int) -> YAMLNode {
        if let anchorName { anchors[anchorName] = (node, size) }
        return node
    }

    private static func location(_ mark: yaml_mark_t) -> SourceLocation {
        SourceLocation(line: mark.line + 1, column: mark.column + 1)
    }
}
