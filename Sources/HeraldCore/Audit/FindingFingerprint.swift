/// What identifies a finding across audits, whatever its line: the rule, the account (or the file, for
/// a finding without an account), the key and the message with its numbers taken out. Every output and
/// every comparison that gives findings an identity (SARIF's `partialFingerprints`, GitLab Code Quality's
/// `fingerprint`, `--compare-to`, the baseline) uses this one definition, so an edit above a finding never
/// makes it look new, and neither does the next day: "last reviewed 2026-01-10, 412 days ago" tomorrow says
/// 413, and a bio of 171 characters that grows to 175 is still the same finding.
///
/// A fingerprint is FNV-1a (64 bits) of the identity (rule, account or file, key, message with every run of
/// ASCII digits written as `#`, separated by NUL), then of a NUL and the finding's occurrence among findings
/// of the same identity (0, 1, …) in report order, so findings equal in every way still differ. Written as
/// 16 hexadecimal digits.
public enum FindingFingerprint {
    /// The four parts of a finding's identity, as a report or a baseline holds them.
    public struct Subject: Sendable {
        public let rule: String
        /// `platform:handle`, or the file's path for a finding without an account.
        public let subject: String
        public let field: String
        public let message: String

        public init(rule: String, account: String?, file: String, field: String?, message: String) {
            self.rule = rule
            subject = account ?? file
            self.field = field ?? ""
            self.message = message
        }

        public init(_ finding: Finding) {
            self.init(rule: finding.rule, account: finding.account, file: finding.file, field: finding.field, message: finding.message)
        }
    }

    /// The fingerprint of every finding of `findings`, in their order (`text(_:)` writes one).
    ///
    /// Occurrences are counted by the identity's hash rather than by the identity itself: a registry
    /// adopting Herald has hundreds of thousands of findings, and keeping each identity as a string took
    /// hundreds of megabytes. Two different identities with the same 64-bit hash (odds far below one in a
    /// billion for a million findings) would only number their occurrences together.
    public static func all(_ findings: [Finding]) -> [UInt64] {
        all(findings.map(Subject.init))
    }

    /// The fingerprints of `subjects`, in their order, occurrences counted as `all(_:)` counts them.
    public static func all(_ subjects: [Subject]) -> [UInt64] {
        var seen: [UInt64: Int] = [:]
        seen.reserveCapacity(subjects.count)
        return subjects.map { subject in
            let identity = identityHash(of: subject, numbers: .hidden)
            let occurrence = seen[identity, default: 0]
            seen[identity] = occurrence + 1
            var hash = identity
            add(0, to: &hash)
            for byte in String(occurrence).utf8 { add(byte, to: &hash) }
            return hash
        }
    }

    /// `0f3a…`: 16 hexadecimal digits.
    public static func text(_ fingerprint: UInt64) -> String {
        let hex = String(fingerprint, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }

    /// Rule, account (or file), key and message with its numbers as `#`, separated by NUL: the text whose
    /// hash `all(_:)` extends with the occurrence.
    public static func identity(of finding: Finding) -> String {
        let subject = Subject(finding)
        return [subject.rule, subject.subject, subject.field, String(decoding: withoutNumbers(subject.message), as: UTF8.self)]
            .joined(separator: "\u{0}")
    }

    /// Whether the message's numbers are part of the identity: `hidden` for the fingerprint; `kept` when
    /// a comparison first pairs findings that are equal to the digit (two owners `p12` and `p13` who left)
    /// before it pairs the rest by fingerprint.
    public enum Numbers: Sendable {
        case kept, hidden
    }

    /// FNV-1a of the identity, hashed field by field without building the text.
    public static func identityHash(of subject: Subject, numbers: Numbers) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in subject.rule.utf8 { add(byte, to: &hash) }
        add(0, to: &hash)
        for byte in subject.subject.utf8 { add(byte, to: &hash) }
        add(0, to: &hash)
        for byte in subject.field.utf8 { add(byte, to: &hash) }
        add(0, to: &hash)
        switch numbers {
        case .kept:
            for byte in subject.message.utf8 { add(byte, to: &hash) }
        case .hidden:
            for byte in withoutNumbers(subject.message) { add(byte, to: &hash) }
        }
        return hash
    }

    /// The message's UTF-8 with every run of ASCII digits as one `#`: dates, day counts and lengths change
    /// from one audit to the next while the finding stays the same.
    static func withoutNumbers(_ message: String) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(message.utf8.count)
        var inNumber = false
        for byte in message.utf8 {
            let isDigit = byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
            if isDigit {
                if !inNumber { bytes.append(UInt8(ascii: "#")) }
            } else {
                bytes.append(byte)
            }
            inNumber = isDigit
        }
        return bytes
    }

    private static func add(_ byte: UInt8, to hash: inout UInt64) {
        hash ^= UInt64(byte)
        hash &*= 0x100_0000_01b3
    }
}
