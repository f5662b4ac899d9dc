import HeraldCore

/// Only the account's owners, current staff, have access in the tools.
public struct ToolAdminUnregisteredRule: Rule {
    public static let description = RuleDescription(
        id: "tool-admin-unregistered",
        summary: "Only the account's owners, all current staff, have access to it in the tools",
        rationale: """
            Access to an account in the tools is access to the account. An e-mail with access that belongs \
            to none of the account's owners, or to a person who has left, is access no one answers for: \
            remove it, or make the person an owner. Owners are matched by their e-mail in people.yaml; \
            findings point at the export's row.
            """,
        severity: .error,
        auditsAccounts: false,
        auditsOrganisationFiles: true,
        needsExports: true,
        passing: [.export([["platform": "instagram", "handle": "fairhavenparks", "admins": "jane.doe@fairhaven.gov; ALEX.SMITH@fairhaven.gov"]])],
        failing: [
            .export([["platform": "instagram", "handle": "fairhavenparks", "admins": "jane.doe@fairhaven.gov; intern.summer@gmail.com"]]),
            .export([["platform": "instagram", "handle": "fairhavenparks", "admins": "jane.doe@fairhaven.gov; bo.left@fairhaven.gov"]]),
        ])

    public init() {}

    /// Never called: the rule audits no account (`auditsAccounts: false`).
    public func check(_ account: Account, in context: AuditContext) -> [Violation] { [] }

    public func checkOrganisation(in context: AuditContext) -> [OrganisationViolation] {
        let byKey = AccountsByKey(context.registry)
        var byEmail: [String: Person] = [:]
        for person in context.registry.people.values { if let email = person.email { byEmail[email.lowercased()] = person } }
        var violations: [OrganisationViolation] = []
        for export in context.exports ?? [] {
            for row in export.rows where !row.admins.isEmpty {
                // Every file that registers the account (a duplicate registers it twice): an owner in any counts.
                let accounts = byKey.all(named: row.identityKeys)
                guard let account = accounts.first else { continue }
                let owners = Set(accounts.flatMap { $0.owners?.value.map(\.value) ?? [] })
                for admin in row.admins {
                    let person = byEmail[admin]
                    if let person, !person.active {
                        violations.append(OrganisationViolation(file: export.file, Violation(at: row.place("admins"),
                            "\(admin) (\(person.name)) still has access to \(row.shown) in the tool but has left: remove the access", field: "admins")))
                    } else if person.map({ !owners.contains($0.id) }) ?? true {
                        violations.append(OrganisationViolation(file: export.file, Violation(at: row.place("admins"),
                            "\(admin) has access to \(row.shown) in the tool but is not one of its owners in \(account.file): remove the access, or add the person as an owner",
                            field: "admins")))
                    }
                }
            }
        }
        return violations
    }
}
