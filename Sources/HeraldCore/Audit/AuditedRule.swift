/// A rule as an audit ran it, in plain words: what reports list (SARIF's rule table, JUnit's suites, the
/// HTML and XML rule tables). The rule's code stays with the rule engine; reports never judge.
public struct AuditedRule: Sendable, Equatable {
    /// Kebab-case, stable forever: `owner-assigned`.
    public let id: String
    /// One sentence: what the rule asks.
    public let summary: String
    /// Why the policy asks it.
    public let rationale: String
    /// The severity the organisation gives the rule (its default unless `herald.yaml` changes it).
    public let severity: Severity
    /// What the rule looks at.
    public let scope: Scope

    /// What a rule looks at: account files, organisation files, or both. Whether it looked at one
    /// particular account is that account's `RuleOutcome`.
    public struct Scope: Sendable, Equatable {
        /// The rule checks account files (JUnit gives it a test case per account).
        public let accounts: Bool
        /// The rule checks the organisation files (`people.yaml`, unit files): a test case per such file.
        public let organisationFiles: Bool

        public init(accounts: Bool, organisationFiles: Bool) {
            self.accounts = accounts
            self.organisationFiles = organisationFiles
        }
    }

    public init(id: String, summary: String, rationale: String, severity: Severity, scope: Scope) {
        self.id = id
        self.summary = summary
        self.rationale = rationale
        self.severity = severity
        self.scope = scope
    }
}

/// What one rule made of one account: the answer every report gives for "did this account pass this rule"
/// (JUnit's test cases, the counts), decided once by the auditor.
public enum RuleOutcome: UInt8, Sendable {
    /// The rule checked the account and found nothing.
    case passed
    /// At least one finding that counts (not excused by a waiver).
    case failed
    /// Findings, every one excused by a valid waiver.
    case waived
    /// Findings, none of which counts: at least one is in the baseline (`--baseline`), the others waived.
    case baselined
    /// The account is retired, and the rule leaves retired accounts alone (most rules do).
    case skippedRetired
    /// The rule looks at no account: it audits the organisation files only, or it reads git's record of
    /// the files and the audit was run without `--git`.
    case notApplicable
    /// The rule would have looked, but the file could not be read as an account file (its
    /// `inventory-schema` finding says why).
    case unreadable
}
