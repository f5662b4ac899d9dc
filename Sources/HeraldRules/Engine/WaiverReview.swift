import HeraldCore

/// How the waivers of an account stand on the audit date. The three waiver rules report from it, and the
/// auditor applies only the waivers it finds valid and unexpired.
public enum WaiverReview {
    /// Why `waiver` cannot be accepted, each at the place to edit; empty when it is valid. Expiry in the
    /// past is not a reason here: that is `waiver-expired`.
    public static func problems(of waiver: Waiver, on account: Account, in context: AuditContext) -> [Violation] {
        var problems: [Violation] = []
        func problem(_ location: SourceLocation?, _ message: String) {
            problems.append(Violation(at: location ?? waiver.location, message, field: "waivers"))
        }
        if let rule = waiver.rule {
            if let waived = RuleCatalog.rule(withID: rule.value) {
                if !waived.description.canBeWaived {
                    problem(rule.location, "rule \(rule.value) cannot be waived: \(rule.value == "no-secrets" ? "remove the secret from the file and change it where it is used" : "fix the waiver itself"), then delete this waiver")
                } else if !waived.description.auditsAccounts {
                    // Its findings are at the file they concern (a person's entry in people.yaml, a unit
                    // file), never on an account: an account's waiver would excuse nothing.
                    problem(rule.location, "rule \(rule.value) reports at people.yaml or a unit file, not on an account, so an account's waiver cannot excuse it: fix it there, then delete this waiver")
                }
            } else {
                let hint = KeySuggestion.closest(to: rule.value, among: RuleCatalog.all.map(\.description.id)).map { "did you mean \"\($0)\"? " } ?? ""
                problem(rule.location, "the waiver names rule \"\(rule.value)\", which does not exist: \(hint)write the id of the rule it excuses")
            }
        } else {
            problem(nil, "the waiver names no rule: add `rule:` with the id of the rule it excuses")
        }
        if waiver.reason == nil {
            problem(nil, "the waiver gives no reason: add `reason:` saying why the account cannot comply yet")
        }
        if let approver = waiver.approvedBy {
            let lineage = context.lineage(ofUnit: account.unit?.value)
            if let person = context.registry.people[approver.value] {
                if !person.active {
                    problem(approver.location, "the waiver was approved by \(approver.value) (\(person.name)), who has left: have a current maintainer of the unit approve it")
                } else if !lineage.contains(where: { $0.maintainers.contains { $0.value == approver.value } }) {
                    let maintainers = lineage.flatMap { $0.maintainers.map(\.value) }
                    let who = maintainers.isEmpty ? "the unit has no maintainers" : "its maintainers are \(maintainers.joined(separator: ", "))"
                    problem(approver.location, "\(approver.value) is not a maintainer of unit \(account.unit?.value ?? "(none)") or of a unit above it (\(who)): have one of them approve the waiver")
                }
            } else {
                problem(approver.location, "the waiver's approver \"\(approver.value)\" is not in people.yaml: write the person id of a maintainer of the unit")
            }
        } else {
            problem(nil, "the waiver names no approver: add `approved_by:` with the person id of a maintainer of the unit")
        }
        let limit = context.facts(for: account).standards.maxWaiverDays
        if let expires = waiver.expires {
            let days = context.asOf.days(until: expires.value)
            if days > limit {
                problem(expires.location, "the waiver runs until \(expires.value), \(days) days after \(context.asOf), longer than the \(limit) days waivers may last (max_waiver_days): set an earlier date and review it then")
            }
        } else if !waiver.expiresUnreadable {
            problem(nil, "the waiver has no expiry: add `expires:` with a date at most \(limit) days ahead (YYYY-MM-DD)")
        }
        return problems
    }

    /// True once the audit date is after the waiver's expiry (the expiry day itself is still covered).
    public static func hasExpired(_ waiver: Waiver, in context: AuditContext) -> Bool {
        waiver.expires.map { $0.value < context.asOf } ?? false
    }

    /// The account's valid, unexpired waivers by the rule they excuse (the first one, when a rule is waived twice).
    public static func grants(on account: Account, in context: AuditContext) -> [String: AppliedWaiver] {
        var grants: [String: AppliedWaiver] = [:]
        for waiver in account.waivers where !hasExpired(waiver, in: context) {
            guard let rule = waiver.rule?.value, let reason = waiver.reason?.value, let approver = waiver.approvedBy?.value,
                  let expires = waiver.expires?.value, grants[rule] == nil,
                  problems(of: waiver, on: account, in: context).isEmpty else { continue }
            grants[rule] = AppliedWaiver(reason: reason, approvedBy: approver, expires: expires, location: waiver.location)
        }
        return grants
    }
}
