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
    }

    /// The effective standards for the account's unit.
    public func standards(for account: Account) -> EffectiveStandards {
        registry.effectiveStandards(forUnit: account.unit?.value)
    }
}
