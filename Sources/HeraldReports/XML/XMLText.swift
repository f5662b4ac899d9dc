import HeraldCore

/// Text from the registry on its way into XML. XML 1.0 allows tab, line feed, carriage return and
/// everything from U+0020 except U+FFFE and U+FFFF; anything else (NUL, escape, the other control
/// characters) would make the whole report unreadable, so it becomes U+FFFD. Escaping follows libxml2's
/// text writer (see `XMLWriter`).
enum XMLText {
    static func allowed(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x0D: return true
        case 0x00..<0x20, 0xFFFE, 0xFFFF: return false
        default: return true
        }
    }

    enum Context {
        case text, attribute
    }

    /// Appends `value`, cleaned and escaped for `context`. Most values need neither: one scan of the
    /// bytes settles that, and they are copied in one piece.
    static func append(_ value: String, as context: Context, to bytes: inout [UInt8]) {
        let plain = withUTF8Bytes(of: value) { utf8 -> Bool in
            var seen: UInt8 = 0
            // Words of eight bytes with none that XML asks about are passed over whole.
            for byte in utf8[(context == .text ? ByteClass.inText : ByteClass.inAttribute).skip(in: utf8, from: 0)...] {
                seen |= ByteClass.table[Int(byte)]
            }
            let mask = context == .text ? ByteClass.escapedInText : ByteClass.escapedInText | ByteClass.escapedInAttribute
            guard seen & (ByteClass.forbidden | ByteClass.maybeNonCharacter | mask) == 0 else { return false }
            bytes.append(contentsOf: utf8)
            return true
        }
        if plain { return }
        // ASCII text with something to escape (a finding's message quotes values): the runs between the
        // escapes are copied in one piece, as the scalar-by-scalar loop below would write them.
        let ascii = withUTF8Bytes(of: value) { utf8 -> Bool in
            guard utf8.allSatisfy({ $0 < 0x80 }) else { return false }
            appendEscapingRuns(utf8, to: &bytes) { byte in
                switch byte {
                case UInt8(ascii: "<"): "&lt;"
                case UInt8(ascii: ">"): "&gt;"
                case UInt8(ascii: "&"): "&amp;"
                case UInt8(ascii: "\""): "&quot;"
                case 0x0D: "&#13;"
                case 0x0A where context == .attribute: "&#10;"
                case 0x09 where context == .attribute: "&#9;"
                case 0x09, 0x0A: nil
                case 0x00 ..< 0x20: context == .attribute ? "&#xFFFD;" : "\u{FFFD}"  // not allowed in XML
                default: nil
                }
            }
            return true
        }
        if ascii { return }
        for scalar in value.unicodeScalars {
            let clean = allowed(scalar) ? scalar : "\u{FFFD}"
            switch (clean, context) {
            case ("<", _): bytes.append(contentsOf: "&lt;".utf8)
            case (">", _): bytes.append(contentsOf: "&gt;".utf8)
            case ("&", _): bytes.append(contentsOf: "&amp;".utf8)
            case ("\"", _): bytes.append(contentsOf: "&quot;".utf8)
            case ("\r", _): bytes.append(contentsOf: "&#13;".utf8)
            case ("\n", .attribute): bytes.append(contentsOf: "&#10;".utf8)
            case ("\t", .attribute): bytes.append(contentsOf: "&#9;".utf8)
            case (_, .attribute) where clean.value >= 0x80:
                bytes.append(contentsOf: "&#x".utf8)
                bytes.append(contentsOf: String(clean.value, radix: 16, uppercase: true).utf8)
                bytes.append(UInt8(ascii: ";"))
            // A scalar's UTF-8 through `UTF8.encode`: appending `clean.utf8` went through the generic
            // sequence copy, byte by byte (a tenth of junit.xml's rendering where names are not ASCII).
            default: UTF8.encode(clean) { bytes.append($0) }
            }
        }
    }

    /// What each byte asks of XML, as bit flags.
    private enum ByteClass {
        /// Control characters other than tab, line feed and carriage return.
        static let forbidden: UInt8 = 1
        /// `< > & "` and carriage return: escaped in text and in attributes.
        static let escapedInText: UInt8 = 2
        /// Tab, line feed and every non-ASCII byte: escaped in attributes.
        static let escapedInAttribute: UInt8 = 4
        /// EF, which starts U+FFFE and U+FFFF.
        static let maybeNonCharacter: UInt8 = 8

        /// The bytes with a class that matters in text, and in attributes, looked for eight at a time.
        static let inText = ByteSet(covering: { table[Int($0)] & (forbidden | maybeNonCharacter | escapedInText) != 0 })!
        static let inAttribute = ByteSet(covering: { table[Int($0)] != 0 })!

        static let table: [UInt8] = (0...255).map { byte -> UInt8 in
            switch byte {
            case 0x09, 0x0A: return escapedInAttribute
            case 0x0D: return escapedInText
            case 0x00..<0x20: return forbidden
            case 0x22, 0x26, 0x3C, 0x3E: return escapedInText
            case 0xEF: return escapedInAttribute | maybeNonCharacter
            case 0x80...: return escapedInAttribute
            default: return 0
            }
        }
    }
}
