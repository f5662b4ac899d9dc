import HeraldCore

/// Everything a rule may consult besides the account: the registry, the audit date, and indexes built once
/// per audit.
public struct AuditContext: Sendable {
    public let registry: Registry
    /// The audit's date: the only way time enters a rule.
    public let asOf: CalendarDate
    /// Files by account identity (`platform:handle`), in file order.
    public let filesByIdentity: [String: [String]]
    /// Each unit's name and aliases, normalized for matching bios.
    let unitNamesForBio: [String: [NormalizedText]]

    public init(registry: Registry, asOf: CalendarDate) {
        self.registry = registry
        self.asOf = asOf
        var index: [String: [String]] = [:]
        for account in registry.accounts {
            if let identity = account.identity { index[identity, default: []].append(account.file) }
        }
        filesByIdentity = index
        unitNamesForBio = registry.units.mapValues { $0.namesForBio.map(NormalizedText.init) }
    }

    /// The effective standards for the account's unit.
    public func standards(for account: Account) -> EffectiveStandards {
        registry.effectiveStandards(forUnit: account.unit?.value)
    }
}
