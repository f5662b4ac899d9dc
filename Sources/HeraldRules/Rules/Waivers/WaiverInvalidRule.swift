import HeraldCore

/// Every waiver is complete and approved by someone who may approve it.
public struct WaiverInvalidRule: Rule {
    public static let description = RuleDescription(
        id: "waiver-invalid",
        summary: "Every waiver names a rule, a reason, an approving maintainer and a near expiry",
        rationale: """
            A waiver lets an account miss one rule for a while (the second administrator is being hired). \
            It is only accepted when it names an existing rule that may be waived, gives a reason, was \
            approved by an active maintainer of the account's unit or of a unit above it, and expires no \
            more than `max_waiver_days` (default 365) after the audit date. A waiver that is not valid \
            excuses nothing. Each rule may be waived once per account.
            """,
        severity: .error,
        appliesToRetired: true,
        passing: [.account(), .account(["owners": "[jdoe]", "waivers": WaiverExamples.waiver(approvedBy: "mchen")])],
        failing: [
            .account(["owners": "[jdoe]", "waivers": WaiverExamples.waiver(approvedBy: "↓asmith")]),
            .account(["owners": "[jdoe]", "waivers": WaiverExamples.waiver(expires: "↓2028-06-30")]),
            .account(["owners": "[jdoe]", "waivers": WaiverExamples.waiver(rule: "↓owner-asigned")]),
            .account(["waivers": WaiverExamples.waiver(rule: "↓owner-trained")]),
            .account(["owners": "[jdoe]", "waivers": "\n  - ↓rule: owner-assigned\n    approved_by: jdoe"]),
        ])

    public init() {}

    public func check(_ account: Account, in context: AuditContext) -> [Violation] {
        var violations: [Violation] = []
        var waived: [String: Int] = [:]
        for waiver in account.waivers {
            violations += WaiverReview.problems(of: waiver, on: account, in: context)
            guard let rule = waiver.rule else { continue }
            if let first = waived[rule.value] {
                violations.append(Violation(at: rule.location,
                    "rule \(rule.value) is already waived on line \(first): keep one waiver per rule and delete the other", field: "waivers"))
            } else {
                waived[rule.value] = rule.location.line
            }
        }
        return violations
    }
}

/// The waiver the waiver rules' examples vary.
enum WaiverExamples {
    static func waiver(rule: String = "owner-assigned", approvedBy: String = "jdoe", expires: String = "2027-01-31") -> String {
        """

          - rule: \(rule)
            reason: "Second administrator starts in January"
            approved_by: \(approvedBy)
            expires: \(expires)
        """
    }
}
