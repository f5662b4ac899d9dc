import HeraldCore

/// A reported impostor is followed up when the platform has not acted.
public struct ImpostorFollowedUpRule: Rule {
    public static let description = RuleDescription(
        id: "impostor-followed-up",
        summary: "An impostor report the platform has not acted on is followed up",
        rationale: """
            Platforms act on impersonation reports, but not always the first time, and a report nobody \
            follows up stays open while the impostor keeps posting. An entry still `reported` more than \
            impostor_follow_up_days (herald.yaml, default 30) after its report date is due a follow-up: \
            contact the platform again with the case id, then record `removed` or `refused`.
            """,
        severity: .warning,
        auditsAccounts: false,
        auditsOrganisationFiles: true,
        passing: [
            .impostors("- platform: x\n  handle: FairhavenParksDept\n  reported: 2026-11-02\n  status: reported\n"),
            .impostors("- platform: x\n  handle: FairhavenParksDept\n  reported: 2026-01-02\n  status: removed\n"),
        ],
        failing: [
            .impostors("- platform: x\n  handle: FairhavenParksDept\n  reported: ↓2026-09-01\n  case: \"CASE-20931\"\n  status: reported\n"),
        ])

    public init() {}

    /// Never called: the rule audits no account (`auditsAccounts: false`).
    public func check(_ account: Account, in context: AuditContext) -> [Violation] { [] }

    public func checkOrganisation(in context: AuditContext) -> [OrganisationViolation] {
        guard let file = context.registry.impostorsFile else { return [] }
        let limit = context.registry.organisation.impostorFollowUpDays
        return context.registry.impostors.compactMap { impostor in
            guard impostor.status?.value == .reported, let reported = impostor.reported else { return nil }
            let age = reported.value.days(until: context.asOf)
            guard age > limit else { return nil }
            let platform = impostor.platform?.value.rawValue ?? "the platform"
            let caseText = impostor.caseID.map { " (case \($0))" } ?? ""
            return OrganisationViolation(file: file, Violation(at: reported.location,
                "\(impostor.shown) was reported on \(reported.value), \(age) days ago, and is still open: contact \(platform) again\(caseText), then record `status: removed` or `status: refused`",
                field: "reported"))
        }
    }
}
