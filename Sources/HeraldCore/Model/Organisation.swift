/// The organisation's policy, from `herald.yaml`.
public struct Organisation: Sendable {
    public var name: String
    /// E-mail domains that count as official, lowercased.
    public var officialDomains: [String]
    public var standards: Standards
    /// Severity overrides by rule id, with where each was written (for error messages).
    public var ruleSettings: [String: Located<RuleSetting>]

    public init(name: String, officialDomains: [String] = [], standards: Standards = Standards(), ruleSettings: [String: Located<RuleSetting>] = [:]) {
        self.name = name
        self.officialDomains = officialDomains
        self.standards = standards
        self.ruleSettings = ruleSettings
    }
}

/// A member of staff from `people.yaml`.
public struct Person: Sendable {
    public var id: String
    public var name: String
    public var email: String?
    public var unit: String?
    /// False when the person has left or lost access.
    public var active: Bool
    public var location: SourceLocation
}

/// An office or department, from `units/<id>.yaml`.
public struct Unit: Sendable {
    public var id: String
    public var name: String
    public var aliases: [String]
    public var parent: Located<String>?
    public var maintainers: [Located<String>]
    public var standards: Standards
    /// The file the unit was read from, as reached from the working directory.
    public var file: String

    /// The unit's name followed by its aliases: every way a bio may state the office.
    public var namesForBio: [String] { [name] + aliases }
}
