import HeraldCore

/// A check of the registry. One rule per file, each with a description whose examples are its tests and
/// its documentation.
public protocol Rule: Sendable {
    static var description: RuleDescription { get }

    /// What is wrong with `account`, each problem at the place to edit. Severity is not the rule's
    /// business: the auditor applies the organisation's setting.
    func check(_ account: Account, in context: AuditContext) -> [Violation]

    /// What is wrong in the organisation files (`people.yaml`, unit files), for the few rules that audit
    /// them as well as accounts. The default finds nothing.
    func checkOrganisation(in context: AuditContext) -> [OrganisationViolation]
}

extension Rule {
    public var description: RuleDescription { Self.description }

    public func checkOrganisation(in context: AuditContext) -> [OrganisationViolation] { [] }
}

/// A rule about the other rules' findings on an account (the waiver rules): the auditor runs it after them,
/// once waivers have been applied.
public protocol FindingsRule: Rule {
    func check(_ account: Account, findings: [Finding], in context: AuditContext) -> [Violation]
}

extension FindingsRule {
    /// Findings rules speak only after the other rules: the auditor calls `check(_:findings:in:)`.
    public func check(_ account: Account, in context: AuditContext) -> [Violation] { [] }
}

/// A violation in an organisation file: the file it is in and the unit it concerns, if any.
public struct OrganisationViolation: Sendable, Equatable {
    public let file: String
    public let unit: String?
    public let violation: Violation

    public init(file: String, unit: String? = nil, _ violation: Violation) {
        self.file = file
        self.unit = unit
        self.violation = violation
    }
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
    /// False for rules that audit only the organisation files: JUnit gives them no test case per account.
    public let auditsAccounts: Bool
    /// True for rules that also audit the organisation files (`checkOrganisation`): JUnit gives them a
    /// test case per organisation file.
    public let auditsOrganisationFiles: Bool
    /// False for rules whose findings no waiver may excuse (a secret must go; waivers cannot waive waivers).
    public let canBeWaived: Bool
    /// True for rules that read git's record of the account files (`--git`): without it they look at no
    /// account.
    public let needsHistory: Bool
    /// True for rules that reconcile the registry with the tools' exports (`herald reconcile`): without
    /// exports they look at nothing.
    public let needsExports: Bool
    /// The rule's examples, which are its tests and its documentation. Made when asked: an audit reads
    /// every rule's description and none of its examples, and making them all took 10 ms of every run's
    /// one-core start.
    public var passing: [Example] { makePassing() }
    public var failing: [Example] { makeFailing() }
    private let makePassing: @Sendable () -> [Example]
    private let makeFailing: @Sendable () -> [Example]

    public init(id: String, summary: String, rationale: String, severity: Severity, appliesToRetired: Bool = false,
                appliesToUnreadFiles: Bool = false, auditsAccounts: Bool = true, auditsOrganisationFiles: Bool = false, canBeWaived: Bool = true,
                needsHistory: Bool = false, needsExports: Bool = false,
                passing: @autoclosure @escaping @Sendable () -> [Example], failing: @autoclosure @escaping @Sendable () -> [Example]) {
        self.needsHistory = needsHistory
        self.needsExports = needsExports
        self.id = id
        self.summary = summary
        self.rationale = rationale
        self.severity = severity
        self.appliesToRetired = appliesToRetired
        self.appliesToUnreadFiles = appliesToUnreadFiles
        self.auditsAccounts = auditsAccounts
        self.auditsOrganisationFiles = auditsOrganisationFiles
        self.canBeWaived = canBeWaived
        makePassing = passing
        makeFailing = failing
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
