import HeraldCore

/// Every waiver still excuses something.
public struct WaiverUnusedRule: FindingsRule {
    public static let description = RuleDescription(
        id: "waiver-unused",
        summary: "Every waiver still excuses a finding",
        rationale: """
            A waiver whose rule finds nothing on the account is stale paperwork: the account has been fixed, \
            or the waiver names the wrong rule. Left in place it would silently excuse the next problem of \
            that kind. Delete it. Only valid, unexpired waivers are considered (the other waiver rules \
            report the rest).
            """,
        severity: .warning,
        appliesToRetired: true,
        passing: [.account(), .account(["owners": "[jdoe]", "waivers": WaiverExamples.waiver()])],
        failing: [.account(["waivers": WaiverExamples.waiver(rule: "↓owner-assigned")])])

    public init() {}

    public func check(_ account: Account, findings: [Finding], in context: AuditContext) -> [Violation] {
        let grants = WaiverReview.grants(on: account, in: context)
        return account.waivers.compactMap { waiver in
            guard let rule = waiver.rule, grants[rule.value]?.location == waiver.location,
                  !findings.contains(where: { $0.rule == rule.value }) else { return nil }
            return Violation(at: rule.location,
                "the waiver of \(rule.value) excuses nothing: \(rule.value) finds no problem on this account. Delete the waiver", field: "waivers")
        }
    }
}
