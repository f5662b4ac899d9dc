#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads the plain shape almost every account file has — one `key: value` per line at the left margin,
/// values plain or quoted without escapes, or a one-line `[a, b]` list — straight into a node tree, at a
/// fraction of libyaml's cost; and the shape of people.yaml, a list with one `- {key: value, …}` entry per
/// line (20,000 people took libyaml 100 ms of processor time in every audit of 100,000 accounts).
/// Anything else returns nil and goes to libyaml, which stays the authority: a test checks that both give
/// the same tree, line and column wherever this reader accepts a file.
enum PlainYAMLReader {
    static func read(_ bytes: UnsafeBufferPointer<UInt8>) -> YAMLNode? {
        // Tabs and lone carriage returns have rules of their own in YAML: leave them to libyaml.
        // `memchr` finds the rare tab or carriage return at a fraction of the cost of a loop over every byte.
        if let base = bytes.baseAddress {
            if memchr(base, Int32(tab), bytes.count) != nil { return nil }
            var from = 0
            while from < bytes.count, let found = memchr(base + from, Int32(carriageReturn), bytes.count - from) {
                let index = UnsafeRawPointer(base).distance(to: UnsafeRawPointer(found))
                if index + 1 == bytes.count || bytes[index + 1] != newline { return nil }
                from = index + 1
            }
        }
        var pairs: [YAMLPair] = []
        pairs.reserveCapacity(16)
        var items: [YAMLNode] = []
        var itemsStart: SourceLocation?
        var line = 1
        var start = 0
        while start < bytes.count {
            var end = start
            while end < bytes.count && bytes[end] != newline { end += 1 }
            var contentEnd = end
            if contentEnd > start && bytes[contentEnd - 1] == carriageReturn { contentEnd -= 1 }
            if start < contentEnd && bytes[start] == dash {
                // A list entry: the file is a list, and holds no `key: value` line.
                guard pairs.isEmpty, let item = flowMappingItem(bytes, from: start, to: contentEnd, line: line) else { return nil }
                if itemsStart == nil { itemsStart = SourceLocation(line: line, column: 1) }
                items.append(item)
            } else {
                guard let pair = readLine(bytes, from: start, to: contentEnd, line: line) else { return nil }
                if let pair = pair {
                    guard items.isEmpty else { return nil }
                    pairs.append(pair)
                }
            }
            line += 1
            start = end + 1
        }
        if let itemsStart { return .sequence(items, itemsStart) }
        guard let first = pairs.first else { return nil }
        return .mapping(pairs, first.key.location)
    }

    private static let newline = UInt8(ascii: "\n"), carriageReturn = UInt8(ascii: "\r"), space = UInt8(ascii: " "), tab = UInt8(ascii: "\t")
    private static let hash = UInt8(ascii: "#"), colon = UInt8(ascii: ":"), comma = UInt8(ascii: ",")
    private static let doubleQuote = UInt8(ascii: "\""), singleQuote = UInt8(ascii: "'")
    private static let openBracket = UInt8(ascii: "["), closeBracket = UInt8(ascii: "]")
    private static let openBrace = UInt8(ascii: "{"), closeBrace = UInt8(ascii: "}"), dash = UInt8(ascii: "-")

    /// nil: not in the plain shape. `.some(nil)`: a blank or comment line. Otherwise the line's pair.
    private static func readLine(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int, line: Int) -> YAMLPair?? {
        var index = start
        while index < end && bytes[index] == space { index += 1 }
        if index == end || bytes[index] == hash { return .some(nil) }
        guard index == start else { return nil }  // indented content: a nested block or a continued value
        guard let (key, valueStart) = key(bytes, at: index, to: end, lineStart: start, line: line) else { return nil }
        index = valueStart
        let location = SourceLocation(line: line, column: column(bytes, start, index))
        let value: YAMLNode
        var after: Int
        switch bytes[index] {
        case doubleQuote, singleQuote:
            guard let (node, next) = quoted(bytes, at: index, to: end, location: location) else { return nil }
            (value, after) = (node, next)
        case openBracket:
            guard let (node, next) = list(bytes, at: index, to: end, lineStart: start, line: line) else { return nil }
            (value, after) = (node, next)
        default:
            guard let plainEnd = plain(bytes, at: index, to: end, closing: nil) else { return nil }
            (value, after) = (.scalar(text(bytes, index, plainEnd), .plain, location), end)
        }
        while after < end && bytes[after] == space { after += 1 }
        guard after == end else { return nil }
        return .some(YAMLPair(key: key, value: value))
    }

    /// A plain key at `start`, its colon and the spaces after it: the key and where its value starts, or
    /// nil when the value is missing or the key is not a plain word.
    private static func key(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int, to end: Int, lineStart: Int, line: Int) -> (YAMLNode, Int)? {
        var index = start
        while index < end && isKeyByte(bytes[index]) { index += 1 }
        // libyaml refuses a key whose colon is more than 1,024 characters from its start.
        guard index > start, index - start <= 1000, index < end, bytes[index] == colon, isLetter(bytes[start]) else { return nil }
        let key = YAMLNode.scalar(text(bytes, start, index), .plain, SourceLocation(line: line, column: column(bytes, lineStart, start)))
        index += 1
        guard index < end, bytes[index] == space else { return nil }  // empty values: libyaml places them
        while index < end && bytes[index] == space { index += 1 }
        guard index < end else { return nil }
        return (key, index)
    }

    /// `- {key: value, key: "value"}` on one line at the left margin: an entry of a list of mappings, with
    /// plain or quoted values and no nesting.
    private static func flowMappingItem(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int, line: Int) -> YAMLNode? {
        var index = start + 1
        guard index < end, bytes[index] == space else { return nil }
        while index < end && bytes[index] == space { index += 1 }
        guard index < end, bytes[index] == openBrace else { return nil }
        let location = SourceLocation(line: line, column: column(bytes, start, index))
        index += 1
        var pairs: [YAMLPair] = []
        while true {
            while index < end && bytes[index] == space { index += 1 }
            guard index < end, let (key, valueStart) = key(bytes, at: index, to: end, lineStart: start, line: line) else { return nil }
            index = valueStart
            let valueLocation = SourceLocation(line: line, column: column(bytes, start, index))
            guard let (value, next, closed) = flowItem(bytes, at: index, to: end, location: valueLocation, closing: closeBrace) else { return nil }
            pairs.append(YAMLPair(key: key, value: value))
            index = next
            if closed { break }
        }
        while index < end && bytes[index] == space { index += 1 }
        return index == end ? .mapping(pairs, location) : nil
    }

    /// A value inside a one-line `[…]` list or `{…}` mapping (`closing` is its closing bracket), quoted or
    /// plain, then the spaces after it and its comma or the closing bracket: the value, the index after
    /// those, and whether the bracket closed the collection. nil where the line is not in that shape.
    private static func flowItem(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int, to end: Int, location: SourceLocation,
                                 closing: UInt8) -> (YAMLNode, Int, Bool)? {
        let node: YAMLNode
        var index: Int
        if bytes[start] == doubleQuote || bytes[start] == singleQuote {
            guard let (quotedNode, next) = quoted(bytes, at: start, to: end, location: location) else { return nil }
            (node, index) = (quotedNode, next)
        } else {
            guard let plainEnd = plain(bytes, at: start, to: end, closing: closing) else { return nil }
            (node, index) = (.scalar(text(bytes, start, plainEnd), .plain, location), plainEnd)
        }
        while index < end && bytes[index] == space { index += 1 }
        guard index < end else { return nil }
        if bytes[index] == comma { return (node, index + 1, false) }
        guard bytes[index] == closing else { return nil }
        return (node, index + 1, true)
    }

    /// A quoted value without escapes or doubled quotes, closed on the same line.
    private static func quoted(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int, to end: Int, location: SourceLocation) -> (YAMLNode, Int)? {
        let quote = bytes[start]
        var index = start + 1
        while index < end && bytes[index] != quote {
            if bytes[index] == UInt8(ascii: "\\") && quote == doubleQuote { return nil }
            index += 1
        }
        guard index < end, index + 1 == end || bytes[index + 1] == space || bytes[index + 1] == comma || bytes[index + 1] == closeBracket
                || bytes[index + 1] == closeBrace else { return nil }
        return (.scalar(text(bytes, start + 1, index), .quoted, location), index + 1)
    }

    /// `[a, "b", c]` on one line: plain or quoted items, no nesting, no empty items.
    private static func list(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int, to end: Int, lineStart: Int, line: Int) -> (YAMLNode, Int)? {
        var items: [YAMLNode] = []
        var index = start + 1
        while true {
            while index < end && bytes[index] == space { index += 1 }
            guard index < end else { return nil }
            if bytes[index] == closeBracket && items.isEmpty { index += 1; break }
            let location = SourceLocation(line: line, column: column(bytes, lineStart, index))
            guard let (item, next, closed) = flowItem(bytes, at: index, to: end, location: location, closing: closeBracket) else { return nil }
            items.append(item)
            index = next
            if closed { break }
        }
        return (.sequence(items, SourceLocation(line: line, column: column(bytes, lineStart, start))), index)
    }

    /// The end of a plain value (trailing spaces excluded), or nil where YAML would read more into it:
    /// an indicator first, a comment, `: `, or inside a `[…]` list or `{…}` mapping (`closing` is its
    /// closing bracket, which ends the value like a comma) any other bracket or brace, or a colon.
    private static func plain(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int, to end: Int, closing: UInt8?) -> Int? {
        let inList = closing != nil
        switch bytes[start] {
        case UInt8(ascii: "-"), UInt8(ascii: "?"), UInt8(ascii: ":"), UInt8(ascii: ","), UInt8(ascii: "["), UInt8(ascii: "]"),
             UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: "#"), UInt8(ascii: "&"), UInt8(ascii: "*"), UInt8(ascii: "!"),
             UInt8(ascii: "|"), UInt8(ascii: ">"), UInt8(ascii: "'"), UInt8(ascii: "\""), UInt8(ascii: "%"), UInt8(ascii: "@"), UInt8(ascii: "`"):
            return nil  // YAML indicators: the value is not plain text
        default: break
        }
        var index = start
        var last = start
        while index < end {
            let byte = bytes[index]
            if byte == hash { return nil }
            if byte == colon && (index + 1 == end || bytes[index + 1] == space || inList) { return nil }
            if inList && (byte == comma || byte == closing) { break }
            if inList && (byte == openBracket || byte == closeBracket || byte == openBrace || byte == closeBrace) { return nil }
            if byte != space { last = index + 1 }
            index += 1
        }
        return last
    }

    private static func isKeyByte(_ byte: UInt8) -> Bool {
        isLetter(byte) || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-")
    }

    private static func isLetter(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z")) || byte == UInt8(ascii: "_")
    }

    /// 1-based column in characters, as libyaml counts them.
    private static func column(_ bytes: UnsafeBufferPointer<UInt8>, _ lineStart: Int, _ index: Int) -> Int {
        var column = 1
        for position in lineStart..<index where bytes[position] & 0xC0 != 0x80 { column += 1 }
        return column
    }

    private static func text(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
    }
}
