import HeraldCore
import HeraldRules

/// An audit result made from a tiny in-memory registry: one clean account, one with findings, one whose
/// file is not YAML (no account identity, no unit).
enum ReportTestData {
    static func result(asOf: String = "2026-11-24") throws -> AuditResult {
        let sources = InventorySources(
            organisation: .init(path: "Inventory/herald.yaml", text: "organisation: City of \"Fairhaven\" / <Test>\n"),
            people: .init(path: "Inventory/people.yaml", text: "- {id: jdoe, name: Jane Doe}\n- {id: asmith, name: Alex Smith}\n"),
            units: [.init(path: "Inventory/units/parks.yaml", text: "id: parks\nname: Parks\n")],
            accounts: [
                account("parks/x-fairhavenparks.yaml", "platform: x\nhandle: fairhavenparks\nurl: https://x.com/fairhavenparks\nunit: parks\nbio: Fairhaven Parks\nowners: [jdoe, asmith]\nstatus: active\nlast_reviewed: 2026-10-01\n"),
                account("parks/x-parksfun.yaml", "platform: x\nhandle: parksfun\nurl: https://x.com/parksfun\nunit: parks\nbio: \"Fun in the sun \\e[31m\"\nowners: [jdoe]\nstatus: active\n"),
                account("parks/x-broken.yaml", "platform: [x\n"),
            ])
        let registry = try RegistryBuilder.build(from: sources, knownRules: Set(RuleCatalog.all.map(\.description.id)))
        return Auditor(asOf: CalendarDate(asOf)!).audit(registry)
    }

    private static func account(_ path: String, _ text: String) -> InventorySources.AccountFile {
        .init(path: "Inventory/accounts/" + path, folder: "parks", fileName: String(path.split(separator: "/")[1]), content: .bytes(Array(text.utf8)))
    }
}
