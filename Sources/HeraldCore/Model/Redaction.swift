/// Hides withheld text (secrets, and `credentials` values that look like the password) in whatever is
/// printed: each occurrence, in any ASCII letter case, becomes `[withheld]`. Rules see the real values;
/// the auditor applies this to messages and to the registry that reports print.
public struct Redaction: Sendable {
    /// What replaces withheld text in every output.
    public static let marker = "[withheld]"
    /// Withheld text shorter than this is not searched for: it would hide ordinary words, and no
    /// credential is that short.
    public static let minimumLength = 4

    /// ASCII-lower-cased, longest first, so a longer secret is hidden before a shorter one inside it.
    private let values: [[UInt8]]

    public init<S: Sequence>(_ withheld: S) where S.Element == String {
        let lowered = Set(withheld.filter { $0.utf8.count >= Redaction.minimumLength }.map { Array($0.utf8.map(ASCIICase.lower)) })
        values = lowered.sorted { $0.count != $1.count ? $0.count > $1.count : $0.lexicographicallyPrecedes($1) }
    }

    public var isEmpty: Bool { values.isEmpty }

    /// `text` with every withheld value replaced by `[withheld]`.
    public func apply(_ text: String) -> String {
        guard !values.isEmpty, text.utf8.count >= Redaction.minimumLength else { return text }
        let bytes = Array(text.utf8)
        let lowered = bytes.map(ASCIICase.lower)
        var out: [UInt8] = []
        var index = 0
        var changed = false
        while index < bytes.count {
            if let match = values.first(where: { lowered[index...].starts(with: $0) }) {
                out += Redaction.marker.utf8
                index += match.count
                changed = true
            } else {
                out.append(bytes[index])
                index += 1
            }
        }
        return changed ? String(decoding: out, as: UTF8.self) : text
    }

    /// The value with its text redacted, location kept.
    public func apply(_ located: Located<String>?) -> Located<String>? {
        located.map { Located(apply($0.value), at: $0.location) }
    }
}

extension Account {
    /// The account as reports may print it: every text field with `redaction` applied.
    public func redacted(with redaction: Redaction) -> Account {
        guard !redaction.isEmpty else { return self }
        var copy = self
        copy.file = redaction.apply(file)
        copy.handle = redaction.apply(handle)
        copy.stableID = redaction.apply(stableID)
        copy.url = redaction.apply(url)
        copy.name = redaction.apply(name)
        copy.bio = redaction.apply(bio)
        copy.archiving = redaction.apply(archiving)
        copy.credentials = redaction.apply(credentials)
        copy.recoveryEmail = redaction.apply(recoveryEmail)
        copy.escalation = redaction.apply(escalation)
        copy.unit = redaction.apply(unit)
        copy.owners = owners.map { Located($0.value.map { redaction.apply($0)! }, at: $0.location) }
        copy.identity = identity.map(redaction.apply)
        copy.waivers = waivers.map { waiver in
            var waiver = waiver
            waiver.reason = redaction.apply(waiver.reason)
            return waiver
        }
        copy.schemaProblems = schemaProblems.map { $0.redacted(with: redaction) }
        return copy
    }
}

extension Problem {
    /// The problem with its message redacted.
    public func redacted(with redaction: Redaction) -> Problem {
        Problem(file: file, location: location, message: redaction.apply(message), field: field)
    }
}
