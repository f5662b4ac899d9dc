import HeraldCore

/// No waiver has run past its expiry date.
public struct WaiverExpiredRule: Rule {
    public static let description = RuleDescription(
        id: "waiver-expired",
        summary: "No waiver has passed its expiry date",
        rationale: """
            A waiver is a promise to comply by a date. Once the audit date is past its `expires` date it \
            excuses nothing: the finding it excused counts again, and this rule says the promise was not \
            kept. Fix what it excused and delete the waiver, or have a maintainer renew it with a new date. \
            The expiry day itself is still covered.
            """,
        severity: .error,
        appliesToRetired: true,
        passing: [.account(), .account(["owners": "[jdoe]", "waivers": WaiverExamples.waiver(expires: "2026-11-24")])],
        failing: [.account(["owners": "[jdoe]", "waivers": WaiverExamples.waiver(expires: "↓2026-10-31")])])

    public init() {}

    public func check(_ account: Account, in context: AuditContext) -> [Violation] {
        account.waivers.compactMap { waiver in
            guard let expires = waiver.expires, WaiverReview.hasExpired(waiver, in: context) else { return nil }
            let rule = waiver.rule?.value ?? "(no rule)"
            return Violation(at: expires.location,
                "the waiver of \(rule) expired on \(expires.value), so its findings count again: fix them and delete the waiver, or have a maintainer renew it with a new date",
                field: "waivers")
        }
    }
}
