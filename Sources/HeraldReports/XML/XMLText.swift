import CLibXML2

/// Text from the registry on its way into XML. XML 1.0 allows tab, line feed, carriage return and
/// everything from U+0020 except U+FFFE and U+FFFF; anything else (NUL, escape, the other control
/// characters) would make the whole report unreadable, so it becomes U+FFFD.
enum XMLText {
    static func clean(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.map { allowed($0) ? $0 : "\u{FFFD}" }))
    }

    /// What libxml2 would do to a clean string: when it would change nothing, the string is written as it
    /// is, which gives the same bytes without the escaping pass (the largest cost of writing XML).
    struct Escaping {
        /// Only printable ASCII other than `< > & "`: an attribute value libxml2 would copy unchanged.
        let plainAttribute: Bool
        /// None of `< > & " \r`: text libxml2 would copy unchanged.
        let plainText: Bool
    }

    /// Calls `body` with the text as C text (cleaned if it needs to be), its length in bytes and what
    /// escaping it needs. Almost every string is clean, and this keeps them from being copied.
    static func withClean<R>(_ text: String, _ body: (UnsafePointer<xmlChar>, Int, Escaping) -> R) -> R {
        let result: R? = text.withCString { pointer in
            let bytes = UnsafeRawPointer(pointer).assumingMemoryBound(to: UInt8.self)
            let count = text.utf8.count
            guard let escaping = scan(bytes, count: count) else { return nil }
            return body(bytes, count, escaping)
        }
        if let result { return result }
        let cleaned = clean(text)
        return cleaned.withCString { pointer in
            let bytes = UnsafeRawPointer(pointer).assumingMemoryBound(to: UInt8.self)
            return body(bytes, cleaned.utf8.count, scan(bytes, count: cleaned.utf8.count)!)
        }
    }

    static func allowed(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x0D: return true
        case 0x00..<0x20, 0xFFFE, 0xFFFF: return false
        default: return true
        }
    }

    /// nil when the text holds a character XML cannot carry (a NUL too: it would end the C text early);
    /// otherwise what escaping it needs. One table lookup per byte: this runs over every string of every
    /// report.
    static func scan(_ bytes: UnsafePointer<UInt8>, count: Int) -> Escaping? {
        var seen: UInt8 = 0
        ByteClass.table.withUnsafeBufferPointer { table in
            for index in 0..<count { seen |= table[Int(bytes[index])] }
        }
        if seen & ByteClass.forbidden != 0 { return nil }
        if seen & ByteClass.maybeNonCharacter != 0 && holdsNonCharacter(bytes, count: count) { return nil }
        return Escaping(plainAttribute: seen & (ByteClass.escapedInText | ByteClass.escapedInAttribute) == 0,
                        plainText: seen & ByteClass.escapedInText == 0)
    }

    /// U+FFFE and U+FFFF (EF BF BE, EF BF BF).
    private static func holdsNonCharacter(_ bytes: UnsafePointer<UInt8>, count: Int) -> Bool {
        var index = 0
        while index + 2 < count {
            if bytes[index] == 0xEF && bytes[index + 1] == 0xBF && (bytes[index + 2] == 0xBE || bytes[index + 2] == 0xBF) { return true }
            index += 1
        }
        return false
    }

    /// What each byte asks of XML, as bit flags.
    private enum ByteClass {
        /// Control characters other than tab, line feed and carriage return.
        static let forbidden: UInt8 = 1
        /// `< > & "` and carriage return: escaped in text and in attributes.
        static let escapedInText: UInt8 = 2
        /// Tab, line feed, DEL and every non-ASCII byte: escaped in attributes (DEL only to be safe).
        static let escapedInAttribute: UInt8 = 4
        /// EF, which starts U+FFFE and U+FFFF.
        static let maybeNonCharacter: UInt8 = 8

        static let table: [UInt8] = (0...255).map { byte -> UInt8 in
            switch byte {
            case 0x09, 0x0A: return escapedInAttribute
            case 0x0D: return escapedInText
            case 0x00..<0x20: return forbidden
            case 0x22, 0x26, 0x3C, 0x3E: return escapedInText
            case 0xEF: return escapedInAttribute | maybeNonCharacter
            case 0x7F...: return escapedInAttribute
            default: return 0
            }
        }
    }
}
