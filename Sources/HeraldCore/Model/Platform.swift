/// A social media platform an official account may live on.
public enum Platform: String, CaseIterable, Sendable, Comparable {
    case x, instagram, facebook, linkedin, youtube, tiktok, threads, bluesky, mastodon

    public static func < (lhs: Platform, rhs: Platform) -> Bool { lhs.rawValue < rhs.rawValue }

    /// Names people commonly write for a platform, mapped to the name the registry uses.
    /// The longest bio the platform accepts, in characters as people see them (LinkedIn: the tagline).
    public var bioLimit: Int {
        switch self {
        case .x: return 160
        case .instagram, .threads: return 150
        case .tiktok: return 80
        case .facebook: return 101
        case .linkedin: return 120
        case .youtube: return 1000
        case .bluesky: return 256
        case .mastodon: return 500
        }
    }

    public static let formerNames: [String: Platform] = ["twitter": .x, "fb": .facebook, "ig": .instagram, "bsky": .bluesky]
}

/// Where an account is in its life: in use, unused, or closed down.
public enum AccountStatus: String, CaseIterable, Sendable {
    case active, dormant, retired
}
