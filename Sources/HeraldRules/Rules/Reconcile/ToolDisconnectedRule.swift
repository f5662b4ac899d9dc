import HeraldCore

/// The tools are still connected to every account.
public struct ToolDisconnectedRule: Rule {
    public static let description = RuleDescription(
        id: "tool-disconnected",
        summary: "The social media tools are still connected to every account",
        rationale: """
            A tool that lost its connection to an account (an expired token, a changed password) no longer \
            publishes, archives or monitors it, and often says so only in its own dashboard. Read from the \
            export's status column: the mapping names the values that mean disconnected.
            """,
        severity: .warning,
        auditsAccounts: false,
        auditsOrganisationFiles: true,
        needsExports: true,
        passing: [.export([["platform": "instagram", "handle": "fairhavenparks", "status": "connected"]])],
        failing: [.export([["platform": "instagram", "handle": "fairhavenparks", "status": "token expired", "disconnected": "yes"]])])

    public init() {}

    /// Never called: the rule audits no account (`auditsAccounts: false`).
    public func check(_ account: Account, in context: AuditContext) -> [Violation] { [] }

    public func checkOrganisation(in context: AuditContext) -> [OrganisationViolation] {
        (context.exports ?? []).flatMap { export in
            export.rows.filter(\.disconnected).map { row in
                OrganisationViolation(file: export.file, Violation(at: row.place("status"),
                    "\(row.shown) is disconnected in the tool (status \"\(row.status ?? "")\"): reconnect it, so that posts, archiving and monitoring go on",
                    field: "status"))
            }
        }
    }
}
