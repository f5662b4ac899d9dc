/// Reads typed values out of one YAML mapping. Every wrong key or value becomes a `Problem` that names
/// the place and the fix; reading goes on, so one file reports all its problems at once.
struct MappingReader {
    let file: String
    let location: SourceLocation
    /// Each key's name, where its pair is in `pairs` (a repeated key and a key that is no text have no
    /// entry), and the name's first byte (0 for an empty name), read once: `find` compares it first.
    /// Registry mappings hold a dozen keys at most: a list searched in order beats hashing every key. The
    /// pairs themselves stay where they are (copying each into the list, and searching whole entries for
    /// a name, was most of the reading's time), and the list is one allocation per mapping.
    private var entries: [Entry] = []

    /// A key of the mapping: its text, its pair's place in `pairs`, and its first byte (0 for an empty key).
    /// A struct, not a tuple: an array of tuples was destroyed through the tuple's generic value witnesses,
    /// once per file.
    private struct Entry {
        let name: String
        let pair: Int
        let firstByte: UInt8
    }
    private let pairs: [YAMLPair]
    private(set) var problems: [Problem] = []

    /// nil (with a problem recorded) when `node` is not a mapping. `what` names the thing for messages.
    init?(_ node: YAMLNode, file: String, what: String, problems: inout [Problem]) {
        guard case let .mapping(pairs, location) = node else {
            problems.append(Problem(file: file, location: node.location,
                                    message: "\(what) must be a set of `key: value` lines, but this is \(node.kindDescription)"))
            return nil
        }
        self.file = file
        self.location = location
        self.pairs = pairs
        entries.reserveCapacity(pairs.count)
        // A mapping of thousands of keys (a hostile or generated file) is checked for repeats by hashing:
        // searching the list for each key would take time in the square of their number.
        var positions: [String: Int]? = pairs.count > 32 ? Dictionary(minimumCapacity: pairs.count) : nil
        for index in pairs.indices {
            guard case let .scalar(name, _, _) = pairs[index].key else {
                let key = pairs[index].key
                self.problems.append(Problem(file: file, location: key.location, message: "a key must be a plain word such as `name`, not \(key.kindDescription)"))
                continue
            }
            if let earlier = positions == nil ? position(of: name) : positions![name] {
                var problem = Problem(file: file, location: pairs[index].key.location,
                                      message: "key \"\(name)\" appears twice (first on line \(pairs[entries[earlier].pair].key.location.line)): keep one and delete the other", field: name)
                problem.repeatable = .repeatedKey
                self.problems.append(problem)
                continue
            }
            positions?[name] = entries.count
            entries.append(Entry(name: name, pair: index, firstByte: name.utf8.first ?? 0))
        }
    }

    /// The keys among `names` that the mapping holds, in file order. Searched with `find`, which compares
    /// first bytes before text: most keys of most files are none of them.
    func keys(among names: [String]) -> [String] {
        entries.compactMap { entry in
            var start = 0
            return MappingReader.find(entry.name, in: names, firstBytes: names.lazy.map { $0.utf8.first ?? 0 }, from: &start) ? entry.name : nil
        }
    }

    /// Records a problem for every key not in `allowed`, and for every `required` key that is missing or empty.
    mutating func checkKeys(allowed: [String], required: [String] = [], what: String) {
        // Files list their keys in the documented order, so each search starts where the last one matched.
        var next = 0
        var unknown = 0
        for index in entries.indices where !MappingReader.find(entries[index].name, in: allowed, firstBytes: allowed.lazy.map { $0.utf8.first ?? 0 }, from: &next) {
            let name = entries[index].name, entry = pairs[entries[index].pair]
            if let anchor = entry.anchor {
                // A key written only to hold values for merge keys (`<<: *defaults`): the merged keys count.
                report("key \"\(name)\" is not a key of \(what): it only holds the anchor &\(anchor), whose keys are merged where `<<: *\(anchor)` is written; put the anchor on a key or entry Herald reads (in people.yaml, the first person: `- &\(anchor)`) and delete this key",
                       at: entry.key.location, field: name)
                continue
            }
            unknown += 1
            // Past the number a file lists (`Problem.cap`), only the count matters: no suggestion is sought
            // (comparing with every allowed key made 50,000 stray keys take seconds).
            let listed = unknown <= FileLimits.problemsOfAKindPerFile
            let suggestion = listed ? KeySuggestion.closest(to: name, among: allowed) : nil
            let hint = suggestion.map { "did you mean \"\($0)\"? " } ?? ""
            // The field is the key it was meant to be, so rules about that key see it was written, only misspelt.
            var problem = Problem(file: file, location: entry.key.location,
                                  message: listed ? "unknown key \"\(name)\" in \(what): \(hint)the keys allowed are \(allowed.joined(separator: ", "))" : "",
                                  field: suggestion ?? name)
            problem.repeatable = .unknownKey
            problems.append(problem)
        }
        for key in required {
            if let position = position(of: key) {
                let value = pairs[entries[position].pair].value
                if value.isNull { report("\"\(key)\" has no value: fill it in", at: value.location, field: key) }
            } else {
                report("\(what) has no \"\(key)\": add a line `\(key): ...`", at: location, field: key)
            }
        }
    }

    /// The node under `key`, unless it is missing or empty.
    mutating func node(_ key: String) -> YAMLNode? {
        guard let position = position(of: key), !pairs[entries[position].pair].value.isNull else { return nil }
        return pairs[entries[position].pair].value
    }

    /// Where the last lookup matched: keys are read in the order files usually write them, so the next
    /// one is almost always the next entry.
    private var cursor = 0

    /// The index in `entries` of the key `name`, or nil when the mapping has none.
    private mutating func position(of name: String) -> Int? {
        var position = cursor
        guard MappingReader.find(name, in: entries.lazy.map(\.name), firstBytes: entries.lazy.map(\.firstByte), from: &position) else { return nil }
        cursor = position
        return position - 1
    }

    /// Searches `names` for `name` from `position` round to just before it; on success `position` is the
    /// index after the match. `firstBytes` holds the first byte of each name (0 for an empty one).
    private static func find<Names: RandomAccessCollection, FirstBytes: RandomAccessCollection>(
        _ name: String, in names: Names, firstBytes: FirstBytes, from position: inout Int
    ) -> Bool where Names.Element == String, Names.Index == Int, FirstBytes.Element == UInt8, FirstBytes.Index == Int {
        let count = names.count
        guard count > 0 else { return false }
        let start = position % count
        var index = start
        // Two names that start with different ASCII bytes are different (a string's first base character
        // stays first under canonical equivalence): most pairs are settled by that byte, where comparing
        // two different strings in full cost more than the rest of the search, and reading a string's
        // first byte for every comparison cost about as much again: the mapping's names have theirs read once.
        let first = name.utf8.first ?? 0
        repeat {
            let other = firstBytes[index]
            if (first == other || first >= 0x80 || other >= 0x80) && names[index] == name {
                position = index + 1
                return true
            }
            index = index + 1 == count ? 0 : index + 1
        } while index != start
        return false
    }

    /// Records a problem found while reading this mapping.
    /// - Parameter repeatable: the kind, for a problem a file may hold thousands of (`Problem.cap`).
    mutating func report(_ message: String, at location: SourceLocation, field: String?, repeatable: Problem.Repeatable? = nil) {
        var problem = Problem(file: file, location: location, message: message, field: field)
        problem.repeatable = repeatable
        problems.append(problem)
    }

    // MARK: Typed values

    /// - Parameter keepEmpty: return an empty value as "" (with its place) rather than as not set.
    /// - Parameter asShown: trim trailing line breaks and spaces whatever the style, as a platform shows
    ///   the text (bios). A block value (`|`, `>`) always loses the line break YAML ends it with.
    mutating func string(_ key: String, keepEmpty: Bool = false, asShown: Bool = false) -> Located<String>? {
        if keepEmpty, let position = position(of: key), pairs[entries[position].pair].value.isNull { return Located("", at: pairs[entries[position].pair].value.location) }
        guard let node = node(key) else { return nil }
        guard case let .scalar(text, style, location) = node else {
            report("\"\(key)\" must be a single text value, but this is \(node.kindDescription)", at: node.location, field: key)
            return nil
        }
        // A value that ends in a visible ASCII character (almost every one) has nothing to trim.
        guard style == .block || asShown, let lastByte = text.utf8.last, lastByte <= 0x20 || lastByte >= 0x7F,
              let last = text.unicodeScalars.last, last.properties.isWhitespace else { return Located(text, at: location) }
        var scalars = text.unicodeScalars[...]
        while let end = scalars.last, end.properties.isWhitespace { scalars = scalars.dropLast() }
        return Located(String(String.UnicodeScalarView(scalars)), at: location)
    }

    mutating func strings(_ key: String, example: String) -> Located<[Located<String>]>? {
        guard let node = node(key) else { return nil }
        guard case let .sequence(sequence, _) = node else {
            report("\"\(key)\" must be a list, like `\(key): \(example)`", at: node.location, field: key)
            return nil
        }
        var items: [Located<String>] = []
        for item in sequence {
            if case let .scalar(text, _, location) = item, !item.isNull {
                items.append(Located(text, at: location))
            } else {
                report("each entry of \"\(key)\" must be a single text value, like `\(key): \(example)`", at: item.location, field: key)
            }
        }
        return Located(items, at: node.location)
    }

    mutating func date(_ key: String) -> Located<CalendarDate>? {
        guard let text = string(key) else { return nil }
        guard let date = CalendarDate(text.value) else {
            report("\"\(key)\" is not a valid date (\(text.value)): write a real day as YYYY-MM-DD, like 2026-03-31", at: text.location, field: key)
            return nil
        }
        return Located(date, at: text.location)
    }

    mutating func bool(_ key: String) -> Located<Bool>? {
        guard let text = string(key) else { return nil }
        switch text.value {
        case "true", "True", "TRUE": return Located(true, at: text.location)
        case "false", "False", "FALSE": return Located(false, at: text.location)
        default:
            report("\"\(key)\" must be true or false, not \"\(text.value)\"", at: text.location, field: key)
            return nil
        }
    }

    mutating func integer(_ key: String, atLeast minimum: Int) -> Located<Int>? {
        guard let text = string(key) else { return nil }
        guard let value = Int(text.value), value >= minimum else {
            report("\"\(key)\" must be a whole number of at least \(minimum), not \"\(text.value)\"", at: text.location, field: key)
            return nil
        }
        return Located(value, at: text.location)
    }

    mutating func choice<Choice: RawRepresentable & CaseIterable & Sendable>(_ key: String, hints: [String: Choice] = [:]) -> Located<Choice>?
    where Choice.RawValue == String {
        guard let text = string(key) else { return nil }
        if let value = Choice(rawValue: text.value) ?? Choice(rawValue: text.value.lowercased()) {
            return Located(value, at: text.location)
        }
        let choices = Choice.allCases.map(\.rawValue).joined(separator: ", ")
        let hint = hints[text.value.lowercased()].map { "write \"\($0.rawValue)\"; " } ?? ""
        report("unknown \(key) \"\(text.value)\": \(hint)use one of \(choices)", at: text.location, field: key)
        return nil
    }
}
