/// The organisation's policy, from `herald.yaml`.
public struct Organisation: Sendable {
    public var name: String
    /// E-mail domains that count as official, lowercased.
    public var officialDomains: [String]
    public var standards: Standards
    /// Severity overrides by rule id, with where each was written (for error messages).
    public var ruleSettings: [String: Located<RuleSetting>]
    /// `reviews_from_git: true`: an account's review date is the last commit of its file whose
    /// `Reviewed-by:` trailer names one of its owners or its unit's maintainers (with `--git`), not what
    /// `last_reviewed` says.
    public var reviewsFromGit = false
    /// `impostor_follow_up_days`: an impostor still `reported` after this many days is followed up with the
    /// platform (rule `impostor-followed-up`). Default 30.
    public var impostorFollowUpDays = 30
    /// `publish:`: what the public directory lists as official.
    public var publish = PublishSettings()
    /// `code_host:`: where the registry's repository is reviewed; with it, CODEOWNERS are generated for it
    /// and rule `maintainer-can-review` checks every maintainer can review.
    public var codeHost: CodeHost?
    /// `registry_owners:`: person ids who own the organisation files (`herald.yaml`, `people.yaml`,
    /// `units/`, `impostors.yaml`) in CODEOWNERS.
    public var registryOwners: [Located<String>] = []

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
    /// When the person last acknowledged the social media policy (their training).
    public var policyAcknowledged: Located<CalendarDate>?
    public var location: SourceLocation
    public var emailLocation: SourceLocation?
    /// The person's user names on the code host (`github:`, `gitlab:`), for CODEOWNERS; nil when not given.
    public var github: String?
    public var gitlab: String?

    /// The keys a person's entry may hold.
    public static let keys = InventoryFormat.person.keys
    /// The keys every person must have (worked out once: people.yaml asks for every person).
    public static let requiredKeys = InventoryFormat.person.requiredKeys

    /// The person's user name on `host`.
    public func userName(on host: CodeHost) -> String? {
        host == .github ? github : gitlab
    }
}

/// An office or department, from `units/<id>.yaml`.
public struct Unit: Sendable {
    public var id: String
    public var name: String
    public var aliases: [String]
    public var parent: Located<String>?
    public var maintainers: [Located<String>]
    /// Where `maintainers:` is written, or the top of the file when it is not.
    public var maintainersLocation: SourceLocation
    public var standards: Standards
    /// Whom the unit's accounts call about harassment, threats and complaints: a person id or an address.
    public var escalation: Located<String>?
    /// The file the unit was read from, as reached from the working directory.
    public var file: String

    /// The keys a unit file may hold.
    public static let keys = InventoryFormat.unit.keys
    /// The keys every unit file must have (worked out once: a registry has thousands of unit files).
    public static let requiredKeys = InventoryFormat.unit.requiredKeys

    /// The unit's name followed by its aliases: every way a bio may state the office.
    public var namesForBio: [String] { [name] + aliases }
}

/// Where the registry's repository is hosted and reviewed, for CODEOWNERS (`herald codeowners`).
public enum CodeHost: String, CaseIterable, Sendable {
    case github, gitlab

    /// A user or group name as the hosts write them: letters, digits, `-`, `_`, `.` and `/` (a GitLab
    /// group's path), nothing that could end a CODEOWNERS line or start a comment.
    public static func isUserName(_ name: String) -> Bool {
        !name.isEmpty && name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "-_./".contains($0)) }
    }
}
