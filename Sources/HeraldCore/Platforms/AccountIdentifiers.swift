/// What an account's `handle` (and stable id, where recorded) can name on its platform, read through the
/// platform table: the one place that decides whether a name can exist, whether an address leads to the
/// account, which address is proven to, and when two files register one account.
public struct AccountIdentifiers: Sendable {
    /// One reading of an identifier: its kind and the value as the platform compares it.
    public struct Reading: Sendable, Hashable {
        public let kind: IdentifierKind
        /// As written (without a leading `@`, with the id alone for `Page-Name-ID`).
        public let value: String
        /// Lower-cased where the platform ignores case.
        public let folded: String
    }

    public let profile: PlatformProfile
    /// Every kind the handle can be, stable ids first. Empty: the handle cannot exist on the platform.
    public let handleReadings: [Reading]
    /// The stable id the file records (`channel_id`, `page_id`, `did`), when it has the right shape.
    public let stableID: Reading?

    /// - Parameters:
    ///   - handle: the handle as written; a leading `@`, as people copy it from a profile, is not part of it.
    ///   - stableID: the value of the platform's stable-id key, if the file has one.
    public init(platform: Platform, handle: String, stableID: String? = nil) {
        profile = PlatformProfile.of(platform)
        let name = AccountIdentifiers.bare(handle)
        var readings: [Reading] = []
        for rule in profile.handleKinds where rule.shape.accepts(name) {
            readings.append(Reading(kind: rule.kind, value: name, folded: rule.folded(name)))
        }
        // A Page without a username is often written as its address shows it: `City-of-Fairhaven-123456789`.
        if readings.isEmpty, case let .profile(kind, identifier, _)? = Optional(ProfileAddress.read("https://\(profile.addresses.first?.hosts.first ?? "x")/\(name)", on: profile)),
           kind.isStable, identifier != name, let rule = profile.rule(for: kind) {
            readings.append(Reading(kind: kind, value: identifier, folded: rule.folded(identifier)))
        }
        // An id that has the shape of a stable id is that id, not also a name that happens to look like one.
        if let stable = readings.first(where: { $0.kind.isStable }), stable.kind != .numericID { readings = [stable] }
        handleReadings = readings
        if let stableID, let rule = profile.stableID?.rule, rule.shape.accepts(stableID) {
            self.stableID = Reading(kind: rule.kind, value: stableID, folded: rule.folded(stableID))
        } else {
            self.stableID = nil
        }
    }

    /// The handle without the `@` people copy from a profile page.
    public static func bare(_ handle: String) -> String {
        handle.hasPrefix("@") ? String(handle.dropFirst()) : handle
    }

    /// True when the platform could have this handle in use.
    public var handleCanExist: Bool { !handleReadings.isEmpty }

    /// True when `address` (read with `ProfileAddress.read`) names this account: by the handle, read as
    /// any kind of name (a YouTube name may be written as a handle, a legacy username or a custom URL), or
    /// by the stable id.
    public func isNamed(by kind: IdentifierKind, _ identifier: String) -> Bool {
        guard let rule = profile.rule(for: kind) else { return false }
        let folded = rule.folded(identifier)
        let readings = handleReadings + (stableID.map { [$0] } ?? [])
        return readings.contains { reading in
            reading.kind.isStable == kind.isStable && reading.folded == folded
        }
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
        if profile.platform == .mastodon {
            let parts = reading.value.split(separator: "@", maxSplits: 1)
            guard parts.count == 2 else { return nil }
            return template.replacingFirst("{server}", with: String(parts[1])).replacingFirst("{user}", with: String(parts[0]))
        }
        return template.replacingFirst("{}", with: reading.value)
    }

    /// Keys that two files registering the same account share: `platform:name` (folded as the platform
    /// folds it) and `platform#id` for a stable id. A handle that cannot exist is its own key, lower-cased.
    public var identityKeys: [String] {
        let platform = profile.platform.rawValue
        var keys = Set<String>()
        for reading in handleReadings {
            keys.insert(reading.kind.isStable ? "\(platform)#\(reading.folded)" : "\(platform):\(reading.folded)")
        }
        if let stableID { keys.insert("\(platform)#\(stableID.folded)") }
        return keys.sorted()
    }

    /// The file name an account file should have: `<platform>-<handle>.yaml`, the handle as the platform
    /// writes it (no leading `@`), lower-cased.
    public static func fileStem(platform: Platform, handle: String) -> String {
        "\(platform.rawValue)-\(bare(handle))".lowercased()
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
