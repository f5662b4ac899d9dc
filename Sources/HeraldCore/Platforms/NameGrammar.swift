/// What one kind of name or id may look like on a platform: its length, its characters and where some of
/// them may not stand. Lengths count Unicode scalars, which for every ASCII-only grammar are bytes. An
/// object, built once with the platform table: as a value, each identifier rule handed over retained its
/// three tables and four strings.
public final class NameGrammar: Sendable {
    /// The characters a name may hold besides those listed in `extra`.
    public enum Alphabet: Sendable {
        /// A–Z, a–z and 0–9.
        case asciiLettersAndDigits
        /// Lower-case a–z and 0–9 only.
        case asciiLowercaseAndDigits
        /// Letters and digits of any script (YouTube handles).
        case lettersAndDigits
        /// The digits 0–9 only (numeric ids).
        case digits
        /// Base32 as did:plc writes it: a–z and 2–7.
        case lowercaseBase32
    }

    public let length: ClosedRange<Int>
    public let alphabet: Alphabet
    /// Characters allowed besides the alphabet (`"_"`, `"._"`).
    public let extra: String
    /// Characters that may not start or end the name.
    public let notAtEdges: String
    /// Characters that may not follow one another (`".."`): any two of them in a row are refused.
    public let notTwiceInARow: String
    /// The name in words, for messages: "1 to 15 letters, digits or underscores".
    public let words: String

    /// Which ASCII bytes the grammar allows, and which may not repeat or stand at an edge: every handle of
    /// every account is checked, and almost all are ASCII, settled here without Unicode tables.
    private let asciiAllowed: [Bool], asciiNoRepeat: [Bool], asciiNoEdge: [Bool]

    public init(length: ClosedRange<Int>, alphabet: Alphabet, extra: String = "", notAtEdges: String = "", notTwiceInARow: String = "", words: String) {
        self.length = length
        self.alphabet = alphabet
        self.extra = extra
        self.notAtEdges = notAtEdges
        self.notTwiceInARow = notTwiceInARow
        self.words = words
        var allowed = [Bool](repeating: false, count: 128), noRepeat = allowed, noEdge = allowed
        for byte in 0..<128 {
            let scalar = Unicode.Scalar(UInt8(byte))
            allowed[byte] = extra.unicodeScalars.contains(scalar) || NameGrammar.inAlphabet(scalar, alphabet)
            noRepeat[byte] = notTwiceInARow.unicodeScalars.contains(scalar)
            noEdge[byte] = notAtEdges.unicodeScalars.contains(scalar)
        }
        (asciiAllowed, asciiNoRepeat, asciiNoEdge) = (allowed, noRepeat, noEdge)
    }

    /// True when `name` follows the grammar.
    public func accepts<S: StringProtocol>(_ name: S) -> Bool {
        let bytes = name.utf8
        if bytes.allSatisfy({ $0 < 0x80 }) {
            let count = bytes.count
            guard length.contains(count), let first = bytes.first else { return length.contains(0) }
            let last = bytes[bytes.index(bytes.startIndex, offsetBy: count - 1)]
            if asciiNoEdge[Int(first)] || asciiNoEdge[Int(last)] { return false }
            var previousRestricted = false
            for byte in bytes {
                guard asciiAllowed[Int(byte)] else { return false }
                let restricted = asciiNoRepeat[Int(byte)]
                if restricted && previousRestricted { return false }
                previousRestricted = restricted
            }
            return true
        }
        let scalars = name.unicodeScalars
        guard length.contains(scalars.count) else { return false }
        var previousRestricted = false
        for scalar in scalars {
            guard isAllowed(scalar) else { return false }
            let restricted = notTwiceInARow.unicodeScalars.contains(scalar)
            if restricted && previousRestricted { return false }
            previousRestricted = restricted
        }
        if let first = scalars.first, notAtEdges.unicodeScalars.contains(first) { return false }
        if let last = scalars.last, notAtEdges.unicodeScalars.contains(last) { return false }
        return true
    }

    private func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
        extra.unicodeScalars.contains(scalar) || NameGrammar.inAlphabet(scalar, alphabet)
    }

    private static func inAlphabet(_ scalar: Unicode.Scalar, _ alphabet: Alphabet) -> Bool {
        let value = scalar.value
        let digit = (0x30...0x39).contains(value), lower = (0x61...0x7A).contains(value), upper = (0x41...0x5A).contains(value)
        switch alphabet {
        case .asciiLettersAndDigits: return digit || lower || upper
        case .asciiLowercaseAndDigits: return digit || lower
        case .lettersAndDigits: return digit || lower || upper || (value >= 0x80 && (scalar.properties.isAlphabetic || scalar.properties.numericType != nil || scalar.properties.generalCategory == .nonspacingMark))
        case .digits: return digit
        case .lowercaseBase32: return lower || (0x32...0x37).contains(value)
        }
    }
}

/// What a whole identifier looks like: most are one name; some are built of parts.
public enum IdentifierShape: Sendable {
    /// One name, optionally after a fixed prefix (`UC` for YouTube channel ids), the prefix counted apart.
    case name(NameGrammar, prefix: String = "")
    /// A DNS domain name of at least two labels (a Bluesky handle), as the AT Protocol handle spec says.
    case domainName
    /// `user@server`: a fediverse address whose user part follows the grammar.
    case fediverseAddress(user: NameGrammar)
    /// An AT Protocol DID: `did:plc:` and 24 base32 characters, or `did:web:` and a domain name.
    case did

    /// The 24 base32 characters after `did:plc:` (source: https://atproto.com/specs/did), built once: its
    /// tables were built anew for every DID checked.
    private static let plcIdentifier = NameGrammar(length: 24...24, alphabet: .lowercaseBase32, words: "")

    /// True when `text` has the shape.
    public func accepts(_ text: String) -> Bool {
        switch self {
        case let .name(grammar, prefix):
            if prefix.isEmpty { return grammar.accepts(text) }
            guard text.hasPrefix(prefix) else { return false }
            return grammar.accepts(text.dropFirst(prefix.count))
        case .domainName:
            return DomainName.isValid(text)
        case let .fediverseAddress(user):
            let parts = text.split(separator: "@", omittingEmptySubsequences: false)
            return parts.count == 2 && user.accepts(parts[0]) && DomainName.isValid(parts[1], allowingUnicode: true)
        case .did:
            if text.hasPrefix("did:plc:") {
                return IdentifierShape.plcIdentifier.accepts(text.dropFirst(8))
            }
            if text.hasPrefix("did:web:") { return DomainName.isValid(text.dropFirst(8)) }
            return false
        }
    }
}

/// Domain names as DNS and the AT Protocol handle specification define them.
public enum DomainName {
    /// At least two labels separated by periods, each 1–63 ASCII letters, digits or inner hyphens, 253
    /// characters at most in all, the last label not starting with a digit.
    /// Source: RFC 1035 section 2.3.1; https://atproto.com/specs/handle ("Handle Identifier Syntax").
    /// - Parameter allowingUnicode: also accept labels with letters of any script, as internationalised
    ///   domain names are written (`bawü.social`, a Mastodon server; RFC 5890 U-labels). Bluesky handles
    ///   are ASCII only.
    public static func isValid<S: StringProtocol>(_ name: S, allowingUnicode: Bool = false) -> Bool {
        let labels = name.split(separator: ".", omittingEmptySubsequences: false)
        guard labels.count >= 2, name.utf8.count <= 253 else { return false }
        if let first = labels.last?.utf8.first, (0x30...0x39).contains(first) { return false }
        return labels.allSatisfy { label in
            let scalars = label.unicodeScalars
            guard (1...63).contains(label.utf8.count), scalars.first != "-", scalars.last != "-" else { return false }
            return scalars.allSatisfy { scalar in
                let value = scalar.value
                if (0x61...0x7A).contains(value) || (0x41...0x5A).contains(value) || (0x30...0x39).contains(value) || value == 0x2D { return true }
                return allowingUnicode && value > 0x7F && (scalar.properties.isAlphabetic || scalar.properties.numericType != nil || scalar.properties.generalCategory == .nonspacingMark)
            }
        }
    }
}
