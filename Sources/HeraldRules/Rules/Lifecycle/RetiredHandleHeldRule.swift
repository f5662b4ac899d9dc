import HeraldCore

/// A retired account records when it was retired and keeps its handle.
public struct RetiredHandleHeldRule: Rule {
    public static let description = RuleDescription(
        id: "retired-handle-held",
        summary: "A retired account records its retirement date and keeps its handle",
        rationale: """
            A deleted official handle can be registered by anyone, and an impostor under the old name is \
            believed by everyone who followed it. Retiring an account means taking it out of use, not \
            deleting it: the account is kept (or the handle re-registered) and marked `handle_held: true`, \
            with the day it was retired in `retired_on`. Applies to retired accounts only.
            """,
        severity: .error,
        appliesToRetired: true,
        passing: [.account(), .account(["status": "retired", "retired_on": "2025-12-31", "handle_held": "true"])],
        failing: [
            .account(["status": "retired", "retired_on": "2025-12-31", "handle_held": "↓false"]),
            .account(["status": "retired", "handle_held": "true"]),
        ])

    public init() {}

    public func check(_ account: Account, in context: AuditContext) -> [Violation] {
        guard account.isRetired else { return [] }
        var violations: [Violation] = []
        if account.retiredOn == nil, !account.schemaProblems.contains(where: { $0.field == "retired_on" }) {
            violations.append(Violation(at: account.status?.location ?? account.location,
                "the retired account does not say when it was retired: add `retired_on: YYYY-MM-DD`", field: "retired_on"))
        } else if let retiredOn = account.retiredOn, retiredOn.value > context.asOf {
            violations.append(Violation(at: retiredOn.location, "retired_on \(retiredOn.value) is after the audit date \(context.asOf): correct the date", field: "retired_on"))
        }
        if account.handleHeld?.value != true, !account.schemaProblems.contains(where: { $0.field == "handle_held" }) {
            violations.append(Violation(at: account.handleHeld?.location ?? account.location,
                "the retired account's handle is not recorded as held: keep the account (do not delete it) so no impostor can take the handle, then record `handle_held: true`",
                field: "handle_held"))
        }
        return violations
    }
}
