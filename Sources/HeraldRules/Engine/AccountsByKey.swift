import HeraldCore

/// The registry's accounts by identity key (`AccountIdentifiers.identityKeys`), for the rules that match
/// what another record names (an impostor entry, a row of a tool's export) against the registered accounts.
/// Built by the rules that need it: most audits have neither impostors nor exports.
struct AccountsByKey {
    private var byKey: [String: [Account]] = [:]

    /// The accounts `include` keeps, each under every key it has, in registry order.
    init(_ registry: Registry, where include: (Account) -> Bool = { _ in true }) {
        for account in registry.accounts where include(account) {
            for key in account.identityKeys { byKey[key, default: []].append(account) }
        }
    }

    /// The first account any of `keys` names.
    func first(named keys: [String]) -> Account? {
        keys.lazy.compactMap { byKey[$0]?.first }.first
    }

    /// Every account `keys` name (a duplicated registration twice), each once, in the order found.
    func all(named keys: [String]) -> [Account] {
        var seen = Set<String>()
        return keys.flatMap { byKey[$0] ?? [] }.filter { seen.insert($0.file).inserted }
    }
}
