import HeraldCore

/// Writes indented JSON in the order the caller gives, escaping every string as RFC 8259 asks.
/// Reports have a fixed shape; writing it directly is deterministic by construction and a fraction of the
/// cost of a reflective encoder (docs/performance.md).
struct JSONWriter {
    private(set) var bytes: [UInt8] = []
    private var depth = 0
    /// A member or element was written at this depth: the next one needs a comma.
    private var needsComma = false
    /// A key was written: its value follows on the same line.
    private var pendingKey = false
    /// Nothing was written since the last `{` or `[`: it closes on the same line.
    private var emptyContainer = false
    /// True for JSON on one line (a line of the history file, JSON Lines); false for indented JSON.
    private var compact = false

    init(capacity: Int = 1 << 16) {
        bytes.reserveCapacity(capacity)
    }

    /// A writer of JSON on one line.
    init(compact: Bool) {
        self.compact = compact
    }

    /// A writer for elements of an array that another writer has open at `depth` (the depth inside the
    /// array): reports render their long arrays this way, in chunks on every core, stream each chunk out
    /// after what that writer has drained, and then tell it `elementsWereWritten(_:)`.
    /// - Parameter afterOthers: true when elements precede this chunk's (the first one then starts with a comma).
    init(elementsAt depth: Int, afterOthers: Bool, capacity: Int = 1 << 16) {
        bytes.reserveCapacity(capacity)
        self.depth = depth
        needsComma = afterOthers
    }

    /// The depth inside the innermost open container: for `init(elementsAt:afterOthers:)`.
    var currentDepth: Int { depth }

    /// The bytes written so far, taken out: a streaming report hands them to its file and goes on.
    mutating func drain() -> [UInt8] {
        // Handed over whole, not copied: keeping the capacity would allocate a second buffer of its size.
        defer { bytes = [] }
        return bytes
    }

    /// `count` elements were streamed out after this writer's last byte (by writers made with
    /// `init(elementsAt:afterOthers:)`): the next element or the array's end follows them.
    mutating func elementsWereWritten(_ count: Int) {
        guard count > 0 else { return }
        needsComma = true
        emptyContainer = false
    }

    /// `{`, for objects whose members are written between this and `endObject()` (streaming reports).
    mutating func startObject() { open("{") }
    mutating func endObject() { close("}") }
    /// `[`, for arrays whose elements are written between this and `endArray()`.
    mutating func startArray() { open("[") }
    mutating func endArray() { close("]") }

    /// `{ ... }`: the body writes the members with `key(_:)` followed by a value.
    mutating func object(_ body: (inout JSONWriter) -> Void) {
        open("{")
        body(&self)
        close("}")
    }

    /// `[ ... ]`: the body writes the elements.
    mutating func array(_ body: (inout JSONWriter) -> Void) {
        open("[")
        body(&self)
        close("]")
    }

    /// A key spelled out in the report's code (`"rule"`), written as it stands: such keys are ASCII letters,
    /// digits and underscores, which JSON never escapes. Every finding has nine keys; looking through each
    /// for bytes to escape was a third of the strings a finding writes.
    mutating func key(_ name: StaticString) {
        assert(name.withUTF8Buffer { $0.allSatisfy { !JSONWriter.needsEscape[Int($0)] } }, "a key written as it stands needs no escape")
        separate()
        bytes.append(UInt8(ascii: "\""))
        name.withUTF8Buffer { bytes.append(contentsOf: $0) }
        bytes.append(UInt8(ascii: "\""))
        bytes.append(UInt8(ascii: ":"))
        bytes.append(UInt8(ascii: " "))
        needsComma = false
        pendingKey = true
    }

    /// A key that is data (a rule id, a platform's name): escaped like any string.
    mutating func key(computed name: String) {
        separate()
        writeString(name)
        bytes.append(UInt8(ascii: ":"))
        bytes.append(UInt8(ascii: " "))
        needsComma = false
        pendingKey = true
    }

    mutating func string(_ value: String?) {
        separate()
        if let value { writeString(value) } else { bytes.append(contentsOf: "null".utf8) }
        needsComma = true
    }

    mutating func bool(_ value: Bool) {
        separate()
        bytes.append(contentsOf: (value ? "true" : "false").utf8)
        needsComma = true
    }

    mutating func number(_ value: Int) {
        separate()
        // Digits written in place: every finding has a line and a column, and formatting each through
        // `String(value)` cost more than the rest of the number's bytes.
        if value >= 0 && value < 10 {
            bytes.append(UInt8(ascii: "0") + UInt8(value))
        } else if value > 0 {
            var digits = 0, rest = value
            while rest > 0 { digits += 1; rest /= 10 }
            let end = bytes.count + digits
            bytes.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: digits))
            var remaining = value, position = end - 1
            while remaining > 0 {
                bytes[position] = UInt8(ascii: "0") + UInt8(remaining % 10)
                remaining /= 10
                position -= 1
            }
        } else {
            bytes.append(contentsOf: String(value).utf8)
        }
        needsComma = true
    }

    private mutating func open(_ bracket: Character) {
        separate()
        bytes.append(UInt8(ascii: bracket == "{" ? "{" : "["))
        depth += 1
        needsComma = false
        emptyContainer = true
    }

    private mutating func close(_ bracket: Character) {
        depth -= 1
        if !emptyContainer { newline() }
        bytes.append(UInt8(ascii: bracket == "}" ? "}" : "]"))
        needsComma = true
        emptyContainer = false
    }

    /// Before a value or key: a comma after the previous member, then a new indented line (a value right
    /// after its key stays on the key's line).
    private mutating func separate() {
        if pendingKey {
            pendingKey = false
            return
        }
        if needsComma {
            bytes.append(UInt8(ascii: ","))
            if compact { bytes.append(UInt8(ascii: " ")) }
        }
        if depth > 0 { newline() }
        emptyContainer = false
    }

    private mutating func newline() {
        guard !compact else { return }
        bytes.append(UInt8(ascii: "\n"))
        // Space by space: appending a slice of a shared array of spaces cost more than the line's text
        // (writing the messy registry's report.json of 106 MB: 294 ms that way, 203 ms this way).
        for _ in 0 ..< depth * 2 { bytes.append(UInt8(ascii: " ")) }
    }

    /// The bytes a JSON string cannot hold as they are: control characters, `"`, `\\`, DEL, and the first
    /// byte of U+2028 and U+2029 (looked at closer).
    private static let needsEscape: [Bool] = (0 ... 255).map { byte in
        byte < 0x20 || byte == 0x22 || byte == 0x5C || byte == 0x7F || byte == 0xE2
    }

    private mutating func writeString(_ value: String) {
        bytes.append(UInt8(ascii: "\""))
        // One pass over the string's own storage: runs that need no escape (almost all of every string)
        // are copied in one piece, passed over eight bytes at a time. Findings' messages are most of a
        // large report.json's bytes.
        withUTF8Bytes(of: value) { writeEscaped($0) }
        bytes.append(UInt8(ascii: "\""))
    }

    /// The bytes of `needsEscape`, looked for eight at a time.
    private static let mayNeedEscape = ByteSet(covering: { needsEscape[Int($0)] })!

    /// `utf8` with what JSON cannot hold as it is escaped.
    private mutating func writeEscaped(_ utf8: UnsafeBufferPointer<UInt8>) {
        let escapes = JSONWriter.needsEscape, candidates = JSONWriter.mayNeedEscape
        var runStart = 0, index = 0
        while index < utf8.count {
            // Runs of eight bytes with nothing to escape are passed over whole.
            index = candidates.skip(in: utf8, from: index)
            guard index < utf8.count else { break }
            let byte = utf8[index]
            guard escapes[Int(byte)] else {
                index += 1
                continue
            }
            // U+2028 and U+2029 (E2 80 A8/A9): separators JavaScript once took for line breaks.
            let separator = byte == 0xE2 && index + 2 < utf8.count && utf8[index + 1] == 0x80 && (utf8[index + 2] == 0xA8 || utf8[index + 2] == 0xA9)
            if byte == 0xE2 && !separator {
                index += 1
                continue
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart ..< index]))
            switch byte {
            case 0x22: bytes.append(contentsOf: "\\\"".utf8)
            case 0x5C: bytes.append(contentsOf: "\\\\".utf8)
            case 0x0A: bytes.append(contentsOf: "\\n".utf8)
            case 0x0D: bytes.append(contentsOf: "\\r".utf8)
            case 0x09: bytes.append(contentsOf: "\\t".utf8)
            case 0xE2: bytes.append(contentsOf: Self.escaped(utf8[index + 2] == 0xA8 ? 0x2028 : 0x2029).utf8)
            default: bytes.append(contentsOf: Self.escaped(UInt32(byte)).utf8)  // the other controls and DEL
            }
            index += separator ? 3 : 1
            runStart = index
        }
        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart ..< index]))
    }

    private static func escaped(_ code: UInt32) -> String {
        let hex = String(code, radix: 16)
        return "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
    }
}
