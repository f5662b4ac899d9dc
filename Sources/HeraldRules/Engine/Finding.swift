import HeraldCore

/// A violation placed in its account and file, with the severity the organisation gives its rule.
public struct Finding: Sendable, Equatable {
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

    public init(rule: String, severity: Severity, file: String, location: SourceLocation, account: String?, unit: String?, message: String, field: String?) {
        self.rule = rule
        self.severity = severity
        self.file = file
        self.location = location
        self.account = account
        self.unit = unit
        self.message = message
        self.field = field
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
