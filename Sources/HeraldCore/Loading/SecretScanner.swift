#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// Finds what looks like a secret in a registry file before anything else reads it: keys named like a
/// secret (`password:`, `api_key:`), known credential formats anywhere in a value (token prefixes,
/// `password is …`, private keys, links with a password), and long random-looking values under keys that
/// are not public by nature. A secret key is removed with its value (it is no registry key); every other
/// value stays as written for the rules, and what must not be printed is added to `withheld`.
enum SecretScanner {
    /// What one file's scan found: the places to report and the text no output may repeat.
    struct Found: Sendable {
        var suspects: [SecretSuspect] = []
        var withheld: [String] = []
    }

    /// Keys whose values are public by nature (identity fields and ids): the random-string heuristic never
    /// applies to them, only known credential formats. Source of the need: real YouTube channel ids and
    /// unit ids with a hexadecimal suffix look random and are not secrets.
    static let publicKeys: Set<String> = Set(["platform", "handle", "url", "unit", "name", "id", "parent", "owners", "maintainers",
                                              "approved_by", "rule", "aliases", "organisation", "official_domains", "email", "recovery_email",
                                              "status"] + Account.stableIDKeys)

    /// `node` with secret keys removed, or nil when there was none (the usual case, which allocates
    /// nothing). Each suspect is appended to `suspects`, and the text to hide to `withheld`.
    static func scan(_ node: YAMLNode, under key: String = "", suspects: inout [SecretSuspect], withheld: inout [String]) -> YAMLNode? {
        switch node {
        case let .scalar(text, _, location):
            for (reason, hidden) in findings(in: text, key: key) {
                suspects.append(SecretSuspect(key: key, location: location, reason: reason))
                withheld.append(hidden)
            }
            return nil
        case let .sequence(items, location):
            var changed: [YAMLNode]?
            for (index, item) in items.enumerated() {
                if let cleaned = scan(item, under: key, suspects: &suspects, withheld: &withheld) {
                    if changed == nil { changed = items }
                    changed![index] = cleaned
                }
            }
            return changed.map { .sequence($0, location) }
        case let .mapping(pairs, location):
            var changed: [YAMLPair]?
            // Pairs are read in place (`pairs[index]`), not copied: this walks every key of every file.
            for index in pairs.indices {
                guard case let .scalar(name, _, keyLocation) = pairs[index].key else {
                    changed?.append(pairs[index])  // a key that is no text is reported by the reader
                    continue
                }
                let tokens = name.utf8.count >= shortestToken ? findings(in: name, key: nil) : []
                if isSecretKey(name) || !tokens.isEmpty {
                    // A token pasted as a key (`ghp_…: leftover`) is withheld with its value; the finding names
                    // the place, never the key.
                    suspects.append(SecretSuspect(key: tokens.isEmpty ? name : "(a key)", location: keyLocation,
                                                  reason: tokens.first?.reason ?? .secretKey))
                    withheld += tokens.map(\.withheld) + scalars(in: pairs[index].value)
                    if changed == nil { changed = Array(pairs[..<index]) }
                    continue
                }
                let cleaned = scan(pairs[index].value, under: name, suspects: &suspects, withheld: &withheld)
                if cleaned != nil, changed == nil { changed = Array(pairs[..<index]) }
                changed?.append(cleaned.map { YAMLPair(key: pairs[index].key, value: $0, anchor: pairs[index].anchor) } ?? pairs[index])
            }
            return changed.map { .mapping($0, location) }
        }
    }

    /// Every scalar's text under `node` (a secret key's value may be a list or mapping).
    private static func scalars(in node: YAMLNode) -> [String] {
        switch node {
        case let .scalar(text, _, _): return node.isNull ? [] : [text]
        case let .sequence(items, _): return items.flatMap(scalars)
        case let .mapping(pairs, _): return pairs.flatMap { scalars(in: $0.value) }
        }
    }

    // MARK: Keys

    private static let secretWords = ["password", "passwd", "passphrase", "secret", "token", "apikey", "api_key", "private_key",
                                      "access_key", "recovery_code", "backup_code", "2fa_code", "otp_seed", "totp"]
    private static let secretNames: Set<String> = ["pwd", "pass", "pin", "pw", "otp", "cookie", "session_id"]

    /// Keys the registry defines: none names a secret, and they are almost every key read.
    private static let registryKeys = Account.keys + Person.keys + Unit.keys + Standards.keys + Waiver.keys + OrganisationParser.settings.keys

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
        // Bytes in one piece of memory (nearly every call): the C library's `memchr` finds each place the
        // needle's first byte is, a word at a time, where the loop below looks at every byte.
        if let offset = haystack.withContiguousStorageIfAvailable({ bytes -> Int? in
            guard let base = bytes.baseAddress else { return nil }
            var from = 0
            while from <= bytes.count - needle.count, let at = memchr(base + from, Int32(first), bytes.count - needle.count + 1 - from) {
                let position = UnsafeRawPointer(base).distance(to: UnsafeRawPointer(at))
                if memcmp(base + position, needle, needle.count) == 0 { return position }
                from = position + 1
            }
            return nil
        }) {
            return offset.map { haystack.index(haystack.startIndex, offsetBy: $0) }
        }
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

    /// Why `text` looks like a credential, or nil (the first reason of `findings`).
    static func credentialReason(_ text: String, publicValue: Bool = false) -> SecretSuspect.Reason? {
        findings(in: text, key: publicValue ? nil : "").first?.reason
    }

    /// Each credential in `text` and the part of it to withhold: a known token found inside the text
    /// (only the token), the word after `password is`/`password:`, the password or key of a link, or the
    /// whole value when it is random-looking and its `key` is not one of `publicKeys` (nil: known formats
    /// only, as for a key's own name). Short values are settled at once.
    static func findings(in text: String, key: String?) -> [(reason: SecretSuspect.Reason, withheld: String)] {
        guard text.utf8.count >= 8 else { return [] }
        // Registry strings are native and contiguous: read them in place rather than copy every value.
        return text.utf8.withContiguousStorageIfAvailable { findings(in: $0, text: text, key: key) }
            ?? Array(text.utf8).withUnsafeBufferPointer { findings(in: $0, text: text, key: key) }
    }

    private static func findings(in bytes: UnsafeBufferPointer<UInt8>, text: String, key: String?) -> [(reason: SecretSuspect.Reason, withheld: String)] {
        // One pass tells which of the closer looks can find anything: almost every value needs none. Each
        // byte's part in it is read from one table (`ByteClass`), and what depends on the byte before is
        // worked out with bit operations rather than branches: the scan reads every value of every file,
        // and its branches, taken at every other letter, cost more than the rest of the pass.
        var seen: UInt32 = 0, pairs: UInt32 = 0
        var previous = ByteClass.space
        var run = 0, longestRun = 0
        let classes = byteClasses
        for byte in bytes {
            let kind = classes[Int(byte)]
            seen |= kind
            pairs |= kind & ((previous << 1) ^ ByteClass.prefixStart)
            run = kind & ByteClass.token != 0 ? run + 1 : 0
            longestRun = max(longestRun, run)
            previous = kind
        }
        // `Y-` (as in `KEY-----`), `pa`/`pw`, and a known prefix where a word starts, with a run of token
        // bytes long enough for the shortest token.
        let hasKeyMarker = pairs & ByteClass.hyphen != 0
        let mayHoldPassword = pairs & ByteClass.afterP != 0 && holdsPasswordWord(bytes)
        let mayHoldToken = pairs & ByteClass.prefixStart != 0 && longestRun >= shortestToken
        let hasSpace = seen & ByteClass.space != 0, hasAt = seen & ByteClass.at != 0, hasColon = seen & ByteClass.colon != 0
        var found: [(reason: SecretSuspect.Reason, withheld: String)] = []
        if hasKeyMarker, bytes.count >= 40, index(of: privateKeyMarker, in: bytes) != nil { return [(.knownCredential("a private key"), text)] }
        if mayHoldToken, bytes.count >= shortestToken { found += knownTokens(in: bytes) }
        if mayHoldPassword { found += passwordPhrases(in: bytes) }
        if hasColon, let scheme = index(of: schemeSeparator, in: bytes) {
            if let link = linkReason(bytes[(scheme + 3)...]), !found.contains(where: { $0.withheld == link.withheld }) { found.append(link) }
            return found
        }
        // The key is looked up last: hashing it for every value cost more than the rest of the scan.
        if found.isEmpty, bytes.count >= 20, !hasSpace, !hasAt, let key, !publicKeys.contains(key), isRandomLooking(bytes) {
            found.append((.randomLooking, text))
        }
        return found
    }

    /// Known token formats wherever a word starts in the text: a GitHub token in a bio is found too.
    private static func knownTokens(in bytes: UnsafeBufferPointer<UInt8>) -> [(reason: SecretSuspect.Reason, withheld: String)] {
        var found: [(reason: SecretSuspect.Reason, withheld: String)] = []
        var start = 0
        while start < bytes.count {
            // Only a word start whose first bytes begin a known prefix is looked at further.
            guard start == 0 || !isWordByte(bytes[start - 1]), let candidates = prefixesByFirstByte[Int(bytes[start])],
                  let known = candidates.first(where: { prefix in
                      start + prefix.bytes.count <= bytes.count && (0..<prefix.bytes.count).allSatisfy { bytes[start + $0] == prefix.bytes[$0] }
                  }) else {
                start += 1
                continue
            }
            var end = start
            while end < bytes.count && isTokenByte(bytes[end]) { end += 1 }
            let token = UnsafeBufferPointer(rebasing: bytes[start..<end])
            if token.count >= known.minimumLength && (known.bytes != Array("eyJ".utf8) || token.count(where: { $0 == UInt8(ascii: ".") }) == 2) {
                found.append((.knownCredential(known.name), String(decoding: token, as: UTF8.self)))
            }
            start = max(end, start + 1)
        }
        return found
    }

    /// The known prefixes by their first byte, longest first, as bytes.
    private static let prefixesByFirstByte: [[(bytes: [UInt8], name: String, minimumLength: Int)]?] = {
        var table = [[(bytes: [UInt8], name: String, minimumLength: Int)]?](repeating: nil, count: 256)
        for known in knownPrefixes.sorted(by: { $0.prefix.utf8.count > $1.prefix.utf8.count }) {
            let first = Int(known.prefix.utf8.first!)
            table[first] = (table[first] ?? []) + [(Array(known.prefix.utf8), known.name, known.minimumLength)]
        }
        return table
    }()

    /// No known token is shorter: values below it are settled without looking for one.
    private static let shortestToken = knownPrefixes.map(\.minimumLength).min()!

    /// `password is X`, `password: X`, `pwd = X` inside text: X is withheld.
    private static func passwordPhrases(in bytes: UnsafeBufferPointer<UInt8>) -> [(reason: SecretSuspect.Reason, withheld: String)] {
        let lowered = bytes.map(ASCIICase.lower)
        var found: [(reason: SecretSuspect.Reason, withheld: String)] = []
        for word in passwordWords {
            var from = 0
            while from < lowered.count, let at = index(of: Array(word.utf8), in: lowered[from...]) {
                from = at + word.utf8.count
                // A word of its own: "1Password: Comms / Parks" names a password manager.
                guard at == 0 || !(isLetter(lowered[at - 1]) || (0x30...0x39).contains(lowered[at - 1])) else { continue }
                var cursor = from
                func skip(_ set: [UInt8]) { while cursor < lowered.count && set.contains(lowered[cursor]) { cursor += 1 } }
                skip([0x20, 0x09])
                if lowered[cursor...].starts(with: "is".utf8), cursor + 2 < lowered.count, lowered[cursor + 2] == 0x20 { cursor += 2 }
                else if cursor < lowered.count, lowered[cursor] == UInt8(ascii: ":") || lowered[cursor] == UInt8(ascii: "=") { cursor += 1 }
                else { continue }
                skip([0x20, 0x09, UInt8(ascii: "\""), UInt8(ascii: "'")])
                var end = cursor
                while end < bytes.count && bytes[end] > 0x20 && bytes[end] != UInt8(ascii: "\"") && bytes[end] != UInt8(ascii: "'") { end += 1 }
                while end > cursor && [UInt8(ascii: "."), UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: ")")].contains(bytes[end - 1]) { end -= 1 }
                guard end - cursor >= 4 else { continue }
                found.append((.knownCredential("a password written in the text"), String(decoding: UnsafeBufferPointer(rebasing: bytes[cursor..<end]), as: UTF8.self)))
            }
        }
        return found
    }

    private static let passwordWords = ["password", "passwort", "passwd", "passcode", "pwd"]

    private static func isLetter(_ byte: UInt8) -> Bool { (0x61...0x7A).contains(byte) || (0x41...0x5A).contains(byte) }

    /// Characters a token is made of: letters, digits and `_ - . = / +`.
    /// Characters a word is made of: a token starts where a word does, so after `=`, `/` or `:` too
    /// (`GITHUB_TOKEN=ghp_…`, `gist/ghp_…`).
    private static func isWordByte(_ byte: UInt8) -> Bool {
        isLetter(byte) || (0x30...0x39).contains(byte) || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".")
    }

    private static func isTokenByte(_ byte: UInt8) -> Bool {
        isLetter(byte) || (0x30...0x39).contains(byte) || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".")
            || byte == UInt8(ascii: "=") || byte == UInt8(ascii: "/") || byte == UInt8(ascii: "+")
    }


    /// What the first pass over a value notes of each byte, as bits: `space` (space, tab, line feed), `at`,
    /// `colon`, `token` (a byte a token is made of), and three pairs of a byte and the byte before it, each
    /// pair's bits side by side so that `kind & (previous << 1)` finds it: `letterY` then `hyphen` (as in
    /// `KEY-----`), `letterP` (either case) then `afterP` (`a` or `w` in either case, as in `pa…`, `pw…`),
    /// and `word` (a byte a word is made of) then `prefixStart` (the first byte of a known token prefix),
    /// this one wanted where the byte before is no word byte.
    private enum ByteClass {
        static let space: UInt32 = 1 << 0, at: UInt32 = 1 << 1, colon: UInt32 = 1 << 2, token: UInt32 = 1 << 3
        static let letterY: UInt32 = 1 << 4, hyphen: UInt32 = 1 << 5
        static let letterP: UInt32 = 1 << 6, afterP: UInt32 = 1 << 7
        static let word: UInt32 = 1 << 8, prefixStart: UInt32 = 1 << 9
    }

    private static let byteClasses: [UInt32] = (0...255).map { value in
        let byte = UInt8(value)
        var kind: UInt32 = 0
        if byte == 0x20 || byte == 0x09 || byte == 0x0A { kind |= ByteClass.space }
        if byte == UInt8(ascii: "@") { kind |= ByteClass.at }
        if byte == UInt8(ascii: ":") { kind |= ByteClass.colon }
        if isTokenByte(byte) { kind |= ByteClass.token }
        if byte == UInt8(ascii: "Y") { kind |= ByteClass.letterY }
        if byte == UInt8(ascii: "-") { kind |= ByteClass.hyphen }
        if byte | 0x20 == UInt8(ascii: "p") { kind |= ByteClass.letterP }
        if [UInt8(ascii: "a"), UInt8(ascii: "A"), UInt8(ascii: "w"), UInt8(ascii: "W")].contains(byte) { kind |= ByteClass.afterP }
        if isWordByte(byte) { kind |= ByteClass.word }
        if prefixesByFirstByte[value] != nil { kind |= ByteClass.prefixStart }
        return kind
    }

    /// Whether `pass` or `pwd` occurs in any letter case: every word `passwordPhrases` looks for starts so,
    /// and `pa` alone (department, parks, Spanish) is in most bios.
    private static func holdsPasswordWord(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard bytes.count >= 3 else { return false }
        for start in 0 ..< bytes.count - 2 where bytes[start] | 0x20 == UInt8(ascii: "p") {
            let second = bytes[start + 1] | 0x20, third = bytes[start + 2] | 0x20
            if second == UInt8(ascii: "w") && third == UInt8(ascii: "d") { return true }
            if second == UInt8(ascii: "a") && third == UInt8(ascii: "s") && start + 3 < bytes.count && bytes[start + 3] | 0x20 == UInt8(ascii: "s") { return true }
        }
        return false
    }

    /// Webhook addresses, by host and path: what follows the path is the secret.
    private static let webhooks = [
        ("hooks.slack.com", "/services/", "a Slack webhook address"), ("discord.com", "/api/webhooks/", "a Discord webhook address"),
        ("discordapp.com", "/api/webhooks/", "a Discord webhook address"), ("outlook.office.com", "/webhook/", "a Microsoft Teams webhook address"),
    ]

    /// `https://user:password@host` or `?access_token=...`: a link with a secret inside.
    private static func linkReason(_ afterScheme: Slice<UnsafeBufferPointer<UInt8>>) -> (reason: SecretSuspect.Reason, withheld: String)? {
        let authorityEnd = afterScheme.firstIndex { $0 == UInt8(ascii: "/") || $0 == UInt8(ascii: "?") || $0 == UInt8(ascii: "#") } ?? afterScheme.endIndex
        let authority = afterScheme[..<authorityEnd]
        if let at = authority.lastIndex(of: UInt8(ascii: "@")), let colon = authority[..<at].firstIndex(of: UInt8(ascii: ":")) {
            return (.knownCredential("a link with a password in it"), String(decoding: afterScheme[(colon + 1)..<at], as: UTF8.self))
        }
        // Webhook addresses are credentials: whoever has one can post as the organisation. The hosts and
        // paths are ASCII, compared as bytes in any letter case of the host: every link of every file is
        // asked, and a lower-cased copy of each link's host and path was two allocations each.
        // A host that is not ASCII is lower-cased as Unicode text (a Kelvin sign lower-cases to k).
        let path = afterScheme[authorityEnd...].prefix { $0 != UInt8(ascii: "?") && $0 != UInt8(ascii: "#") && $0 != 0x20 }
        let asciiHost = authority.allSatisfy { $0 < 0x80 }
        for (webhookHost, prefix, name) in webhooks where path.starts(with: prefix.utf8) && path.count > prefix.utf8.count + 8 {
            let sameHost = asciiHost ? ASCIICase.equal(authority, webhookHost.utf8) : String(decoding: authority, as: UTF8.self).lowercased() == webhookHost
            if sameHost { return (.knownCredential(name), String(decoding: path.dropFirst(prefix.utf8.count), as: UTF8.self)) }
        }
        guard let question = afterScheme.firstIndex(of: UInt8(ascii: "?")) else { return nil }
        let query = afterScheme[(question + 1)...].prefix { $0 != UInt8(ascii: "#") }
        for parameter in query.split(separator: UInt8(ascii: "&")) {
            let name = String(decoding: parameter.prefix { $0 != UInt8(ascii: "=") }, as: UTF8.self)
            if isSecretKey(name) || ["key", "sig", "signature", "auth"].contains(name.lowercased()) {
                return (.knownCredential("a link with an access key in it"), String(decoding: parameter.dropFirst(name.utf8.count + 1), as: UTF8.self))
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
