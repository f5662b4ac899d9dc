import HeraldCore

/// Every registered active account is still in the tools.
public struct RegisteredAccountVanishedRule: Rule {
    public static let description = RuleDescription(
        id: "registered-account-vanished",
        summary: "Every registered active account is still held by the social media tools",
        rationale: """
            An active account that no tool export lists any more was deleted, renamed, taken over, or \
            dropped from the tool: nobody is posting, archiving or watching it. Only platforms that some \
            export covers are checked, so an export of one platform says nothing about the others.
            """,
        severity: .warning,
        needsExports: true,
        passing: [
            Example.account().with(export: [["platform": "instagram", "url": "https://www.instagram.com/FairhavenParks/"]]),
            Example.account().with(export: [["platform": "x", "handle": "FairhavenParksEvents"]]),
        ],
        failing: [
            Example.account(["platform": "↓instagram"]).with(export: [["platform": "instagram", "handle": "fairhavenlibrary"]]),
        ])

    public init() {}

    public func check(_ account: Account, in context: AuditContext) -> [Violation] {
        guard account.status?.value == .active, let platform = account.platform?.value, context.exportsCover(platform),
              context.exportRows(of: account).isEmpty else { return [] }
        let files = (context.exports ?? []).map(\.file).joined(separator: ", ")
        return [Violation(at: account.platform?.location ?? account.location,
            "no export of the tools (\(files)) lists this account, though they list \(platform.rawValue) accounts: check that it still exists and that the tool still holds it; reconnect it, or retire the account",
            field: "platform")]
    }
}
