/// What identifies a finding across audits, whatever its line: the rule, the account (or, for a finding
/// without an account, the file's path inside the inventory folder, however the folder is named on the
/// command line), the key, and the message with its volatile parts taken out. Every output and every
/// comparison that gives findings an identity (SARIF's `partialFingerprints`, GitLab Code Quality's
/// `fingerprint`, `--compare-to`, the baseline) uses this one definition, so an edit above a finding never
/// makes it look new, and neither does the next day.
///
/// The volatile parts of a message are what an unchanged problem says differently from one audit to the
/// next: dates (`2026-01-10`) and measured quantities (a number before `day`, `days`, `week`, `weeks`,
/// `month`, `months`, `year`, `years`, `character`, `characters`, `owner`, `owners`). "last reviewed
/// 2026-01-10, 412 days ago" says 413 tomorrow, and a bio of 171 characters that grows to 175 is the same
/// finding. Other numbers are identity and stay: owner `e1042` is not owner `e1043`. A finding about a
/// person (`owner-trained`, at their entry in people.yaml) ends with the accounts it affects
/// (``affectedAccountsMarker``): that list is left out, since the person's problem is the same whichever
/// accounts they own this week.
///
/// A fingerprint is FNV-1a (64 bits) of the identity (rule, account or file, key, message with each
/// volatile part written as `#`, separated by NUL), then of a NUL and the finding's occurrence among
/// findings of the same identity (0, 1, …) in report order, so findings equal in every way still differ.
/// Written as 16 hexadecimal digits.
public enum FindingFingerprint {
    /// What starts the list of accounts a person's finding affects, at the end of its message; the
    /// fingerprint ignores the message from here on.
    public static let affectedAccountsMarker = "; they own "

    /// The four parts of a finding's identity, as a report or a baseline holds them.
    public struct Subject: Sendable {
        public let rule: String
        /// `platform:handle`, or the file's path inside the inventory folder for a finding without an
        /// account (`people.yaml`, `accounts/parks/x-broken.yaml`).
        public let subject: String
        public let field: String
        public let message: String

        /// - Parameter inventory: the inventory folder as the file's path starts with it (`Inventory`,
        ///   `./Inventory`, an absolute path): taken off, so that the identity is the same however the
        ///   folder was named.
        public init(rule: String, account: String?, file: String, field: String?, message: String, inventory: String) {
            self.rule = rule
            let prefix = inventory + "/"
            subject = account ?? (file.hasPrefix(prefix) ? String(file.dropFirst(prefix.count)) : file)
            self.field = field ?? ""
            // Messages that name another file (`also registered in Inventory/accounts/…`) name it as the
            // audit was told: the identity names it inside the inventory.
            // Only a person's finding (at people.yaml, of no account) ends with the accounts it affects.
            let message = account == nil && subject == "people.yaml" ? Subject.withoutAffectedAccounts(message) : message
            self.message = inventory.isEmpty ? message : Subject.removing(prefix, from: message)
        }

        /// `message` up to ``FindingFingerprint/affectedAccountsMarker``, searched as UTF-8 (nearly every
        /// message has no `;` followed by it, and is returned as it is).
        static func withoutAffectedAccounts(_ message: String) -> String {
            let marker = Array(FindingFingerprint.affectedAccountsMarker.utf8)
            let utf8 = message.utf8
            var index = utf8.startIndex
            while let semicolon = utf8[index...].firstIndex(of: marker[0]) {
                if utf8[semicolon...].starts(with: marker) { return String(message[..<semicolon]) }
                index = utf8.index(after: semicolon)
            }
            return message
        }

        /// `message` without each occurrence of `text`, searched as UTF-8 (a message is short, `text`
        /// shorter; the standard library's search builds a table per call).
        static func removing(_ text: String, from message: String) -> String {
            let needle = Array(text.utf8), bytes = Array(message.utf8)
            func matches(at index: Int) -> Bool {
                index + needle.count <= bytes.count && bytes[index ..< index + needle.count].elementsEqual(needle)
            }
            // Nearly every message names no file: it is returned as it is, with nothing copied.
            guard !needle.isEmpty, var index = bytes.indices.first(where: matches) else { return message }
            var out = Array(bytes[..<index])
            while index < bytes.count {
                if matches(at: index) {
                    index += needle.count
                } else {
                    out.append(bytes[index])
                    index += 1
                }
            }
            return String(decoding: out, as: UTF8.self)
        }

        public init(_ finding: Finding, inventory: String) {
            self.init(rule: finding.rule, account: finding.account, file: finding.file, field: finding.field, message: finding.message,
                      inventory: inventory)
        }
    }

    /// The fingerprint of every finding of `findings`, in their order (`text(_:)` writes one).
    ///
    /// Occurrences are counted by the identity's hash rather than by the identity itself: a registry
    /// adopting Herald has hundreds of thousands of findings, and keeping each identity as a string took
    /// hundreds of megabytes. Two different identities with the same 64-bit hash (odds far below one in a
    /// billion for a million findings) would only number their occurrences together.
    /// - Parameter inventory: the inventory folder as the files' paths start with it
    ///   (`AuditResult.inventory`).
    public static func all(_ findings: [Finding], inventory: String) -> [UInt64] {
        all(findings.map { Subject($0, inventory: inventory) })
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

    /// Rule, account (or file inside the inventory), key and message with its volatile parts as `#`,
    /// separated by NUL: the text whose hash `all(_:)` extends with the occurrence.
    public static func identity(of finding: Finding, inventory: String) -> String {
        let subject = Subject(finding, inventory: inventory)
        return [subject.rule, subject.subject, subject.field, String(decoding: withoutVolatileParts(subject.message), as: UTF8.self)]
            .joined(separator: "\u{0}")
    }

    /// Whether the message's volatile parts are part of the identity: `hidden` for the fingerprint;
    /// `kept` when a comparison first pairs findings that are equal to the letter before it pairs the rest
    /// by fingerprint.
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
            for byte in withoutVolatileParts(subject.message) { add(byte, to: &hash) }
        }
        return hash
    }

    /// Words after which a number is a measured quantity, not an identity.
    static let measures: [[UInt8]] = ["days", "day", "weeks", "week", "months", "month", "years", "year", "characters", "character",
                                      "owners", "owner"].map { Array($0.utf8) }

    /// The message's UTF-8 with each date (`2026-01-10`) and each number before a measure word
    /// (`412 days`) written as `#`.
    public static func withoutVolatileParts(_ message: String) -> [UInt8] {
        let bytes = Array(message.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        func isDigit(_ index: Int) -> Bool { index < bytes.count && bytes[index] >= 0x30 && bytes[index] <= 0x39 }
        var index = 0
        while index < bytes.count {
            guard isDigit(index), index == 0 || !isDigit(index - 1) else {
                out.append(bytes[index])
                index += 1
                continue
            }
            var end = index
            while isDigit(end) { end += 1 }
            // A date: four digits, "-", two digits, "-", two digits.
            if end - index == 4, end + 5 < bytes.count, bytes[end] == 0x2D, isDigit(end + 1), isDigit(end + 2), bytes[end + 3] == 0x2D,
               isDigit(end + 4), isDigit(end + 5), !isDigit(end + 6) {
                out.append(UInt8(ascii: "#"))
                index = end + 6
                continue
            }
            // A measured quantity: the number, one space, a measure word that ends there.
            let isMeasure = end < bytes.count && bytes[end] == 0x20 && measures.contains { word in
                let wordEnd = end + 1 + word.count
                guard wordEnd <= bytes.count, Array(bytes[(end + 1) ..< wordEnd]) == word else { return false }
                return wordEnd == bytes.count || !(bytes[wordEnd] >= 0x61 && bytes[wordEnd] <= 0x7A)
            }
            if isMeasure {
                out.append(UInt8(ascii: "#"))
            } else {
                out.append(contentsOf: bytes[index ..< end])
            }
            index = end
        }
        return out
    }

    private static func add(_ byte: UInt8, to hash: inout UInt64) {
        hash ^= UInt64(byte)
        hash &*= 0x100_0000_01b3
    }
}
