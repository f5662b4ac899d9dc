import HeraldCore

/// A typed review date is one that a commit recorded (`--git`): a `last_reviewed` later than the last
/// commit that changed the file was typed after the fact, or ahead of it.
public struct ReviewRecordedRule: Rule {
    public static let description = RuleDescription(
        id: "review-recorded",
        summary: "The review date was recorded by a commit, not typed ahead of one",
        rationale: """
            A typed last_reviewed can say anything. In a registry kept in git, a review is recorded by the \
            commit that changes the date, on the day of the review: a last_reviewed later than the last \
            commit that changed the file (the later of its author and committer dates, each in its own time \
            zone) is a review no commit recorded. Checked with --git, which reads the history of the \
            inventory; files with uncommitted edits are left until they are committed.
            """,
        severity: .warning,
        needsHistory: true,
        passing: [
            Example.account(["last_reviewed": "2026-06-01"]).with(history: .init([.init("2026-06-01"), .init("2025-11-03")])),
            Example.account(["last_reviewed": "2026-06-01"]).with(history: .init([.init("2026-09-14")])),
            Example.account(["last_reviewed": "2026-11-20"]).with(history: .init([.init("2026-06-01")], isUncommitted: true)),
        ],
        failing: [
            Example.account(["last_reviewed": "↓2026-11-20"]).with(history: .init([.init("2026-06-01")])),
        ])

    public init() {}

    public func check(_ account: Account, in context: AuditContext) -> [Violation] {
        guard let history = context.history, let reviewed = account.lastReviewed else { return [] }
        let file = history.file(account.file)
        guard !file.isUncommitted, let last = file.lastChange, reviewed.value > last.latestDate else { return [] }
        return [Violation(at: reviewed.location,
            "last_reviewed \(reviewed.value) is later than the last commit that changed this file (\(last.id), \(last.latestDate)): no commit records a review on that day; commit the date on the day of the review, or correct it",
            field: "last_reviewed")]
    }
}
