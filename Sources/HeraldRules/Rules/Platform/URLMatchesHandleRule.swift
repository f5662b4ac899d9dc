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

    /// What is wrong with `url` for this account, or nil when it points at it.
    static func problem(with url: String, platform: Platform, handle: String) -> String? {
        guard url.lowercased().hasPrefix("https://") else {
            return url.lowercased().hasPrefix("http://") ? "the url uses plain http, which can be intercepted" : "the url \(url) is not a web address starting with https://"
        }
        let rest = url.dropFirst("https://".count)
        let authority = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        var host = authority.lowercased()
        for prefix in ["www.", "m.", "mobile."] where host.hasPrefix(prefix) { host.removeFirst(prefix.count) }
        var path = rest.dropFirst(authority.count).prefix { $0 != "?" && $0 != "#" }
        if path.hasPrefix("/") { path = path.dropFirst() }
        if path.hasSuffix("/") { path = path.dropLast() }
        let site = sites(of: platform)
        var expectedHandle = handle.lowercased()
        if platform == .mastodon {
            let parts = handle.lowercased().split(separator: "@", maxSplits: 1)
            guard parts.count == 2 else { return nil }  // handle-syntax reports the handle
            guard host == parts[1] else { return "the url points at \(host), not the account's instance \(parts[1])" }
            expectedHandle = String(parts[0])
        } else if !site.hosts.contains(host) {
            return "the url points at \(host), not \(platform.rawValue) (\(site.hosts.joined(separator: " or ")))"
        }
        let lowered = path.lowercased()
        guard site.prefixes.contains(where: { lowered == $0 + expectedHandle }) else {
            return "the url does not lead to \(handle) on \(platform.rawValue) (its path is /\(path))"
        }
        return nil
    }
}
