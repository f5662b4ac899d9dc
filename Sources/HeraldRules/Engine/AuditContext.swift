import HeraldCore

/// Everything a rule may consult besides the account: the registry, the audit date, and indexes built once
/// per audit.
public struct AuditContext: Sendable {
    public let registry: Registry
    /// The audit's date: the only way time enters a rule.
    public let asOf: CalendarDate
    /// Files by account identity (`platform:handle`), in file order, for identities registered more than once.
    public let filesByIdentity: [String: [String]]
    /// Each unit's name and aliases, normalized for matching bios.
    let unitNamesForBio: [String: [NormalizedText]]
    /// Each unit's effective `bio_must_include` phrases, as written and normalized.
    let bioPhrases: [String: [(phrase: String, normalized: NormalizedText)]]
    /// Units that name an escalation contact themselves or through an ancestor.
    let unitsWithEscalation: Set<String>
    /// Each unit's effective `bio_must_not_include` phrases, as written and normalized.
    let forbiddenBioPhrases: [String: [(phrase: String, normalized: NormalizedText)]]

    public init(registry: Registry, asOf: CalendarDate) {
        self.registry = registry
        self.asOf = asOf
        // Only identities registered more than once are kept: the index exists to find duplicates.
        var first = [String: Int](minimumCapacity: registry.accounts.count)
        var duplicates: [String: [String]] = [:]
        for (position, account) in registry.accounts.enumerated() {
            guard let identity = account.identity else { continue }
            if let earlier = first.updateValue(position, forKey: identity) {
                first[identity] = earlier
                duplicates[identity, default: [registry.accounts[earlier].file]].append(account.file)
            }
        }
        filesByIdentity = duplicates
        unitNamesForBio = registry.units.mapValues { $0.namesForBio.map(NormalizedText.init) }
        bioPhrases = registry.standards.mapValues { $0.bioMustInclude.map { ($0, NormalizedText($0)) } }
        forbiddenBioPhrases = registry.standards.mapValues { $0.bioMustNotInclude.map { ($0, NormalizedText($0)) } }
        unitsWithEscalation = Set(registry.units.keys.filter { id in
            AuditContext.lineage(ofUnit: id, in: registry).contains { $0.escalation != nil }
        })
    }

    /// The unit and its ancestors, nearest first; empty when the unit is unknown.
    public func lineage(ofUnit unitID: String?) -> [Unit] {
        AuditContext.lineage(ofUnit: unitID, in: registry)
    }

    private static func lineage(ofUnit unitID: String?, in registry: Registry) -> [Unit] {
        var result: [Unit] = []
        var next = unitID
        while let id = next, let unit = registry.units[id], !result.contains(where: { $0.id == id }) {
            result.append(unit)
            next = unit.parent?.value
        }
        return result
    }

    /// True when `address` is an e-mail address on one of the organisation's `official_domains` (or a
    /// subdomain of one: `parks.fairhaven.gov` is official when `fairhaven.gov` is).
    public func isOfficialAddress(_ address: String) -> Bool {
        guard let at = address.lastIndex(of: "@") else { return false }
        let domain = address[address.index(after: at)...].lowercased()
        return registry.organisation.officialDomains.contains { domain == $0 || domain.hasSuffix("." + $0) }
    }

    /// The effective standards for the account's unit.
    public func standards(for account: Account) -> EffectiveStandards {
        registry.effectiveStandards(forUnit: account.unit?.value)
    }
}
