/// How much a finding matters. Errors fail the audit by default; warnings are reported.
public enum Severity: String, CaseIterable, Comparable, Sendable {
    case warning, error

    public static func < (lhs: Severity, rhs: Severity) -> Bool {
        lhs == .warning && rhs == .error
    }
}

/// What `herald.yaml` `rules:` may say of a rule: a severity, or `off`.
public enum RuleSetting: Sendable, Equatable {
    case severity(Severity)
    case off

    public init?(rawValue: String) {
        if rawValue == "off" { self = .off } else if let severity = Severity(rawValue: rawValue) { self = .severity(severity) } else { return nil }
    }
}
