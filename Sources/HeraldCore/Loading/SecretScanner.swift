#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// Finds what looks like a secret in a registry file before anything else reads it: keys named like a
/// secret (`password:`, `api_key:`) and values shaped like a credential (known token prefixes, long
/// random-looking strings). A secret key is removed with its value and a credential-looking value is
/// replaced, so no later message, rule or report can repeat either; only the place is kept.
enum SecretScanner {
    /// `node` with secrets removed, or nil when there was nothing to remove (the usual case, which
    /// allocates nothing). Each removal is appended to `suspects`.
    static func scan(_ node: YAMLNode, under key: String = "", suspects: inout [SecretSuspect]) -> YAMLNode? {
        switch node {
        case let .scalar(text, style, location):
            guard let reason = credentialReason(text) else { return nil }
            suspects.append(SecretSuspect(key: key, location: location, reason: reason))
            return .scalar(SecretSuspect.redactedValue, style, location)
        case let .sequence(items, location):
            var changed: [YAMLNode]?
            for (index, item) in items.enumerated() {
                if let cleaned = scan(item, under: key, suspects: &suspects) {
                    if changed == nil { changed = items }
                    changed![index] = cleaned
                }
            }
            return changed.map { .sequence($0, location) }
        case let .mapping(pairs, location):
            var changed: [YAMLPair]?
            for index in pairs.indices {
                let pair = pairs[index]
                guard case let .scalar(name, _, keyLocation) = pair.key else { continue }
                if isSecretKey(name) {
                    suspects.append(SecretSuspect(key: name, location: keyLocation, reason: .secretKey))
                    if changed == nil { changed = Array(pairs[..<index]) }
                    continue
                }
                let cleaned = scan(pair.value, under: name, suspects: &suspects)
                if cleaned != nil, changed == nil { changed = Array(pairs[..<index]) }
                changed?.append(cleaned.map { YAMLPair(key: pair.key, value: $0) } ?? pair)
            }
            return changed.map { .mapping($0, location) }
        }
    }

    // MARK: Keys

    private static let secretWords = ["password", "passwd", "passphrase", "secret", "token", "apikey", "api_key", "private_key",
                                      "access_key", "recovery_code", "backup_code", "2fa_code", "otp_seed", "totp"]
    private static let secretNames: Set<String> = ["pwd", "pass", "pin", "pw", "otp", "cookie", "session_id"]

    /// Keys the registry defines: none names a secret, and they are almost every key read.
    private static let registryKeys = Account.keys + Person.keys + Unit.keys + Standards.keys + Waiver.keys
        + ["organisation", "official_domains", "standards", "rules"]

    /// The registry's keys by length and first byte (`length * 256 + first`), compared byte for byte: a
    /// `Set` hashes every key of every file, which cost more than the rest of the scan.
    private static let registryKeyTable: [[[UInt8]]] = {
        var table = [[[UInt8]]](repeating: [], count: 64 * 256)
        for key in registryKeys where key.utf8.count < 64 { table[key.utf8.count * 256 + Int(key.utf8.first!)].append(Array(key.utf8)) }
        return table
    }()

    private static func isRegistryKey(_ name: String) -> Bool {
        var name = name
        return name.withUTF8 { bytes in
            guard let first = bytes.first, bytes.count < 64 else { return false }
            return registryKeyTable[bytes.count * 256 + Int(first)].contains { $0.elementsEqual(bytes) }
        }
    }

    /// True for a key that names a secret. The registry's own keys (`credentials`, `two_factor`) never do.
    static func isSecretKey(_ name: String) -> Bool {
        if isRegistryKey(name) { return false }
        let normalized = Array(name.lowercased().utf8.map { $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: " ") ? UInt8(ascii: "_") : $0 })
        if secretNames.contains(String(decoding: normalized, as: UTF8.self)) { return true }
        return secretWords.contains { contains($0, in: normalized) }
    }

    /// Whether `needle` occurs in `haystack`, byte for byte (the standard library's substring search
    /// builds a table per call: too slow for every key and value of 100,000 files).
    static func contains<Bytes: RandomAccessCollection>(_ needle: String, in haystack: Bytes) -> Bool where Bytes.Element == UInt8 {
        index(of: Array(needle.utf8), in: haystack) != nil
    }

    private static let privateKeyMarker = Array("PRIVATE KEY-----".utf8), schemeSeparator = Array("://".utf8)

    static func index<Bytes: RandomAccessCollection>(of needle: [UInt8], in haystack: Bytes) -> Bytes.Index? where Bytes.Element == UInt8 {
        guard let first = needle.first, haystack.count >= needle.count else { return nil }
        var start = haystack.startIndex
        let last = haystack.index(haystack.endIndex, offsetBy: -needle.count)
        while start <= last {
            if haystack[start] == first && haystack[start...].prefix(needle.count).elementsEqual(needle) { return start }
            start = haystack.index(after: start)
        }
        return nil
    }

    // MARK: Values

    private static let knownPrefixes: [(prefix: String, name: String, minimumLength: Int)] = [
        ("ghp_", "a GitHub token", 30), ("gho_", "a GitHub token", 30), ("ghu_", "a GitHub token", 30), ("ghs_", "a GitHub token", 30),
        ("github_pat_", "a GitHub token", 30), ("glpat-", "a GitLab token", 20), ("xoxb-", "a Slack token", 20), ("xoxp-", "a Slack token", 20),
        ("xoxa-", "a Slack token", 20), ("xapp-", "a Slack token", 20), ("AKIA", "an AWS access key", 20), ("ASIA", "an AWS access key", 20),
        ("AIza", "a Google API key", 35), ("ya29.", "a Google access token", 30), ("sk_live_", "a Stripe key", 20), ("rk_live_", "a Stripe key", 20),
        ("sk-", "an API secret key", 32), ("EAA", "a Meta (Facebook, Instagram) access token", 40), ("npm_", "an npm token", 36),
        ("SG.", "a SendGrid key", 40), ("shpat_", "a Shopify token", 30), ("eyJ", "a signed web token (JWT)", 30),
    ]

    /// Why `text` looks like a credential, or nil. Text with spaces (bios, names) and short values are
    /// settled at once; links are examined only for a password or key written inside them.
    static func credentialReason(_ text: String) -> SecretSuspect.Reason? {
        guard text.utf8.count >= 16 else { return nil }
        // Registry strings are native and contiguous: read them in place rather than copy every value.
        return text.utf8.withContiguousStorageIfAvailable(credentialReason) ?? credentialReason(Array(text.utf8).withUnsafeBufferPointer { $0 })
    }

    private static func credentialReason(_ bytes: UnsafeBufferPointer<UInt8>) -> SecretSuspect.Reason? {
        let hasSpace = bytes.contains { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A }
        if hasSpace {
            return index(of: privateKeyMarker, in: bytes) != nil ? .knownCredential("a private key") : nil
        }
        if let scheme = index(of: schemeSeparator, in: bytes) { return linkReason(bytes[(scheme + 3)...]) }
        for known in knownPrefixes where bytes.count >= known.minimumLength && bytes.starts(with: known.prefix.utf8) {
            if known.prefix == "eyJ" && bytes.count(where: { $0 == UInt8(ascii: ".") }) != 2 { continue }
            return .knownCredential(known.name)
        }
        if bytes.contains(UInt8(ascii: "@")) { return nil }  // an address
        return isRandomLooking(bytes) ? .randomLooking : nil
    }

    /// `https://user:password@host` or `?access_token=...`: a link with a secret inside.
    private static func linkReason(_ afterScheme: Slice<UnsafeBufferPointer<UInt8>>) -> SecretSuspect.Reason? {
        let authorityEnd = afterScheme.firstIndex { $0 == UInt8(ascii: "/") || $0 == UInt8(ascii: "?") || $0 == UInt8(ascii: "#") } ?? afterScheme.endIndex
        let authority = afterScheme[..<authorityEnd]
        if let at = authority.lastIndex(of: UInt8(ascii: "@")), authority[..<at].contains(UInt8(ascii: ":")) {
            return .knownCredential("a link with a password in it")
        }
        guard let question = afterScheme.firstIndex(of: UInt8(ascii: "?")) else { return nil }
        let query = afterScheme[(question + 1)...].prefix { $0 != UInt8(ascii: "#") }
        for parameter in query.split(separator: UInt8(ascii: "&")) {
            let name = String(decoding: parameter.prefix { $0 != UInt8(ascii: "=") }, as: UTF8.self)
            if isSecretKey(name) || ["key", "sig", "signature", "auth"].contains(name.lowercased()) {
                return .knownCredential("a link with an access key in it")
            }
        }
        return nil
    }

    /// At least 20 characters mixing three kinds (upper case, lower case, digits, symbols) with the
    /// spread of a generated key: more than 4.25 bits per character. Words, dates, vault paths and
    /// handles stay well below.
    private static func isRandomLooking(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard bytes.count >= 20 else { return false }
        var counts = [Int](repeating: 0, count: 256)
        var upper = false, lower = false, digit = false, symbol = false
        for byte in bytes {
            counts[Int(byte)] += 1
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): upper = true
            case UInt8(ascii: "a")...UInt8(ascii: "z"): lower = true
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = true
            default: symbol = true
            }
        }
        guard [upper, lower, digit, symbol].count(where: { $0 }) >= 3, digit else { return false }
        let total = Double(bytes.count)
        var entropy = 0.0
        for count in counts where count > 0 {
            let share = Double(count) / total
            entropy -= share * log2(share)
        }
        return entropy > 4.25
    }
}
