import HeraldCore

/// Accounts that no longer post are marked dormant, and dormant ones are retired in time.
public struct DormantAccountRule: Rule {
    public static let description = RuleDescription(
        id: "dormant-account",
        summary: "Accounts that stopped posting are marked dormant, then retired",
        rationale: """
            An abandoned official account looks neglected, answers no one and is a target for takeover. \
            Each account records the date of its `last_post`. An active account that has not posted for \
            the unit's `dormant_after_days` (default 180) should post again or be marked `status: dormant`; \
            a dormant account that has gone twice that long should be retired (with its handle kept: see \
            retired-handle-held).
            """,
        severity: .warning,
        passing: [.account(), .account(["status": "dormant", "last_post": "2026-01-10"])],
        failing: [
            .account(["last_post": "↓2026-04-30"]),
            .account(["status": "dormant", "last_post": "↓2025-10-01"]),
            .account(["last_post": nil]),
        ])

    public init() {}

    public func check(_ account: Account, in context: AuditContext) -> [Violation] {
        let limit = context.facts(for: account).standards.dormantAfterDays
        guard let lastPost = account.lastPost else {
            if account.schemaProblems.contains(where: { $0.field == "last_post" }) { return [] }
            return [Violation(at: account.location,
                "the account does not record when it last posted: add `last_post: YYYY-MM-DD` so dormant accounts can be found", field: "last_post")]
        }
        let idle = lastPost.value.days(until: context.asOf)
        if idle < 0 {
            return [Violation(at: lastPost.location, "last_post \(lastPost.value) is after the audit date \(context.asOf): correct the date", field: "last_post")]
        }
        switch account.status?.value {
        case .active? where idle > limit:
            return [Violation(at: lastPost.location,
                "the account has not posted since \(lastPost.value) (\(idle) days, more than \(limit)): post again, or set `status: dormant` and plan its retirement",
                field: "last_post")]
        case .dormant? where idle > 2 * limit:
            return [Violation(at: lastPost.location,
                "the dormant account has not posted since \(lastPost.value) (\(idle) days, more than \(2 * limit)): retire it — set `status: retired` and `retired_on:`, and keep the handle (`handle_held: true`)",
                field: "last_post")]
        default:
            return []
        }
    }
}
