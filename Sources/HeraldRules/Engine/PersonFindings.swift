import HeraldCore

/// For rules whose fault lies with a person, not an account (an owner's overdue training, an owner's
/// private e-mail address): the finding is reported once, at the person's entry in `people.yaml` where the
/// fix is made, naming the accounts it affects, rather than once on every account the person owns.
enum PersonFindings {
    /// The accounts each of `people` (person ids) answers for as an owner, in file order: accounts Herald
    /// could read that are not retired (a retired account's owners are not asked to keep up). Only these
    /// people are looked for: a person's finding concerns few people, and a registry may hold a million
    /// accounts, read here on every core (this runs on the audit's one serial stretch).
    static func accounts(ownedBy people: Set<String>, in registry: Registry) -> [String: [Account]] {
        guard !people.isEmpty else { return [:] }
        let accounts = registry.accounts
        let chunks = stride(from: 0, to: accounts.count, by: 4096).map { $0 ..< min($0 + 4096, accounts.count) }
        let found = ParallelMap.map(chunks, chunkSize: 1) { chunk -> [(owner: String, position: Int)] in
            var pairs: [(owner: String, position: Int)] = []
            for position in chunk where accounts[position].wasRead && !accounts[position].isRetired {
                let owners = accounts[position].owners?.value ?? []
                for (index, owner) in owners.enumerated() where people.contains(owner.value)
                    && !owners[..<index].contains(where: { $0.value == owner.value }) {
                    pairs.append((owner.value, position))
                }
            }
            return pairs
        }
        var owned: [String: [Account]] = [:]
        for pairs in found { for (owner, position) in pairs { owned[owner, default: []].append(accounts[position]) } }
        return owned
    }

    /// `ids` in the order of their entries in people.yaml.
    static func inFileOrder(_ ids: some Collection<String>, in registry: Registry) -> [String] {
        ids.map { ($0, registry.people[$0]?.location.line ?? 0) }.sorted { ($0.1, $0.0) < ($1.1, $1.0) }.map(\.0)
    }

    /// What a person's finding ends with: the accounts it affects, the first five named
    /// (`; they own instagram @fairhavenparks` or `; they own x @FairhavenParks, instagram @fairhavenparks
    /// and 3 more`). The fingerprint leaves this part out (``FindingFingerprint/affectedAccountsMarker``):
    /// the person's finding stays the same finding when they take on or hand over an account.
    static func naming(_ accounts: [Account]) -> String {
        let names = accounts.map { account in
            guard let platform = account.platform?.value, let handle = account.handle?.value else { return account.file }
            return "\(platform.rawValue) @\(handle)"
        }
        let shown = names.prefix(5)
        let rest = names.count - shown.count
        let list = rest > 0 ? shown.joined(separator: ", ") + " and \(rest) more"
            : shown.count == 1 ? shown[0] : shown.dropLast().joined(separator: ", ") + " and " + shown.last!
        return FindingFingerprint.affectedAccountsMarker + list
    }
}
