/// What identifies a finding across audits, whatever its line: the rule, the account (or the file, for
/// a finding without an account), the key and the message. Every output that gives findings an identity
/// (SARIF's `partialFingerprints`, GitLab Code Quality's `fingerprint`) uses this one definition, so an
/// edit above a finding never makes it look new.
public enum FindingFingerprint {
    /// The fingerprint of every finding of `findings`, in their order: 16 hexadecimal digits (FNV-1a,
    /// 64 bits) of the identity and its occurrence, so findings equal in every way still differ.
    public static func all(_ findings: [Finding]) -> [String] {
        var seen: [String: Int] = [:]
        return findings.map { finding in
            let key = identity(of: finding)
            let occurrence = seen[key, default: 0]
            seen[key] = occurrence + 1
            return fingerprint(key, occurrence)
        }
    }

    /// Rule, account (or file), key and message, separated by NUL. The message tells apart two findings
    /// of one rule on one key (two owners who left): fixing one leaves the other's fingerprint as it was.
    public static func identity(of finding: Finding) -> String {
        [finding.rule, finding.account ?? finding.file, finding.field ?? "", finding.message].joined(separator: "\u{0}")
    }

    static func fingerprint(_ source: String, _ occurrence: Int) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in Array(source.utf8) + Array("\u{0}\(occurrence)".utf8) {
            hash ^= UInt64(byte)
            hash &*= 0x100_0000_01b3
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
