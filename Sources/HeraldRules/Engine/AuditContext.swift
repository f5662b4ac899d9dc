import HeraldCore

/// Everything a rule may consult besides the account: the registry, the audit date, and indexes built once
/// per audit.
public struct AuditContext: Sendable {
    public let registry: Registry
    /// The audit's date: the only way time enters a rule.
    public let asOf: CalendarDate
    /// Files by identity key (`AccountIdentifiers.identityKeys`: `platform:name`, `platform#id`), in file
    /// order, for keys that more than one file holds.
    public let filesByIdentity: [String: [String]]
    /// The stable id (`channel_id`, `page_id`, `did`, or a handle that is one) of every account that has
    /// one and shares an identity key with another file, by file: two files whose ids differ are two
    /// accounts, whatever their names (a YouTube legacy username and a handle may be two channels').
    public let stableIDsByFile: [String: String]
    /// What the rules ask of each unit, by unit id.
    let unitFacts: [String: UnitFacts]
    /// For accounts whose unit is missing or has no file: the organisation's standards, nothing else.
    let organisationFacts: UnitFacts
    /// What the owner rules ask of each person, by person id.
    let standing: [String: Standing]
    /// The organisation's `official_domains`, lowercased.
    let officialDomains: [String]
    /// What git records of the account files (`--git`); nil when the audit was not asked to read it.
    public let history: ReviewHistory?
    /// The tools' account lists (`herald reconcile`, `--export`); nil when the audit was given none.
    public let exports: [ToolExport]?
    /// Each export row by the identity keys it names, and the platforms the exports cover.
    let exportRows: [String: [(export: ToolExport, row: ToolExport.Row)]]
    let exportedPlatforms: Set<Platform>

    /// What the rules ask of a unit, worked out once per audit: rules reach it with one lookup per account,
    /// and read single fields of it without copying the rest.
    final class UnitFacts: Sendable {
        /// False when no unit file defines the unit (or the account names none).
        let isKnown: Bool
        let standards: EffectiveStandards
        /// The unit's name and aliases, normalized for matching bios.
        let namesForBio: [NormalizedText]
        /// The effective `bio_must_include` phrases, as written and normalized.
        let bioPhrases: [(phrase: String, normalized: NormalizedText)]
        /// The effective `bio_must_not_include` phrases, as written and normalized.
        let forbiddenBioPhrases: [(phrase: String, normalized: NormalizedText)]
        /// True when the unit or one of its ancestors names an escalation contact.
        let hasEscalation: Bool
        /// How a message names the unit's office: `"Parks and Recreation"` or, with aliases,
        /// `"Parks and Recreation" (or Fairhaven Parks, Parks Dept)`; nil for an unknown unit. Made once per
        /// unit: a messy registry's bios fail by the ten thousand, and each message copied the unit whole.
        let office: String?

        init(unit: Unit?, standards: EffectiveStandards, hasEscalation: Bool) {
            isKnown = unit != nil
            office = unit.map { $0.aliases.isEmpty ? "\"\($0.name)\"" : "\"\($0.name)\" (or \($0.aliases.joined(separator: ", ")))" }
            self.standards = standards
            namesForBio = unit?.namesForBio.map(NormalizedText.init) ?? []
            bioPhrases = standards.bioMustInclude.map { ($0, NormalizedText($0)) }
            forbiddenBioPhrases = standards.bioMustNotInclude.map { ($0, NormalizedText($0)) }
            self.hasEscalation = hasEscalation
        }
    }

    /// A person as the owner rules see them; names and addresses are fetched from the registry only for a
    /// message.
    struct Standing: Sendable {
        let active: Bool
        /// True when the person's e-mail is on an official domain.
        let hasOfficialEmail: Bool
    }

    public init(registry: Registry, asOf: CalendarDate, history: ReviewHistory? = nil, exports: [ToolExport]? = nil) {
        self.registry = registry
        self.history = history
        self.exports = exports
        var rows: [String: [(export: ToolExport, row: ToolExport.Row)]] = [:]
        var platforms = Set<Platform>()
        for export in exports ?? [] {
            for row in export.rows {
                if let platform = row.platform { platforms.insert(platform) }
                for key in row.identityKeys { rows[key, default: []].append((export, row)) }
            }
        }
        exportRows = rows
        exportedPlatforms = platforms
        self.asOf = asOf
        let duplicates = AuditContext.sharedIdentities(of: registry.accounts)
        filesByIdentity = duplicates.mapValues { $0.map { registry.accounts[$0].file } }
        // Only the accounts that share a key: looking each of a registry's files up took 30 ms of the
        // audit's serial stretch on 100,000 accounts, for the few dozen that share one.
        var stableIDs: [String: String] = [:]
        for position in Set(duplicates.values.joined()) {
            if let id = registry.accounts[position].identifiers?.stableKey { stableIDs[registry.accounts[position].file] = id }
        }
        stableIDsByFile = stableIDs
        organisationFacts = UnitFacts(unit: nil, standards: registry.effectiveStandards(forUnit: nil), hasEscalation: false)
        unitFacts = Dictionary(uniqueKeysWithValues: registry.units.map { id, unit in
            (id, UnitFacts(unit: unit, standards: registry.effectiveStandards(forUnit: id),
                           hasEscalation: AuditContext.lineage(ofUnit: id, in: registry).contains { $0.escalation != nil }))
        })
        let domains = registry.organisation.officialDomains
        officialDomains = domains
        standing = registry.people.mapValues { person in
            Standing(active: person.active, hasOfficialEmail: person.email.map { AuditContext.isOfficial($0, domains: domains) } ?? false)
        }
    }

    /// The identity keys that more than one account holds, each with those accounts' positions in order.
    /// Only identities registered more than once are kept: the index exists to find duplicates. An
    /// account has a key per identifier (its name, its stable id): sharing any one is a duplicate.
    ///
    /// Built on every core, by hash first: each key's hash is dealt into a shard with its account's
    /// position, each shard is sorted by hash, and only keys whose hashes meet are compared as text. Built
    /// on one core in a dictionary, the index was most of the audit's one-core stretch (about 60 ms of
    /// 100,000 accounts); dealt into shards as keys, counting references on every key cost about as much.
    static func sharedIdentities(of accounts: [Account]) -> [String: [Int]] {
        struct Entry {
            let hash: Int
            let position: Int32
            /// The key's place in the account's `identityKeys`.
            let key: Int32
        }
        let shardCount = 16
        let chunks = stride(from: 0, to: accounts.count, by: 4096).map { $0 ..< min($0 + 4096, accounts.count) }
        let dealt = ParallelMap.map(chunks, chunkSize: 1) { chunk in
            var shards = [[Entry]](repeating: [], count: shardCount)
            for position in chunk {
                for (index, key) in accounts[position].identityKeys.enumerated() {
                    let hash = key.hashValue
                    shards[Int(UInt(bitPattern: hash) % UInt(shardCount))].append(Entry(hash: hash, position: Int32(position), key: Int32(index)))
                }
            }
            return shards
        }
        let perShard = ParallelMap.map(Array(0 ..< shardCount), chunkSize: 1) { shard in
            // In account order within each hash.
            let entries = dealt.flatMap { $0[shard] }.sorted { ($0.hash, $0.position) < ($1.hash, $1.position) }
            var duplicates: [String: [Int]] = [:]
            var start = 0
            while start < entries.count {
                var end = start + 1
                while end < entries.count && entries[end].hash == entries[start].hash { end += 1 }
                if end - start > 1 {
                    // Keys with one hash: the same key, or (rarely) different keys that collide.
                    var byKey: [String: [Int]] = [:]
                    var order: [String] = []
                    for entry in entries[start ..< end] {
                        let key = accounts[Int(entry.position)].identityKeys[Int(entry.key)]
                        if byKey[key] == nil { order.append(key) }
                        byKey[key, default: []].append(Int(entry.position))
                    }
                    for key in order where byKey[key]!.count > 1 { duplicates[key] = byKey[key] }
                }
                start = end
            }
            return duplicates
        }
        return perShard.reduce(into: [:]) { all, shard in all.merge(shard) { earlier, _ in earlier } }
    }

    /// The account the auditor is checking, with its unit's facts looked up once: a dozen rules ask for
    /// them for every account, and looking the unit up by its id each time (hashing it) was 1% of the
    /// audit's processor time. Set on the auditor's own copy of the context, one per chunk of accounts.
    var checking: (account: Account, facts: UnitFacts)?

    /// What the rules ask of the account's unit; for an account without a known unit, the organisation's
    /// standards.
    func facts(for account: Account) -> UnitFacts {
        if let checking, checking.account.isSame(as: account) { return checking.facts }
        return lookUpFacts(for: account)
    }

    /// `facts(for:)` without the account being checked: always looked up.
    func lookUpFacts(for account: Account) -> UnitFacts {
        if let unit = account.unit?.value, let facts = unitFacts[unit] { return facts }
        return organisationFacts
    }

    /// The unit and its ancestors, nearest first; empty when the unit is unknown.
    /// The export rows that name `account` (by any of its identity keys), in export order.
    public func exportRows(of account: Account) -> [(export: ToolExport, row: ToolExport.Row)] {
        var seen = Set<String>(), found: [(export: ToolExport, row: ToolExport.Row)] = []
        for key in account.identityKeys {
            for entry in exportRows[key] ?? [] where seen.insert(entry.export.file + "#\(entry.row.row)").inserted { found.append(entry) }
        }
        return found
    }

    /// True when at least one export lists accounts of `platform`.
    public func exportsCover(_ platform: Platform) -> Bool { exportedPlatforms.contains(platform) }

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
        AuditContext.isOfficial(address, domains: officialDomains)
    }

    private static func isOfficial(_ address: String, domains: [String]) -> Bool {
        // An ASCII address (nearly every one) is compared byte by byte, in place: looking for the `@`
        // character by character and lower-casing a copy made the people's standing 13 ms of the audit's
        // one-core stretch on 20,000 people.
        let bytes = address.utf8
        if bytes.allSatisfy({ $0 < 0x80 }) {
            guard let at = bytes.lastIndex(of: UInt8(ascii: "@")) else { return false }
            let domain = bytes[bytes.index(after: at)...]
            return domains.contains { official in
                let suffix = official.utf8
                guard domain.count >= suffix.count, ASCIICase.equal(domain.suffix(suffix.count), suffix) else { return false }
                return domain.count == suffix.count || domain[domain.index(domain.endIndex, offsetBy: -suffix.count - 1)] == UInt8(ascii: ".")
            }
        }
        guard let at = address.lastIndex(of: "@") else { return false }
        let domain = address[address.index(after: at)...].lowercased()
        return domains.contains { domain == $0 || domain.hasSuffix("." + $0) }
    }
}
