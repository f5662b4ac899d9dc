import HeraldCore

/// The handle is one the platform could have issued.
public struct HandleSyntaxRule: Rule {
    public static let description = RuleDescription(
        id: "handle-syntax",
        summary: "The handle is valid on its platform",
        rationale: """
            A handle the platform could never issue is a typo, or the account's display name written in its \
            place, and every link and mention built from it is broken. Rules per platform: x 4–15 of \
            A–Z a–z 0–9 _; instagram and threads up to 30 of a–z 0–9 . _ with no leading, trailing or \
            doubled period; tiktok 2–24 of a–z 0–9 . _; youtube 3–30 letters, digits, _ - .; facebook at \
            least 5 of A–Z a–z 0–9 .; mastodon user@instance with a user of up to 30 of a–z 0–9 _; \
            bluesky a domain name with at least two labels (fairhaven.bsky.social). LinkedIn page names \
            are not checked.
            """,
        severity: .error,
        passing: [
            .account(),
            .account(["platform": "x", "handle": "fairhaven_parks", "url": "https://x.com/fairhaven_parks"]),
            .account(["platform": "facebook", "handle": "Fairhaven.Parks", "url": "https://www.facebook.com/Fairhaven.Parks"]),
        ],
        failing: [
            .account(["handle": "↓fairhaven..parks", "url": "https://www.instagram.com/fairhaven..parks/"]),
            .account(["platform": "x", "handle": "↓fairhavenparksandrec", "url": "https://x.com/fairhavenparksandrec"]),
            .account(["handle": "↓FairhavenParks", "url": "https://www.instagram.com/FairhavenParks/"]),
        ])

    public init() {}

    public func check(_ account: Account, in context: AuditContext) -> [Violation] {
        guard let platform = account.platform?.value, let handle = account.handle,
              !account.schemaProblems.contains(where: { $0.field == "handle" && $0.location == handle.location }),
              let rule = HandleSyntaxRule.problem(with: handle.value, on: platform) else { return [] }
        return [Violation(at: handle.location, "handle \"\(handle.value)\" cannot exist on \(platform.rawValue): \(rule); correct the handle (and the file name and url with it)", field: "handle")]
    }

    /// What the platform requires that `handle` lacks, or nil when it is valid.
    static func problem(with handle: String, on platform: Platform) -> String? {
        let bytes = Array(handle.utf8)
        func only(_ allowed: (UInt8) -> Bool) -> Bool { bytes.allSatisfy(allowed) }
        func lower(_ byte: UInt8) -> Bool { (0x61...0x7A).contains(byte) }
        func upper(_ byte: UInt8) -> Bool { (0x41...0x5A).contains(byte) }
        func digit(_ byte: UInt8) -> Bool { (0x30...0x39).contains(byte) }
        func isByte(_ byte: UInt8, _ characters: String) -> Bool { characters.utf8.contains(byte) }
        switch platform {
        case .x:
            return (4...15).contains(bytes.count) && only { lower($0) || upper($0) || digit($0) || $0 == 0x5F } ? nil
                : "X handles are 4 to 15 letters, digits or underscores"
        case .instagram, .threads:
            guard bytes.count <= 30, !bytes.isEmpty, only({ lower($0) || digit($0) || isByte($0, "._") }) else {
                return "Instagram and Threads handles are at most 30 lower-case letters, digits, periods or underscores"
            }
            if bytes.first == 0x2E || bytes.last == 0x2E || zip(bytes, bytes.dropFirst()).contains(where: { $0 == 0x2E && $1 == 0x2E }) {
                return "Instagram and Threads handles cannot start or end with a period or have two in a row"
            }
            return nil
        case .tiktok:
            return (2...24).contains(bytes.count) && only { lower($0) || digit($0) || isByte($0, "._") } ? nil
                : "TikTok handles are 2 to 24 lower-case letters, digits, periods or underscores"
        case .youtube:
            return (3...30).contains(handle.count) && handle.allSatisfy({ $0.isLetter || $0.isNumber || "_-.".contains($0) }) ? nil
                : "YouTube handles are 3 to 30 letters, digits, underscores, hyphens or periods"
        case .facebook:
            return bytes.count >= 5 && only { lower($0) || upper($0) || digit($0) || $0 == 0x2E } ? nil
                : "Facebook usernames are at least 5 letters, digits or periods"
        case .mastodon:
            let parts = handle.split(separator: "@", omittingEmptySubsequences: false)
            guard parts.count == 2, (1...30).contains(parts[0].utf8.count), parts[0].utf8.allSatisfy({ lower($0) || digit($0) || $0 == 0x5F }),
                  isHostName(parts[1]) else {
                return "Mastodon handles are user@instance, the user at most 30 lower-case letters, digits or underscores, the instance a server's name"
            }
            return nil
        case .bluesky:
            return isHostName(Substring(handle)) ? nil : "Bluesky handles are domain names with at least two parts, like fairhavenparks.bsky.social"
        case .linkedin:
            return nil
        }
    }

    /// A DNS host name of at least two labels, each 1–63 letters, digits or inner hyphens.
    static func isHostName(_ name: Substring) -> Bool {
        let labels = name.split(separator: ".", omittingEmptySubsequences: false)
        guard labels.count >= 2, name.utf8.count <= 253 else { return false }
        return labels.allSatisfy { label in
            let bytes = Array(label.utf8)
            guard (1...63).contains(bytes.count), bytes.first != 0x2D, bytes.last != 0x2D else { return false }
            return bytes.allSatisfy { (0x61...0x7A).contains($0) || (0x41...0x5A).contains($0) || (0x30...0x39).contains($0) || $0 == 0x2D }
        }
    }
}
