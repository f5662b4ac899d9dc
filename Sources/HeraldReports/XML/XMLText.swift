import CLibXML2

/// Text from the registry on its way into XML. XML 1.0 allows tab, line feed, carriage return and
/// everything from U+0020 except U+FFFE and U+FFFF; anything else (NUL, escape, the other control
/// characters) would make the whole report unreadable, so it becomes U+FFFD.
enum XMLText {
    static func clean(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.map { allowed($0) ? $0 : "\u{FFFD}" }))
    }

    /// Calls `body` with the text as a C string, cleaned if it needs to be. Almost every string is clean,
    /// and this keeps them from being copied.
    static func withClean<R>(_ text: String, _ body: (UnsafePointer<xmlChar>) -> R) -> R {
        let result: R? = text.withCString { pointer in
            let bytes = UnsafeRawPointer(pointer).assumingMemoryBound(to: UInt8.self)
            return isClean(bytes, count: text.utf8.count) ? body(bytes) : nil
        }
        if let result { return result }
        return clean(text).withCString { body(UnsafeRawPointer($0).assumingMemoryBound(to: UInt8.self)) }
    }

    static func allowed(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x0D: return true
        case 0x00..<0x20, 0xFFFE, 0xFFFF: return false
        default: return true
        }
    }

    /// A NUL inside the string would end the C string early, so it counts as unclean like the others.
    private static func isClean(_ bytes: UnsafePointer<UInt8>, count: Int) -> Bool {
        var index = 0
        while index < count {
            let byte = bytes[index]
            if byte < 0x20 {
                if byte != 0x09 && byte != 0x0A && byte != 0x0D { return false }
            } else if byte == 0xEF && bytes[index + 1] == 0xBF && (bytes[index + 2] == 0xBE || bytes[index + 2] == 0xBF) {
                // U+FFFE and U+FFFF are EF BF BE and EF BF BF.
                return false
            }
            index += 1
        }
        return true
    }
}
