import HeraldCore

/// Each account is reviewed on its unit's schedule, and the review date is recorded.
public struct ReviewCurrentRule: Rule {
    public static let description = RuleDescription(
        id: "review-current",
        summary: "The account was reviewed within its unit's review period",
        rationale: """
            Owners leave, bios go stale and platforms change their rules; a scheduled review catches what \
            no rule can. last_reviewed records the last one, and it must be no older than the unit's \
            review_every_days on the audit date (and not in the future).
            """,
        severity: .warning,
        passing: [.account(), .account(["last_reviewed": "2026-05-28"])],
        failing: [
            .account(["last_reviewed": "↓2026-05-27"]),
            .account(["last_reviewed": "↓2027-01-15"]),
            .account(["last_reviewed": nil]),
        ])

    public init() {}

    public func check(_ account: Account, in context: AuditContext) -> [Violation] {
        guard let reviewed = account.lastReviewed else {
            if account.schemaProblems.contains(where: { $0.field == "last_reviewed" }) { return [] }
            return [Violation(at: account.location, "no review is recorded: review the account and add `last_reviewed: \(context.asOf)`", field: "last_reviewed")]
        }
        let age = reviewed.value.days(until: context.asOf)
        let period = context.facts(for: account).standards.reviewEveryDays
        if age < 0 {
            return [Violation(at: reviewed.location, "last_reviewed \(reviewed.value) is after the audit date \(context.asOf): record the date the review actually happened", field: "last_reviewed")]
        }
        guard age > period else { return [] }
        return [Violation(at: reviewed.location,
            "last reviewed \(reviewed.value), \(age) days ago; the unit's standard is every \(period) days: review the account and update last_reviewed", field: "last_reviewed")]
    }
}
