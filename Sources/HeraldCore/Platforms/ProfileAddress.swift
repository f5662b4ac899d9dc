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
    public static func read(_ url: String, on profile: PlatformProfile) -> ProfileAddress {
        let lowered = url.lowercased()
        let secure: Bool
        if lowered.hasPrefix("https://") { secure = true } else if lowered.hasPrefix("http://") { secure = false } else { return .notAWebAddress }
        let rest = url.dropFirst(secure ? 8 : 7)
        let authorityEnd = rest.firstIndex { $0 == "/" || $0 == "?" || $0 == "#" } ?? rest.endIndex
        var host = rest[..<authorityEnd].lowercased()
        if let at = host.lastIndex(of: "@") { host = String(host[host.index(after: at)...]) }  // user info: no-secrets reports it
        if let colon = host.lastIndex(of: ":") { host = String(host[..<colon]) }
        if host.hasSuffix(".") { host.removeLast() }
        let afterHost = rest[authorityEnd...].prefix { $0 != "#" }
        let pathText = afterHost.prefix { $0 != "?" }
        let query = afterHost.drop { $0 != "?" }.dropFirst()
        let segments = pathText.split(separator: "/").map { percentDecoded($0) }
        let served = profile.addresses.contains { form in form.hosts.isEmpty || form.hosts.contains { matches(host, $0) } }
        guard served else { return .otherHost(host) }
        for form in profile.addresses where form.hosts.isEmpty || form.hosts.contains(where: { matches(host, $0) }) {
            guard let identifier = capture(segments, query: query, form: form, tabs: profile.tabs),
                  let rule = profile.rule(for: form.kind) else { continue }
            var named = identifier
            if profile.platform == .mastodon && !identifier.contains("@") { named = identifier + "@" + host }
            if rule.shape.accepts(named) || (form.kind == .numericID && rule.shape.accepts(identifier)) {
                return .profile(kind: form.kind, identifier: named, secure: secure)
            }
        }
        return .unknownPath(host: host, path: "/" + segments.joined(separator: "/"))
    }

    /// The identifier `form` finds in the path (and query), or nil when the path has another form.
    private static func capture(_ segments: [String], query: Substring, form: AddressForm, tabs: [String]) -> String? {
        guard segments.count >= form.path.count else { return nil }
        var identifier: String?
        for (pattern, segment) in zip(form.path, segments) {
            switch pattern {
            case "{}": identifier = segment
            case "@{}":
                guard segment.hasPrefix("@"), segment.count > 1 else { return nil }
                identifier = String(segment.dropFirst())
            case "{-id}":
                guard let hyphen = segment.lastIndex(of: "-"), hyphen != segment.startIndex else { return nil }
                identifier = String(segment[segment.index(after: hyphen)...])
            case "*": continue
            default: guard segment.lowercased() == pattern.lowercased() else { return nil }
            }
        }
        let extra = segments.dropFirst(form.path.count)
        guard extra.count <= 1, extra.allSatisfy({ tabs.contains($0.lowercased()) }) else { return nil }
        if let parameter = form.query {
            for item in query.split(separator: "&") where item.lowercased().hasPrefix(parameter + "=") {
                identifier = percentDecoded(item.dropFirst(parameter.count + 1))
            }
        }
        guard let identifier, !identifier.isEmpty else { return nil }
        return identifier
    }

    /// `*.example.com` stands for any one label before `example.com`.
    private static func matches(_ host: String, _ pattern: String) -> Bool {
        guard pattern.hasPrefix("*.") else { return host == pattern }
        let suffix = pattern.dropFirst(1)
        return host.hasSuffix(suffix) && !host.dropLast(suffix.count).contains(".") && host.count > suffix.count
    }

    /// `%XX` escapes decoded as UTF-8; text that does not decode is kept as written. Written here because
    /// HeraldCore does not link Foundation (`removingPercentEncoding`) for this one function.
    static func percentDecoded<S: StringProtocol>(_ text: S) -> String {
        guard text.contains("%") else { return String(text) }
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
