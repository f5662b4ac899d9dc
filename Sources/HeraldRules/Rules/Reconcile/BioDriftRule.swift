import HeraldCore

/// The live bio is the registered one.
public struct BioDriftRule: Rule {
    public static let description = RuleDescription(
        id: "bio-drift",
        summary: "The live bio, as the tools export it, is the registered one",
        rationale: """
            The registry records the bio the organisation approved. A live bio that differs was changed \
            without the registry (an unapproved change, or a takeover), or the registry is out of date. \
            Spaces and line breaks do not count; letters, punctuation and words do.
            """,
        severity: .warning,
        needsExports: true,
        passing: [
            Example.account().with(export: [["platform": "instagram", "handle": "fairhavenparks",
                "bio": "Official account of the Parks and Recreation Department,   City of Fairhaven. Not monitored 24/7."]]),
            Example.account().with(export: [["platform": "instagram", "handle": "fairhavenparks"]]),
        ],
        failing: [
            Example.account(["bio": "↓\"Official account of the Parks and Recreation Department, City of Fairhaven. Not monitored 24/7.\""])
                .with(export: [["platform": "instagram", "handle": "fairhavenparks", "bio": "Follow for giveaways! DM us your card details."]]),
        ])

    public init() {}

    public func check(_ account: Account, in context: AuditContext) -> [Violation] {
        guard let registered = account.bio else { return [] }
        for (export, row) in context.exportRows(of: account) {
            guard let live = row.bio, !live.isEmpty, Self.words(live) != Self.words(registered.value) else { continue }
            let excerpt = live.count > 80 ? String(live.prefix(79)) + "…" : live
            return [Violation(at: registered.location,
                "the live bio in \(export.file) (row \(row.row)) is not the registered one: \"\(excerpt)\"; if the change was approved, record it here, if not, restore the registered bio on the platform",
                field: "bio")]
        }
        return []
    }

    /// The bio's words, spaces and line breaks aside.
    static func words(_ text: String) -> [Substring] {
        text.split { $0.isWhitespace || $0.isNewline }
    }
}
