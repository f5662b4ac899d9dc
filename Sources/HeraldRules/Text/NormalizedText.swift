import Foundation

/// Text folded for "does this bio say that?" comparisons: case, diacritics and runs of whitespace do not
/// matter ("Département  de la Santé" matches "departement de la sante").
struct NormalizedText: Sendable, Equatable {
    let scalars: [Unicode.Scalar]

    init(_ text: String) {
        // Bios are mostly ASCII: such a bio is read in one pass over its bytes, written straight into the
        // scalars (the loop below reads ASCII scalars the same way). Read through the string's view, byte by
        // byte, and appended scalar by scalar, this was 2.5% of the audit's processor time.
        var text = text
        if let ascii = text.withUTF8({ NormalizedText.foldedASCII($0) }) {
            scalars = ascii
            return
        }
        var result: [Unicode.Scalar] = []
        result.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        func append(_ scalar: Unicode.Scalar) {
            if pendingSpace { result.append(" "); pendingSpace = false }
            result.append(scalar)
        }
        for scalar in text.unicodeScalars {
            // Handled without Unicode property tables, which cost more than the rest.
            if scalar.isASCII {
                switch scalar.value {
                case 0x09...0x0D, 0x20: pendingSpace = !result.isEmpty
                case 0x41...0x5A: append(Unicode.Scalar(scalar.value + 0x20)!)
                default: append(scalar)
                }
                continue
            }
            if scalar.properties.isWhitespace {
                pendingSpace = !result.isEmpty
                continue
            }
            // Phones type curly quotes and dashes where a unit's name has straight ones.
            if let plain = Self.typographic[scalar] {
                append(plain)
                continue
            }
            for part in String(scalar).decomposedStringWithCanonicalMapping.unicodeScalars
            where part.properties.generalCategory != .nonspacingMark {
                for lowered in part.properties.lowercaseMapping.unicodeScalars { append(lowered) }
            }
        }
        scalars = result
    }

    /// `utf8` folded as `init` folds ASCII text (letters lowered, each run of white space one space, none
    /// at either end), or nil when it holds a byte that is not ASCII.
    private static func foldedASCII(_ utf8: UnsafeBufferPointer<UInt8>) -> [Unicode.Scalar]? {
        guard !utf8.contains(where: { $0 >= 0x80 }) else { return nil }
        return [Unicode.Scalar](unsafeUninitializedCapacity: utf8.count) { buffer, count in
            var written = 0
            var pendingSpace = false
            for byte in utf8 {
                switch byte {
                case 0x09...0x0D, 0x20:
                    pendingSpace = written > 0
                    continue
                default: break
                }
                if pendingSpace {
                    buffer[written] = " "
                    written += 1
                    pendingSpace = false
                }
                buffer[written] = Unicode.Scalar(byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte)
                written += 1
            }
            count = written
        }
    }

    private static let typographic: [Unicode.Scalar: Unicode.Scalar] = [
        "\u{2018}": "'", "\u{2019}": "'", "\u{02BC}": "'", "\u{201C}": "\"", "\u{201D}": "\"",
        "\u{2010}": "-", "\u{2011}": "-", "\u{2012}": "-", "\u{2013}": "-", "\u{2014}": "-", "\u{2212}": "-",
    ]

    var isEmpty: Bool { scalars.isEmpty }

    /// True when `text` is empty or only white space. A visible ASCII character settles it at once:
    /// walking every bio character by character through Unicode's tables cost more than the bio check.
    static func isBlank(_ text: String) -> Bool {
        if text.utf8.contains(where: { $0 > 0x20 && $0 < 0x7F }) { return false }
        return text.allSatisfy(\.isWhitespace)
    }

    /// True when `phrase` occurs here as whole words: a phrase that starts or ends with a letter or digit
    /// must not be glued to another letter or digit ("DPH" is not found in "adphoto").
    func contains(_ phrase: NormalizedText) -> Bool {
        let needle = phrase.scalars
        guard !needle.isEmpty, needle.count <= scalars.count else { return needle.isEmpty }
        let first = needle[0]
        var start = 0
        while start + needle.count <= scalars.count {
            if scalars[start] == first, matches(needle, at: start), boundaryHolds(needle, at: start) { return true }
            start += 1
        }
        return false
    }

    private func matches(_ needle: [Unicode.Scalar], at start: Int) -> Bool {
        for offset in 1..<needle.count where scalars[start + offset] != needle[offset] { return false }
        return true
    }

    private func boundaryHolds(_ needle: [Unicode.Scalar], at start: Int) -> Bool {
        let end = start + needle.count
        if Self.isWordCharacter(needle[0]), start > 0, Self.isWordCharacter(scalars[start - 1]) { return false }
        if Self.isWordCharacter(needle[needle.count - 1]), end < scalars.count, Self.isWordCharacter(scalars[end]) { return false }
        return true
    }

    private static func isWordCharacter(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII {
            return (0x30...0x39).contains(scalar.value) || (0x61...0x7A).contains(scalar.value) || (0x41...0x5A).contains(scalar.value)
        }
        return scalar.properties.isAlphabetic || scalar.properties.numericType != nil
    }
}
