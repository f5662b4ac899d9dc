/// What people paste to ask "is this account official?" (`https://x.com/FairhavenParks`, `twitter.com/…`,
/// `@fairhavenparks`, `x:fairhavenparks`, a YouTube channel address…) turned into the identity keys the
/// registry's accounts have (`AccountIdentifiers.identityKeys`), with the same platform table the rules use.
public enum AccountLookup {
    /// The key of an identifier of `kind` on `platform`: `platform:name` for a name, `platform#id` for a
    /// stable id, folded as the platform compares it.
    public static func keys(platform: Platform, kind: IdentifierKind, identifier: String) -> [String] {
        guard let rule = PlatformProfile.of(platform).rule(for: kind) else { return [] }
        return [platform.rawValue + (kind.isStable ? "#" : ":") + rule.folded(identifier)]
    }

    /// The keys of an account named by `handle` and/or the profile address `url` on `platform` (what an
    /// impostor entry or a row of a tool's export says), sorted, each once.
    public static func keys(platform: Platform, handle: String?, url: String?) -> [String] {
        var keys = handle.map { AccountIdentifiers(platform: platform, handle: $0).identityKeys } ?? []
        if let url, case let .profile(kind, identifier, _) = ProfileAddress.read(url, on: PlatformProfile.of(platform)) {
            keys += self.keys(platform: platform, kind: kind, identifier: identifier)
        }
        return Array(Set(keys)).sorted()
    }

    /// The identifier a profile address of `platform` names (`https://www.tiktok.com/@name` → `name`), or
    /// nil when it is not one.
    public static func name(platform: Platform, url: String) -> String? {
        guard case let .profile(_, identifier, _) = ProfileAddress.read(url, on: PlatformProfile.of(platform)) else { return nil }
        return identifier
    }

    /// True when `text` says its platform: an address, or `platform:name`; false for a bare name.
    public static func namesPlatform(_ text: String) -> Bool {
        let query = text.trimmingSpaces().lowercased()
        if query.contains("://") || (query.contains("/") && query.contains(".")) { return true }
        return Platform.allCases.contains { platform in [":", " ", "/"].contains { query.hasPrefix(platform.rawValue + $0) } }
    }

    /// The keys `text` can name: every platform's, for a bare name; the platform's, for an address or
    /// `platform:name`. Empty when it names nothing a platform could have.
    public static func keys(for text: String) -> [String] {
        var query = text.trimmingSpaces()
        guard !query.isEmpty else { return [] }
        // `x:name`, `x @name`, `instagram/name`: a platform named first.
        for platform in Platform.allCases {
            for separator in [":", " ", "/"] where query.lowercased().hasPrefix(platform.rawValue + separator) {
                let rest = String(query.dropFirst(platform.rawValue.count + 1)).trimmingSpaces()
                guard !rest.contains("/") else { continue }
                return AccountIdentifiers(platform: platform, handle: rest).identityKeys
            }
        }
        // An address, with or without its scheme: `x.com/name`, `www.instagram.com/name/`.
        let lowered = query.lowercased()
        if !lowered.hasPrefix("https://") && !lowered.hasPrefix("http://"), query.contains("/"), let dot = query.firstIndex(of: "."),
           query[..<dot].allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" }) {
            query = "https://" + query
        }
        if query.lowercased().hasPrefix("https://") || query.lowercased().hasPrefix("http://") {
            var keys: [String] = []
            for platform in Platform.allCases {
                if case let .profile(kind, identifier, _) = ProfileAddress.read(query, on: PlatformProfile.of(platform)),
                   !PlatformProfile.of(platform).hosts.isEmpty || platform == .mastodon {
                    keys += self.keys(platform: platform, kind: kind, identifier: identifier)
                }
            }
            // Mastodon serves any host: an address another platform reads is that platform's.
            if keys.count > 1 { keys.removeAll { $0.hasPrefix(Platform.mastodon.rawValue) } }
            return keys
        }
        // A bare name, with or without `@`: any platform that could have it.
        var keys: [String] = []
        for platform in Platform.allCases { keys += AccountIdentifiers(platform: platform, handle: query).identityKeys }
        return keys
    }
}

private extension String {
    func trimmingSpaces() -> String {
        String(drop { $0 == " " || $0 == "\t" || $0 == "\n" }.reversed().drop { $0 == " " || $0 == "\t" || $0 == "\n" }.reversed())
    }
}
