/// A web address read against a platform's address forms: what it is, and which account it names.
public enum ProfileAddress: Sendable, Equatable {
    /// A profile address of the platform, naming an identifier of `kind`. `secure` is false for http.
    case profile(kind: IdentifierKind, identifier: String, secure: Bool)
    /// Not an address at all (no `https://` or `http://`).
    case notAWebAddress
    /// A web address on a host that does not serve the platform's profiles.
    case otherHost(String)
    /// On the platform's host, but not in any profile address form (a post, a search, a typo).
    case unknownPath(host: String, path: String)

    /// Reads `url` as an address of `profile`'s platform. Scheme and host ignore letter case; the path
    /// keeps it (channel ids are case-sensitive); `%`-escapes in the path are decoded; a trailing slash,
    /// a query (other than one holding the identifier), a fragment and a profile tab are ignored.
    /// Worked on bytes: every account has a url, and Swift's character-wise string search (grapheme
    /// breaking) made this the audit's most expensive check.
    public static func read(_ url: String, on profile: PlatformProfile) -> ProfileAddress {
        // Read in the string's own storage, the host compared as bytes and made a string only for an
        // answer that names it: copying each url and its host cost half of reading it.
        if let address = url.utf8.withContiguousStorageIfAvailable({ read(utf8: $0, on: profile) }) { return address }
        var copy = url
        return copy.withUTF8 { read(utf8: $0, on: profile) }
    }

    private static func read(utf8 bytes: UnsafeBufferPointer<UInt8>, on profile: PlatformProfile) -> ProfileAddress {
        let secure: Bool
        if ASCIICase.equal(bytes.prefix(8), "https://".utf8) { secure = true }
        else if ASCIICase.equal(bytes.prefix(7), "http://".utf8) { secure = false }
        else { return .notAWebAddress }
        let hostStart = secure ? 8 : 7
        var authorityEnd = hostStart
        while authorityEnd < bytes.count, bytes[authorityEnd] != slash, bytes[authorityEnd] != question, bytes[authorityEnd] != hash { authorityEnd += 1 }
        var authority = bytes[hostStart..<authorityEnd]
        if let at = authority.lastIndex(of: UInt8(ascii: "@")) { authority = authority[(at + 1)...] }  // user info: no-secrets reports it
        if let colon = authority.lastIndex(of: UInt8(ascii: ":")) { authority = authority[..<colon] }
        if authority.last == UInt8(ascii: ".") { authority = authority.dropLast() }
        var host: String { String(decoding: authority.map(ASCIICase.lower), as: UTF8.self) }
        guard profile.serves(host: authority) else { return .otherHost(host) }
        var pathEnd = authorityEnd
        while pathEnd < bytes.count, bytes[pathEnd] != question, bytes[pathEnd] != hash { pathEnd += 1 }
        // The old `#!` addresses (`twitter.com/#!/name`, on many official sites still) put the path in the
        // fragment; the platforms sent them on to the path.
        if pathEnd + 2 < bytes.count, bytes[pathEnd] == hash, bytes[pathEnd + 1] == UInt8(ascii: "!"),
           bytes[pathEnd + 2] == slash, bytes[authorityEnd..<pathEnd].allSatisfy({ $0 == slash }) {
            return read(String(decoding: Array(bytes[..<authorityEnd]) + bytes[(pathEnd + 2)...], as: UTF8.self), on: profile)
        }
        var queryEnd = pathEnd
        while queryEnd < bytes.count, bytes[queryEnd] != hash { queryEnd += 1 }
        let segments = bytes[authorityEnd..<pathEnd].split(separator: slash)
        let query = pathEnd < queryEnd ? bytes[(pathEnd + 1)..<queryEnd] : bytes[pathEnd..<pathEnd]
        for form in profile.addresses {
            guard let identifier = capture(segments, query: query, form: form, tabs: profile.tabs),
                  let rule = profile.rule(for: form.kind) else { continue }
            var named = identifier
            if profile.platform == .mastodon && !identifier.utf8.contains(UInt8(ascii: "@")) { named = identifier + "@" + host }
            if rule.shape.accepts(named) {
                return .profile(kind: form.kind, identifier: named, secure: secure)
            }
        }
        return .unknownPath(host: host, path: "/" + segments.map { percentDecoded(String(decoding: $0, as: UTF8.self)) }.joined(separator: "/"))
    }

    private static let slash = UInt8(ascii: "/"), question = UInt8(ascii: "?"), hash = UInt8(ascii: "#")

    /// The identifier `form` finds in the path (and query), or nil when the path has another form.
    private static func capture(_ segments: [Slice<UnsafeBufferPointer<UInt8>>], query: Slice<UnsafeBufferPointer<UInt8>>, form: AddressForm,
                                tabs: [String]) -> String? {
        guard segments.count >= form.segments.count else { return nil }
        var identifier: Slice<UnsafeBufferPointer<UInt8>>?
        for (pattern, segment) in zip(form.segments, segments) {
            switch pattern {
            case .identifier: identifier = segment
            case .afterAt:
                guard segment.first == UInt8(ascii: "@"), segment.count > 1 else { return nil }
                identifier = segment.dropFirst()
            case .afterLastHyphen:
                guard let hyphen = segment.lastIndex(of: UInt8(ascii: "-")), hyphen != segment.startIndex else { return nil }
                identifier = segment[(hyphen + 1)...]
            case .any: continue
            case let .literal(bytes): guard ASCIICase.equal(segment, bytes) else { return nil }
            }
        }
        let extra = segments.dropFirst(form.segments.count)
        guard extra.count <= 1, extra.allSatisfy({ segment in tabs.contains { ASCIICase.equal(segment, $0.utf8) } }) else { return nil }
        if let parameter = form.query {
            for item in query.split(separator: UInt8(ascii: "&")) where item.count > parameter.utf8.count
                && ASCIICase.equal(item.prefix(parameter.utf8.count), parameter.utf8) && item[item.startIndex + parameter.utf8.count] == UInt8(ascii: "=") {
                identifier = item.dropFirst(parameter.utf8.count + 1)
            }
        }
        guard let identifier, !identifier.isEmpty else { return nil }
        return percentDecoded(String(decoding: identifier, as: UTF8.self))
    }

    /// `%XX` escapes decoded as UTF-8; text that does not decode is kept as written. Written here because
    /// HeraldCore does not link Foundation (`removingPercentEncoding`) for this one function.
    static func percentDecoded<S: StringProtocol>(_ text: S) -> String {
        guard text.utf8.contains(UInt8(ascii: "%")) else { return String(text) }
        var bytes: [UInt8] = []
        var iterator = Array(text.utf8).makeIterator()
        while let byte = iterator.next() {
            if byte == UInt8(ascii: "%"), let high = iterator.next(), let low = iterator.next(),
               let value = UInt8(String(decoding: [high, low], as: UTF8.self), radix: 16) {
                bytes.append(value)
            } else {
                bytes.append(byte)
            }
        }
        return String(validating: bytes, as: UTF8.self) ?? String(text)
    }
}
