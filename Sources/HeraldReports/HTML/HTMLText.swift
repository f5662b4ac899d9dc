/// Builds HTML bytes where every piece of registry text goes through `text(_:)`, which escapes it: markup
/// comes only from the string literals of `raw(_:)`, which cannot hold registry text.
struct HTMLText {
    private(set) var bytes: [UInt8] = []

    init(capacity: Int) {
        bytes.reserveCapacity(capacity)
    }

    mutating func raw(_ markup: StaticString) {
        bytes.append(contentsOf: UnsafeBufferPointer(start: markup.utf8Start, count: markup.utf8CodeUnitCount))
    }

    /// Text content or a quoted attribute value: `& < > " '` become references, and control characters
    /// (other than tab and line breaks) become U+FFFD.
    mutating func text(_ value: String) {
        var value = value
        value.withUTF8 { utf8 in
            for byte in utf8 {
                switch byte {
                case UInt8(ascii: "&"): bytes.append(contentsOf: [0x26, 0x61, 0x6D, 0x70, 0x3B])  // &amp;
                case UInt8(ascii: "<"): bytes.append(contentsOf: [0x26, 0x6C, 0x74, 0x3B])  // &lt;
                case UInt8(ascii: ">"): bytes.append(contentsOf: [0x26, 0x67, 0x74, 0x3B])  // &gt;
                case UInt8(ascii: "\""): bytes.append(contentsOf: [0x26, 0x23, 0x33, 0x34, 0x3B])  // &#34;
                case UInt8(ascii: "'"): bytes.append(contentsOf: [0x26, 0x23, 0x33, 0x39, 0x3B])  // &#39;
                case 0x09, 0x0A, 0x0D: bytes.append(byte)
                case 0x00..<0x20, 0x7F: bytes.append(contentsOf: [0xEF, 0xBF, 0xBD])  // U+FFFD
                default: bytes.append(byte)
                }
            }
        }
    }

    mutating func number(_ value: Int) {
        bytes.append(contentsOf: String(value).utf8)
    }
}
