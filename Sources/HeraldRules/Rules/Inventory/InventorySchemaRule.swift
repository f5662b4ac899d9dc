import HeraldCore

/// An account file must be valid YAML in the registry's format, named and placed after its account.
public struct InventorySchemaRule: Rule {
    public static let description = RuleDescription(
        id: "inventory-schema",
        summary: "The account file follows the inventory format",
        rationale: """
            Herald can only audit what it can read. A file that is not YAML, has a misspelt key, a wrong \
            type, an impossible date or an unknown platform, or sits under the wrong name or folder, would \
            otherwise drop out of every check without anyone noticing. Each broken file is reported on its \
            own, and every other account is still audited.
            """,
        severity: .error,
        appliesToRetired: true,
        appliesToUnreadFiles: true,
        passing: [
            .account(),
            .account(["name": nil, "created": nil]),
            .account(["bio": "|\n  Official account of the Parks and Recreation Department.\n  Not monitored 24/7."]),
        ],
        failing: [
            .account(["↓owner": "[jdoe, asmith]"]),
            .account(["last_reviewed": "↓2026-02-30"]),
            .account(["platform": "↓twitter"], path: "parks/twitter-fairhavenparks.yaml"),
            .account(["status": "↓closed"]),
            .account(["owners": "↓jdoe"]),
            .account(["unit": "↓library"], path: "parks/instagram-fairhavenparks.yaml"),
            .account(["handle": "↓fairhaven_parks"], path: "parks/instagram-fairhavenparks.yaml"),
            Example(yaml: "platform: instagram\nhandle: fairhavenparks\n↓handle: fairhavenparks2\nurl: https://www.instagram.com/fairhavenparks/\nunit: parks\nstatus: active\n"),
            Example(yaml: "platform: instagram\nhandle: fairhavenparks\nbio: ↓\"Parks\n", path: "parks/instagram-fairhavenparks.yaml"),
            Example(yaml: "↓- just a list\n", path: "parks/instagram-fairhavenparks.yaml"),
        ])

    public init() {}

    public func check(_ account: Account, in context: AuditContext) -> [Violation] {
        account.schemaProblems.map { Violation(at: $0.location, $0.message, field: $0.field) }
    }
}
