/// Text from the registry on its way into XML. XML 1.0 allows tab, line feed, carriage return and
/// everything from U+0020 except U+FFFE and U+FFFF; anything else (NUL, escape, the other control
/// characters) would make the whole report unreadable, so it becomes U+FFFD.
enum XMLText {
    static func clean(_ text: String) -> String {
        guard needsCleaning(text) else { return text }
        return String(String.UnicodeScalarView(text.unicodeScalars.map { allowed($0) ? $0 : "\u{FFFD}" }))
    }

    static func allowed(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x0D: return true
        case 0x00..<0x20, 0xFFFE, 0xFFFF: return false
        default: return true
        }
    }

    /// A byte scan: almost every string is clean, and this keeps them from being copied.
    private static func needsCleaning(_ text: String) -> Bool {
        var utf8 = text.utf8.makeIterator()
        while let byte = utf8.next() {
            if byte < 0x20 {
                if byte != 0x09 && byte != 0x0A && byte != 0x0D { return true }
            } else if byte == 0xEF {
                // U+FFFE and U+FFFF are EF BF BE and EF BF BF.
                if utf8.next() == 0xBF, let last = utf8.next(), last == 0xBE || last == 0xBF { return true }
            }
        }
        return false
    }
}
