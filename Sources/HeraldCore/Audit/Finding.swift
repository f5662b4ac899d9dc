/// A violation placed in its account and file, with the severity the organisation gives its rule.
///
/// An immutable object: an audit of a registry that adopts Herald has several findings per account, and
/// they are sorted, gathered and handed to every report; a copy of a reference costs one count where a
/// copy of the fields cost one for each of its strings.
public final class Finding: Sendable, Equatable {
    public let rule: String
    public let severity: Severity
    /// As reached from the working directory: `Inventory/accounts/parks/x-fairhavenparks.yaml`.
    public let file: String
    public let location: SourceLocation
    /// `platform:handle`, when the file says it.
    public let account: String?
    /// The unit the account names (or the folder it sits in, when it names none).
    public let unit: String?
    public let message: String
    public let field: String?
    /// The waiver that excuses this finding: it is reported but counts neither as an error nor a warning.
    public let waiver: AppliedWaiver?
    /// True for a finding in an account file; false in an organisation file (`people.yaml`, a unit file).
    public let isInAccountFile: Bool
    /// True when the baseline (`herald audit --baseline FILE`) holds this finding: it is shown apart and
    /// counts neither as an error nor as a warning.
    public let isBaselined: Bool
    /// New or persisting since the audit compared with; nil when the audit was compared with none.
    public let change: FindingChange?

    public var isWaived: Bool { waiver != nil }
    /// True when the finding counts as an error or a warning: neither waived nor in the baseline.
    public var counts: Bool { waiver == nil && !isBaselined }

    public init(rule: String, severity: Severity, file: String, location: SourceLocation, account: String?, unit: String?,
                message: String, field: String?, waiver: AppliedWaiver? = nil, isInAccountFile: Bool = true,
                isBaselined: Bool = false, change: FindingChange? = nil) {
        self.isInAccountFile = isInAccountFile
        self.isBaselined = isBaselined
        self.change = change
        self.rule = rule
        self.severity = severity
        self.file = file
        self.location = location
        self.account = account
        self.unit = unit
        self.message = message
        self.field = field
        self.waiver = waiver
    }

    /// The same finding, excused by `waiver`.
    public func waived(by waiver: AppliedWaiver) -> Finding {
        Finding(rule: rule, severity: severity, file: file, location: location, account: account, unit: unit, message: message, field: field,
                waiver: waiver, isInAccountFile: isInAccountFile, isBaselined: isBaselined, change: change)
    }

    /// The same finding, marked as in the baseline or not and with its change since the last audit.
    public func marked(baselined: Bool, change: FindingChange?) -> Finding {
        Finding(rule: rule, severity: severity, file: file, location: location, account: account, unit: unit, message: message, field: field,
                waiver: waiver, isInAccountFile: isInAccountFile, isBaselined: baselined, change: change)
    }

    public static func == (a: Finding, b: Finding) -> Bool {
        a === b || (a.rule == b.rule && a.severity == b.severity && a.file == b.file && a.location == b.location && a.account == b.account
                    && a.unit == b.unit && a.message == b.message && a.field == b.field && a.waiver == b.waiver
                    && a.isInAccountFile == b.isInAccountFile && a.isBaselined == b.isBaselined && a.change == b.change)
    }

    /// The finding with withheld text hidden in its file's path, message, account and waiver reason (a
    /// token used as a handle is in the file's name too).
    public func redacted(with redaction: Redaction) -> Finding {
        Finding(rule: rule, severity: severity, file: redaction.apply(file), location: location, account: account.map(redaction.apply), unit: unit,
                message: redaction.apply(message), field: field,
                waiver: waiver.map { AppliedWaiver(reason: redaction.apply($0.reason), approvedBy: $0.approvedBy, expires: $0.expires, location: $0.location) },
                isInAccountFile: isInAccountFile, isBaselined: isBaselined, change: change)
    }

    /// Report order: file, line, rule, then column and message so the order is total.
    public static func reportOrder(_ a: Finding, _ b: Finding) -> Bool {
        if a.file != b.file { return a.file < b.file }
        if a.location.line != b.location.line { return a.location.line < b.location.line }
        if a.rule != b.rule { return a.rule < b.rule }
        if a.location.column != b.location.column { return a.location.column < b.location.column }
        return a.message < b.message
    }
}

/// What became of a finding since the audit it is compared with (`herald audit --compare-to`).
public enum FindingChange: String, Sendable {
    /// The earlier audit did not have it.
    case new
    /// The earlier audit had it too (whatever its line now).
    case persisting
}

/// A valid, unexpired waiver as applied to a finding: what reports show beside it.
public struct AppliedWaiver: Sendable, Equatable {
    public let reason: String
    /// The approver's person id.
    public let approvedBy: String
    public let expires: CalendarDate
    /// Where the waiver is written in the account file.
    public let location: SourceLocation

    public init(reason: String, approvedBy: String, expires: CalendarDate, location: SourceLocation) {
        self.reason = reason
        self.approvedBy = approvedBy
        self.expires = expires
        self.location = location
    }
}
