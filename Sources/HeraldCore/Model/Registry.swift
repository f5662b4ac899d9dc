/// The whole registry, loaded and cross-checked: what the rules audit.
public struct Registry: Sendable {
    public var organisation: Organisation
    public var people: [String: Person]
    public var units: [String: Unit]
    /// Accounts in file order (sorted by path), including those whose files are broken.
    public var accounts: [Account]
    /// Effective standards of every unit, by unit id.
    public var standards: [String: EffectiveStandards]
    /// Accounts reported as impersonating the organisation (`impostors.yaml`), in file order.
    public var impostors: [Impostor] = []
    /// `impostors.yaml` as findings name it; nil when the inventory has none.
    public var impostorsFile: String?
    /// The organisation files (`herald.yaml`, `people.yaml`, each unit file, `impostors.yaml`) in path order.
    public var organisationFiles: [String] = []
    /// Places in organisation files that look like secrets, by file.
    public var organisationSecrets: [String: [SecretSuspect]] = [:]
    /// Text in the organisation files that no output may repeat (see `Account.withheld`), sorted.
    public var organisationWithheld: [String] = []

    public init(organisation: Organisation, people: [String: Person], units: [String: Unit], accounts: [Account], standards: [String: EffectiveStandards]) {
        self.organisation = organisation
        self.people = people
        self.units = units
        self.accounts = accounts
        self.standards = standards
    }

    /// The inventory folder as every file path of the audit starts with it (`Inventory`, `./Inventory`,
    /// an absolute path): `herald.yaml`'s folder; empty when the paths start inside it.
    public var inventory: String {
        guard let herald = organisationFiles.first(where: { $0 == "herald.yaml" || $0.hasSuffix("/herald.yaml") }) else { return "" }
        return String(herald.dropLast("herald.yaml".count + (herald.hasSuffix("/herald.yaml") ? 1 : 0)))
    }

    /// `name` (`people.yaml`, `accounts/`) inside the inventory, as findings name files.
    public func path(_ name: String) -> String {
        inventory.isEmpty ? name : inventory + "/" + name
    }

    /// The standards that apply to an account of `unitID`; the organisation's when the unit is unknown.
    public func effectiveStandards(forUnit unitID: String?) -> EffectiveStandards {
        if let unitID, let standards = standards[unitID] { return standards }
        return EffectiveStandards.builtIn.overlaid(with: organisation.standards)
    }
}
