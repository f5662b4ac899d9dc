import HeraldCore

/// A check of the registry. One rule per file, each with a description whose examples are its tests and
/// its documentation.
public protocol Rule: Sendable {
    static var description: RuleDescription { get }

    /// What is wrong with `account`, each problem at the place to edit. Severity is not the rule's
    /// business: the auditor applies the organisation's setting.
    func check(_ account: Account, in context: AuditContext) -> [Violation]
}

extension Rule {
    public var description: RuleDescription { Self.description }
}

/// What a rule knows about itself: the documentation `herald rules`, `herald explain` and docs/rules.md show.
public struct RuleDescription: Sendable {
    /// Kebab-case, stable forever: reports, SARIF and `herald.yaml` refer to it.
    public let id: String
    public let summary: String
    public let rationale: String
    public let severity: Severity
    /// Retired accounts are only checked by rules that say so (schema, unit, duplicates).
    public let appliesToRetired: Bool
    /// Files that could not be read as a mapping are only checked by rules that say so (the schema rule).
    public let appliesToUnreadFiles: Bool
    public let passing: [Example]
    public let failing: [Example]

    public init(id: String, summary: String, rationale: String, severity: Severity, appliesToRetired: Bool = false,
                appliesToUnreadFiles: Bool = false, passing: [Example], failing: [Example]) {
        self.id = id
        self.summary = summary
        self.rationale = rationale
        self.severity = severity
        self.appliesToRetired = appliesToRetired
        self.appliesToUnreadFiles = appliesToUnreadFiles
        self.passing = passing
        self.failing = failing
    }
}

/// One problem a rule found: where, what, and which key it concerns.
public struct Violation: Sendable, Equatable {
    public let location: SourceLocation
    /// What is wrong and what to do about it.
    public let message: String
    public let field: String?

    public init(at location: SourceLocation, _ message: String, field: String? = nil) {
        self.location = location
        self.message = message
        self.field = field
    }
}
