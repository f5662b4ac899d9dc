import HeraldCore

/// For rules whose fault lies with a person, not an account (an owner's overdue training, an owner's
/// private e-mail address): the finding is reported once, at the person's entry in `people.yaml` where the
/// fix is made, naming the accounts it affects, rather than once on every account the person owns.
enum PersonFindings {
    /// The accounts each owner id answers for, in file order: accounts Herald could read that are not
    /// retired (a retired account's owners are not asked to keep up).
    static func accountsByOwner(_ registry: Registry) -> [String: [Account]] {
        var owned: [String: [Account]] = [:]
        for account in registry.accounts where account.wasRead && !account.isRetired {
            var seen = Set<String>()
            for owner in account.owners?.value ?? [] where seen.insert(owner.value).inserted {
                owned[owner.value, default: []].append(account)
            }
        }
        return owned
    }

    /// `people.yaml` as findings name it (beside `herald.yaml`).
    static func peopleFile(_ registry: Registry) -> String? {
        guard let settings = registry.organisationFiles.first(where: { $0 == "herald.yaml" || $0.hasSuffix("/herald.yaml") }) else { return nil }
        return settings.dropLast("herald.yaml".count) + "people.yaml"
    }

    /// The accounts in words, the first five named: `the account instagram @fairhavenparks` or `3 accounts:
    /// x @FairhavenParks, instagram @fairhavenparks and youtube @FairhavenParks`.
    static func naming(_ accounts: [Account]) -> String {
        let names = accounts.map { account in
            guard let platform = account.platform?.value, let handle = account.handle?.value else { return account.file }
            return "\(platform.rawValue) @\(handle)"
        }
        if names.count == 1 { return "the account \(names[0])" }
        let shown = names.prefix(5)
        let rest = names.count - shown.count
        let list = rest > 0 ? shown.joined(separator: ", ") + " and \(rest) more"
            : shown.dropLast().joined(separator: ", ") + " and " + shown.last!
        return "\(names.count) accounts: \(list)"
    }
}
