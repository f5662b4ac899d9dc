import HeraldCore

/// The account's address is a secure link to this account on its platform.
public struct URLMatchesHandleRule: Rule {
    public static let description = RuleDescription(
        id: "url-matches-handle",
        summary: "The url is an https link to this handle on this platform",
        rationale: """
            The registry's link is what the website, the directory of official accounts and the nightly \
            report point people to. A link to another platform, to another account or over plain http sends \
            them somewhere else — perhaps to an impostor. The url must start with https:// and name the \
            platform's site and this handle: x.com or twitter.com/handle, instagram.com/handle, \
            threads.net/@handle, tiktok.com/@handle, facebook.com/handle, linkedin.com/company/handle (or \
            /school/, /showcase/, /in/), youtube.com/@handle, bsky.app/profile/handle, and for mastodon \
            https://instance/@user. A leading www. or m., a trailing slash, a query or a fragment are allowed.
            """,
        severity: .error,
        passing: [
            .account(),
            .account(["platform": "x", "handle": "fairhavenparks", "url": "https://twitter.com/FairhavenParks"]),
        ],
        failing: [
            .account(["url": "↓http://www.instagram.com/fairhavenparks/"]),
            .account(["url": "↓https://www.instagram.com/fairhaven_parks/"]),
            .account(["url": "↓https://www.facebook.com/fairhavenparks"]),
        ])

    public init() {}

    public func check(_ account: Account, in context: AuditContext) -> [Violation] {
        guard let platform = account.platform?.value, let handle = account.handle?.value, let url = account.url,
              url.value != SecretSuspect.redactedValue else { return [] }
        guard let problem = URLMatchesHandleRule.problem(with: url.value, platform: platform, handle: handle) else { return [] }
        return [Violation(at: url.location, "\(problem): write \(URLMatchesHandleRule.canonicalURL(platform: platform, handle: handle))", field: "url")]
    }

    /// The sites each platform's profiles live on, and the path before the handle.
    static func sites(of platform: Platform) -> (hosts: [String], prefixes: [String]) {
        switch platform {
        case .x: return (["x.com", "twitter.com"], [""])
        case .instagram: return (["instagram.com"], [""])
        case .threads: return (["threads.net", "threads.com"], ["@"])
        case .tiktok: return (["tiktok.com"], ["@"])
        case .facebook: return (["facebook.com", "fb.com"], [""])
        case .linkedin: return (["linkedin.com"], ["company/", "school/", "showcase/", "in/"])
        case .youtube: return (["youtube.com"], ["@"])
        case .bluesky: return (["bsky.app"], ["profile/"])
        case .mastodon: return ([], ["@"])
        }
    }

    static func canonicalURL(platform: Platform, handle: String) -> String {
        if platform == .mastodon {
            let parts = handle.split(separator: "@", maxSplits: 1)
            return parts.count == 2 ? "https://\(parts[1])/@\(parts[0])" : "https://<instance>/@<user>"
        }
        let site = sites(of: platform)
        let host = [.x, .bluesky].contains(platform) ? site.hosts[0] : "www." + site.hosts[0]
        return "https://\(host)/\(site.prefixes[0])\(handle)"
    }

    /// What is wrong with `url` for this account, or nil when it points at it. Worked on bytes, lowercased
    /// once: every account has a url, and string slicing costs more than the rest of the audit's rules.
    static func problem(with url: String, platform: Platform, handle: String) -> String? {
        let bytes = url.utf8.map(asciiLowercase)
        guard bytes.starts(with: "https://".utf8) else {
            return bytes.starts(with: "http://".utf8) ? "the url uses plain http, which can be intercepted" : "the url \(url) is not a web address starting with https://"
        }
        let rest = bytes[8...]
        let authorityEnd = rest.firstIndex { $0 == slash || $0 == question || $0 == hash } ?? rest.endIndex
        var host = rest[..<authorityEnd]
        for prefix in ["www.", "m.", "mobile."] where host.starts(with: prefix.utf8) { host = host.dropFirst(prefix.utf8.count) }
        var path = rest[authorityEnd...].prefix { $0 != question && $0 != hash }
        if path.first == slash { path = path.dropFirst() }
        if path.last == slash { path = path.dropLast() }
        var expectedHandle = handle.utf8.map(asciiLowercase)[...]
        if platform == .mastodon {
            guard let at = expectedHandle.firstIndex(of: UInt8(ascii: "@")) else { return nil }  // handle-syntax reports the handle
            let instance = expectedHandle[(at + 1)...]
            guard host.elementsEqual(instance) else {
                return "the url points at \(String(decoding: host, as: UTF8.self)), not the account's instance \(String(decoding: instance, as: UTF8.self))"
            }
            expectedHandle = expectedHandle[..<at]
        } else if !sites(of: platform).hosts.contains(where: { host.elementsEqual($0.utf8) }) {
            return "the url points at \(String(decoding: host, as: UTF8.self)), not \(platform.rawValue) (\(sites(of: platform).hosts.joined(separator: " or ")))"
        }
        let matches = sites(of: platform).prefixes.contains { prefix in
            path.count == prefix.utf8.count + expectedHandle.count && path.starts(with: prefix.utf8)
                && path.dropFirst(prefix.utf8.count).elementsEqual(expectedHandle)
        }
        return matches ? nil : "the url does not lead to \(handle) on \(platform.rawValue) (its path is /\(String(decoding: path, as: UTF8.self)))"
    }

    private static let slash = UInt8(ascii: "/"), question = UInt8(ascii: "?"), hash = UInt8(ascii: "#")

    private static func asciiLowercase(_ byte: UInt8) -> UInt8 {
        (0x41...0x5A).contains(byte) ? byte + 0x20 : byte
    }
}
