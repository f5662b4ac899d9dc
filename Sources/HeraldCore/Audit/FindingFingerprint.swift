/// What identifies a finding across audits, whatever its line: the rule, the account (or the file, for
/// a finding without an account), the key and the message. Every output that gives findings an identity
/// (SARIF's `partialFingerprints`, GitLab Code Quality's `fingerprint`) uses this one definition, so an
/// edit above a finding never makes it look new.
///
/// A fingerprint is FNV-1a (64 bits) of the identity (rule, account or file, key, message, separated by
/// NUL), then of a NUL and the finding's occurrence among findings of the same identity (0, 1, …), so
/// findings equal in every way still differ. Written as 16 hexadecimal digits.
public enum FindingFingerprint {
    /// The fingerprint of every finding of `findings`, in their order (`text(_:)` writes one).
    ///
    /// Occurrences are counted by the identity's hash rather than by the identity itself: a registry
    /// adopting Herald has hundreds of thousands of findings, and keeping each identity as a string took
    /// hundreds of megabytes. Two different identities with the same 64-bit hash (odds far below one in a
    /// billion for a million findings) would only number their occurrences together.
    public static func all(_ findings: [Finding]) -> [UInt64] {
        var seen: [UInt64: Int] = [:]
        seen.reserveCapacity(findings.count)
        return findings.map { finding in
            let identity = identityHash(of: finding)
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

    /// Rule, account (or file), key and message, separated by NUL. The message tells apart two findings
    /// of one rule on one key (two owners who left): fixing one leaves the other's fingerprint as it was.
    public static func identity(of finding: Finding) -> String {
        [finding.rule, finding.account ?? finding.file, finding.field ?? "", finding.message].joined(separator: "\u{0}")
    }

    /// FNV-1a of `identity(of:)`, hashed field by field without building the text.
    static func identityHash(of finding: Finding) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        var first = true
        for field in [finding.rule, finding.account ?? finding.file, finding.field ?? "", finding.message] {
            if !first { add(0, to: &hash) }
            first = false
            for byte in field.utf8 { add(byte, to: &hash) }
        }
        return hash
    }

    private static func add(_ byte: UInt8, to hash: inout UInt64) {
        hash ^= UInt64(byte)
        hash &*= 0x100_0000_01b3
    }
}
