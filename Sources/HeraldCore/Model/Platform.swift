/// A social media platform an official account may live on.
public enum Platform: String, CaseIterable, Sendable, Comparable {
    case x, instagram, facebook, linkedin, youtube, tiktok, threads, bluesky, mastodon

    public static func < (lhs: Platform, rhs: Platform) -> Bool { lhs.rawValue < rhs.rawValue }

    /// The longest bio the platform accepts, in characters as people see them (grapheme clusters;
    /// LinkedIn: the tagline). From the platform table, where each limit names its source.
    public var bioLimit: Int { PlatformProfile.of(self).bioLimit }

    /// Names people commonly write for a platform, mapped to the name the registry uses.
    public static let formerNames: [String: Platform] = ["twitter": .x, "fb": .facebook, "ig": .instagram, "bsky": .bluesky]
}

/// Where an account is in its life: in use, unused, or closed down.
public enum AccountStatus: String, CaseIterable, Sendable {
    case active, dormant, retired
}
