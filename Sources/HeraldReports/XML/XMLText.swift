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
    /// otherwise what escaping it needs.
    static func scan(_ bytes: UnsafePointer<UInt8>, count: Int) -> Escaping? {
        var plainAttribute = true, plainText = true
        var index = 0
        while index < count {
            let byte = bytes[index]
            switch byte {
            case 0x09, 0x0A:
                plainAttribute = false
            case 0x0D:
                plainAttribute = false
                plainText = false
            case 0x00..<0x20:
                return nil
            case UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "&"), UInt8(ascii: "\""):
                plainAttribute = false
                plainText = false
            case 0x7F...:
                plainAttribute = false
                // U+FFFE and U+FFFF are EF BF BE and EF BF BF.
                if byte == 0xEF && bytes[index + 1] == 0xBF && (bytes[index + 2] == 0xBE || bytes[index + 2] == 0xBF) { return nil }
            default:
                break
            }
            index += 1
        }
        return Escaping(plainAttribute: plainAttribute, plainText: plainText)
    }
}
