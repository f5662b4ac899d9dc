import HeraldCore
import HeraldRules

/// Audit results made from tiny in-memory registries, audited as of 2026-11-24. These tests are about
/// reports, so the registries are audited by the first seven rules only, whose findings the tests spell
/// out; `rules:` widens that where a test needs it.
enum ReportTestData {
    static let firstRules: [any Rule] = ["inventory-schema", "unit-known", "duplicate-account", "bio-states-office", "owner-assigned",
                                         "unit-standards", "review-current"].map { RuleCatalog.rule(withID: $0)! }

    /// One clean account, one with findings, one whose file is not YAML (no account identity, no unit).
    static func result(asOf: String = "2026-11-24") throws -> AuditResult {
        try audit(
            organisation: "organisation: City of \"Fairhaven\" / <Test>\n",
            people: "- {id: jdoe, name: Jane Doe}\n- {id: asmith, name: Alex Smith}\n",
            units: ["parks": "id: parks\nname: Parks\n"],
            accounts: [
                "parks/x-fairhavenparks.yaml": "platform: x\nhandle: fairhavenparks\nurl: https://x.com/fairhavenparks\nunit: parks\nbio: Fairhaven Parks\nowners: [jdoe, asmith]\nstatus: active\nlast_reviewed: 2026-10-01\n",
                "parks/x-parksfun.yaml": "platform: x\nhandle: parksfun\nurl: https://x.com/parksfun\nunit: parks\nbio: \"Fun in the sun\"\nowners: [jdoe]\nstatus: active\n",
                "parks/x-broken.yaml": "platform: [x\n",
            ],
            order: ["parks/x-fairhavenparks.yaml", "parks/x-parksfun.yaml", "parks/x-broken.yaml"],
            asOf: asOf)
    }

    /// A registry from the texts of its files, audited.
    /// - Parameters:
    ///   - units: unit id → the text of `units/<id>.yaml`.
    ///   - accounts: `<unit>/<file>` → the file's text; read in `order` when given, else sorted by path.
    static func audit(organisation: String, people: String, units: [String: String] = [:], accounts: [String: String] = [:],
                      order: [String]? = nil, asOf: String = "2026-11-24", rules: [any Rule] = firstRules) throws -> AuditResult {
        let sources = InventorySources(
            organisation: .init(path: "Inventory/herald.yaml", text: organisation),
            people: .init(path: "Inventory/people.yaml", text: people),
            units: units.keys.sorted().map { .init(path: "Inventory/units/\($0).yaml", text: units[$0]!) },
            accounts: (order ?? accounts.keys.sorted()).map { path in
                let parts = path.split(separator: "/").map(String.init)
                return .init(path: "Inventory/accounts/" + path, folder: parts[0], fileName: parts[1], content: .bytes(Array(accounts[path]!.utf8)))
            })
        let registry = try RegistryBuilder.build(from: sources, knownRules: Set(RuleCatalog.all.map(\.description.id)))
        return Auditor(rules: rules, asOf: CalendarDate(asOf)!).audit(registry)
    }
}
