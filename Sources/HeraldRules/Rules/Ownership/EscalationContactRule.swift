import HeraldCore

/// Someone is named to call about harassment, threats and complaints: on the account or on its unit.
public struct EscalationContactRule: Rule {
    public static let description = RuleDescription(
        id: "escalation-contact",
        summary: "A contact for harassment, threats and complaints is named",
        rationale: """
            Staff who run official accounts meet abuse, threats and complaints, and need to know at once whom \
            to call. The account (`escalation:`) or its unit or a unit above it (the nearest one wins) names \
            an escalation contact: the id of an active person in people.yaml, or an address on one of the \
            official domains. Units may say `require_escalation_contact: false` (default true). A contact \
            that is not valid is reported where it is written, in the account or in the unit file.
            """,
        severity: .error,
        auditsOrganisationFiles: true,
        passing: [.account(), .account(["escalation": "mchen"])],
        failing: [
            .account(["escalation": "↓bleft"]),
            .account(["escalation": "↓harassment@gmail.com"]),
            .account(["platform": "x", "handle": "fairhavenreads", "url": "https://x.com/fairhavenreads", "unit": "library",
                      "bio": "\"Fairhaven Public Library\"", "archiving": nil], units: [
                "city-hall": "id: city-hall\nname: City Hall\nmaintainers: [mchen]\n"]),
            .unit("city-hall", "id: city-hall\nname: City Hall\nmaintainers: [mchen]\nescalation: ↓nobody\n"),
        ])

    public init() {}

    public func check(_ account: Account, in context: AuditContext) -> [Violation] {
        if let own = account.escalation {
            return problem(with: own.value, in: context).map { [Violation(at: own.location, "the escalation contact \($0)", field: "escalation")] } ?? []
        }
        let facts = context.facts(for: account)
        guard facts.standards.requireEscalationContact else { return [] }
        // A unit's contact covers its accounts; if it is not valid, that is reported once, in the unit file.
        guard facts.isKnown else { return [] }  // unit-known reports it
        if facts.hasEscalation { return [] }
        return [Violation(at: account.location,
            "no one is named to call about harassment, threats or complaints: add `escalation:` with a person id or an official address, to this account or to its unit's file",
            field: "escalation")]
    }

    public func checkOrganisation(in context: AuditContext) -> [OrganisationViolation] {
        context.registry.units.values.sorted { $0.id < $1.id }.compactMap { unit in
            guard let contact = unit.escalation, let problem = problem(with: contact.value, in: context) else { return nil }
            return OrganisationViolation(file: unit.file, unit: unit.id,
                                         Violation(at: contact.location, "the unit's escalation contact \(problem)", field: "escalation"))
        }
    }

    /// What is wrong with a contact, or nil when it is an active person or an official address.
    private func problem(with contact: String, in context: AuditContext) -> String? {
        if contact.utf8.contains(UInt8(ascii: "@")) {
            // Without official_domains there is nothing to check an address against (docs/inventory-format.md).
            return context.registry.organisation.officialDomains.isEmpty || context.isOfficialAddress(contact) ? nil
                : "\(contact) is not on an official domain (\(context.registry.organisation.officialDomains.joined(separator: ", "))): name a work address or a person id"
        }
        guard let person = context.registry.people[contact] else {
            return "\"\(contact)\" is neither a person id in people.yaml nor an e-mail address: name one or the other"
        }
        return person.active ? nil : "\(contact) (\(person.name)) has left: name a current member of staff or a shared official address"
    }
}
