/// What an account's `handle` (and stable id, where recorded) can name on its platform, read through the
/// platform table: the one place that decides whether a name can exist, whether an address leads to the
/// account, which address is proven to, and when two files register one account.
public struct AccountIdentifiers: Sendable {
    /// One reading of an identifier: its kind and the value as the platform compares it.
    public struct Reading: Sendable, Hashable {
        public let kind: IdentifierKind
        /// As written (without a leading `@`, with the id alone for `Page-Name-ID`).
        public let value: String
        /// Whether the platform tells this kind of identifier apart by letter case, and by periods.
        let caseSensitive: Bool, ignoresPeriods: Bool

        /// As the platform compares it (`IdentifierRule.folded`). Worked out when asked, not kept: every
        /// account has readings, and a second copy of each name was a tenth of the audit's memory.
        public var folded: String { IdentifierRule.folded(value, caseSensitive: caseSensitive, ignoresPeriods: ignoresPeriods) }

        init(kind: IdentifierKind, value: String, rule: IdentifierRule) {
            self.kind = kind
            self.value = value
            caseSensitive = rule.caseSensitive
            ignoresPeriods = rule.ignoresPeriods
        }
    }

    public let platform: Platform
    /// Every kind the handle can be, stable ids first. Empty: the handle cannot exist on the platform.
    public let handleReadings: [Reading]
    /// The stable id the file records (`channel_id`, `page_id`, `did`), when it has the right shape.
    public let stableID: Reading?

    /// - Parameters:
    ///   - handle: the handle as written; a leading `@`, as people copy it from a profile, is not part of it.
    ///   - stableID: the value of the platform's stable-id key, if the file has one.
    public init(platform: Platform, handle: String, stableID: String? = nil) {
        self.platform = platform
        let profile = PlatformProfile.of(platform)
        let name = AccountIdentifiers.bare(handle)
        var readings: [Reading] = []
        for rule in profile.handleKinds where rule.shape.accepts(name) {
            readings.append(Reading(kind: rule.kind, value: name, rule: rule))
        }
        // A Page without a username is often written as its address shows it: `City-of-Fairhaven-123456789`.
        if readings.isEmpty, case let .profile(kind, identifier, _)? = Optional(ProfileAddress.read("https://\(profile.hosts.first ?? "x")/\(name)", on: profile)),
           kind.isStable, identifier != name, let rule = profile.rule(for: kind) {
            readings.append(Reading(kind: kind, value: identifier, rule: rule))
        }
        // An id that has the shape of a stable id is that id, not also a name that happens to look like one.
        if let stable = readings.first(where: { $0.kind.isStable }), stable.kind != .numericID { readings = [stable] }
        handleReadings = readings
        if let stableID, let rule = profile.stableID?.rule, rule.shape.accepts(stableID) {
            self.stableID = Reading(kind: rule.kind, value: stableID, rule: rule)
        } else {
            self.stableID = nil
        }
    }

    /// The platform's facts.
    public var profile: PlatformProfile { PlatformProfile.of(platform) }

    /// The handle without the `@` people copy from a profile page.
    public static func bare(_ handle: String) -> String {
        handle.hasPrefix("@") ? String(handle.dropFirst()) : handle
    }

    /// `a` and `b` equal in any letter case, without building lower-cased copies of the usual ASCII text:
    /// every account's url is compared so.
    static func equalIgnoringCase(_ a: String, _ b: String) -> Bool {
        let x = a.utf8, y = b.utf8
        guard x.allSatisfy({ $0 < 0x80 }), y.allSatisfy({ $0 < 0x80 }) else { return a.lowercased() == b.lowercased() }
        return ASCIICase.equal(x, y)
    }

    /// True when the platform could have this handle in use.
    public var handleCanExist: Bool { !handleReadings.isEmpty }

    /// True when an address's identifier (`kind` and `identifier`, as `ProfileAddress.read` found them)
    /// names this account: by the handle, read as any kind of name (a YouTube name may be written as a
    /// handle, a legacy username or a custom URL), or by the stable id.
    public func isNamed(by kind: IdentifierKind, _ identifier: String) -> Bool {
        guard let rule = profile.rule(for: kind) else { return false }
        func names(_ reading: Reading) -> Bool {
            guard reading.kind.isStable == kind.isStable else { return false }
            if rule.caseSensitive { return reading.value == identifier }
            if rule.ignoresPeriods || reading.ignoresPeriods { return reading.folded == rule.folded(identifier) }
            return AccountIdentifiers.equalIgnoringCase(reading.value, identifier)
        }
        return handleReadings.contains(where: names) || stableID.map(names) == true
    }

    /// An address proven to lead to this account: built from the stable id, or from the handle when only
    /// one kind of identifier can read it and the platform gives that kind one address. nil when no
    /// address is proven (then a message must not propose one).
    public var provenAddress: String? {
        if let stableID, let address = address(for: stableID) { return address }
        let kinds = Set(handleReadings.map(\.kind))
        guard kinds.count == 1, let reading = handleReadings.first else { return nil }
        return address(for: reading)
    }

    /// The same address over https, when `url` leads to this account over plain http.
    public func secureAddress(of url: String) -> String {
        "https://" + url.drop { $0 != ":" }.dropFirst(3)
    }

    private func address(for reading: Reading) -> String? {
        guard let template = profile.rule(for: reading.kind)?.address else { return nil }
        if platform == .mastodon {
            let parts = reading.value.split(separator: "@", maxSplits: 1)
            guard parts.count == 2 else { return nil }
            return template.replacingFirst("{server}", with: String(parts[1])).replacingFirst("{user}", with: String(parts[0]))
        }
        return template.replacingFirst("{}", with: reading.value)
    }

    /// The account's stable id as the platform compares it (`platform#id`), from the stable-id key or a
    /// handle that is one; nil when neither says it.
    public var stableKey: String? {
        let handleID = handleReadings.count == 1 && handleReadings[0].kind.isStable ? handleReadings[0] : nil
        let reading = stableID ?? handleID
        return reading.map { platform.rawValue + "#" + $0.folded }
    }

    /// Keys that two files registering the same account share: `platform:name` (folded as the platform
    /// folds it) and `platform#id` for a stable id. A handle that cannot exist is its own key, lower-cased.
    public var identityKeys: [String] {
        let platform = self.platform.rawValue
        // One or two keys an account: a list, not a set, which would hash every key of every account.
        var keys: [String] = []
        func add(_ key: String) { if !keys.contains(key) { keys.append(key) } }
        for reading in handleReadings { add(reading.kind.isStable ? platform + "#" + reading.folded : platform + ":" + reading.folded) }
        if let stableID { add(platform + "#" + stableID.folded) }
        return keys.sorted()
    }

    /// The file name an account file should have: `<platform>-<handle>.yaml`, the handle as the platform
    /// writes it (no leading `@`), lower-cased, a colon (in a DID) written `-` so every system can store it.
    public static func fileStem(platform: Platform, handle: String) -> String {
        let name = bare(handle)
        // Every account's file name is checked against this: ASCII names (nearly all) are lower-cased byte
        // by byte, without building Characters.
        if name.utf8.allSatisfy({ $0 < 0x80 }) {
            var bytes = Array(platform.rawValue.utf8)
            bytes.append(UInt8(ascii: "-"))
            for byte in name.utf8 { bytes.append(byte == UInt8(ascii: ":") ? UInt8(ascii: "-") : ASCIICase.lower(byte)) }
            return String(decoding: bytes, as: UTF8.self)
        }
        return String("\(platform.rawValue)-\(name)".lowercased().map { $0 == ":" ? "-" : $0 })
    }
}

extension String {
    /// The string with the first `target` replaced (HeraldCore does not link Foundation).
    public func replacingFirst(_ target: String, with replacement: String) -> String {
        guard let range = firstRange(of: target) else { return self }
        var copy = self
        copy.replaceSubrange(range, with: replacement)
        return copy
    }
}
