import HeraldCore

/// Builds HTML bytes where every piece of registry text goes through `text(_:)`, which escapes it: markup
/// comes only from the string literals of `raw(_:)`, which cannot hold registry text.
struct HTMLText {
    private(set) var bytes: [UInt8] = []

    init(capacity: Int) {
        bytes.reserveCapacity(capacity)
    }

    mutating func raw(_ markup: StaticString) {
        markup.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    /// HTML built the same way: its registry text is escaped already.
    mutating func append(_ other: HTMLText) {
        bytes.append(contentsOf: other.bytes)
    }

    /// Text content or a quoted attribute value: `& < > " '` become references, and control characters
    /// (other than tab and line breaks) become U+FFFD. Text with none of them (nearly all) is copied at
    /// once, after a look at eight bytes at a time.
    mutating func text(_ value: String) {
        withUTF8Bytes(of: value) { utf8 in
            // The table read once, not once per byte (each read of a static asks whether it is made yet).
            let special = HTMLText.special
            // Words of eight bytes with none to change are passed over whole.
            let start = HTMLText.mayBeSpecial.skip(in: utf8, from: 0)
            guard utf8[start...].contains(where: { special[Int($0)] }) else { return bytes.append(contentsOf: utf8) }
            appendEscapingRuns(utf8, to: &bytes) { byte in
                switch byte {
                case UInt8(ascii: "&"): "&amp;"
                case UInt8(ascii: "<"): "&lt;"
                case UInt8(ascii: ">"): "&gt;"
                case UInt8(ascii: "\""): "&#34;"
                case UInt8(ascii: "'"): "&#39;"
                case 0x09, 0x0A, 0x0D: nil
                case 0x00..<0x20, 0x7F: "\u{FFFD}"
                default: nil
                }
            }
        }
    }

    /// A message, escaped as `text(_:)` does, with its Markdown code spans (`` `owners:` ``) shown as
    /// code: rule messages name keys and values that way. A backtick without a partner stays as it is.
    mutating func message(_ value: String) {
        guard value.utf8.contains(UInt8(ascii: "`")) else { return text(value) }
        var parts = value.split(separator: "`", omittingEmptySubsequences: false).map(String.init)
        // An odd part count means every backtick has a partner; otherwise the last one stays literal.
        let unpaired = parts.count % 2 == 0 ? parts.removeLast() : nil
        for (index, part) in parts.enumerated() {
            if index % 2 == 0 { text(part) } else { raw("<code>"); text(part); raw("</code>") }
        }
        if let unpaired { text("`" + unpaired) }
    }

    /// The bytes of `special`, looked for eight at a time.
    private static let mayBeSpecial = ByteSet(covering: { special[Int($0)] })!

    /// The bytes `text(_:)` changes.
    private static let special: [Bool] = (0...255).map { byte in
        switch byte {
        case 0x09, 0x0A, 0x0D: return false
        case 0x00..<0x20, 0x7F, 0x22, 0x26, 0x27, 0x3C, 0x3E: return true
        default: return false
        }
    }

    /// A whole number, written digit by digit without building a string.
    mutating func number(_ value: Int) {
        guard value >= 0 else {
            bytes.append(UInt8(ascii: "-"))
            return number(0 - value)
        }
        var divisor = 1
        while divisor <= value / 10 { divisor *= 10 }
        var rest = value
        while divisor > 0 {
            bytes.append(UInt8(ascii: "0") + UInt8(rest / divisor))
            rest %= divisor
            divisor /= 10
        }
    }
}
