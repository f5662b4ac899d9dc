import Foundation
import HeraldCore

/// The public answer to "is this account official?", made from an audit: the accounts published as
/// official, those formerly official, and the reported impostors, each with the identity keys a lookup
/// matches. It holds only the public fields (`publicFields`): no owner, e-mail, credentials reference,
/// escalation contact, waiver, note or case id can reach the directory, because none is copied here.
public struct PublicDirectory: Sendable {
    /// What an entry is to the public.
    public enum Standing: String, Sendable {
        case official
        /// Retired: once the organisation's; the handle is held (or was meant to be).
        case formerlyOfficial = "formerly-official"
        /// In the impostor register: NOT official.
        case impostor
        /// Registered, but kept off the directory by the publish gate (a broken entry, a contradiction with
        /// the impostor register): the lookup says it cannot be confirmed, never that it is an impostor.
        case unconfirmed
    }

    /// One account as the public may see it. An object: a registry of 100,000 accounts sorts and
    /// groups them, and a copy of a reference costs one count where a copy of the fields cost one each.
    public final class Entry: Sendable {
        public let standing: Standing
        public let platform: Platform
        /// The handle as the platform shows it, without `@`; nil for an impostor known only by its url.
        public let handle: String?
        /// The profile address, only when it is an `https:` web address.
        public let url: String?
        /// The display name (official and formerly official accounts).
        public let name: String?
        /// The unit it belongs to (official, formerly official) or pretends to be (impostor).
        public let unitID: String?
        public let unitName: String?
        /// The retirement date (formerly official).
        public let retiredOn: CalendarDate?
        /// True when the retired account's handle is held by the organisation.
        public let handleHeld: Bool
        /// When the impostor was reported, and what the platform did (impostors).
        public let reported: CalendarDate?
        public let impostorStatus: Impostor.Status?
        /// The identity keys a lookup matches (`AccountIdentifiers.identityKeys`).
        public let keys: [String]
        /// The entry's id in the page: `<platform>-<handle>`, lower case.
        public let anchor: String
        /// What the directory sorts by: unit, platform, handle, lower case.
        let sortKey: String

        init(standing: Standing, platform: Platform, handle: String?, url: String?, name: String?, unitID: String?, unitName: String?,
             retiredOn: CalendarDate?, handleHeld: Bool, reported: CalendarDate?, impostorStatus: Impostor.Status?, keys: [String], anchor: String) {
            self.standing = standing
            self.platform = platform
            self.handle = handle
            self.url = url
            self.name = name
            self.unitID = unitID
            self.unitName = unitName
            self.retiredOn = retiredOn
            self.handleHeld = handleHeld
            self.reported = reported
            self.impostorStatus = impostorStatus
            self.keys = keys
            self.anchor = anchor
            sortKey = [unitName ?? unitID ?? "", platform.rawValue, handle?.lowercased() ?? url ?? ""].joined(separator: "\u{0}")
        }

        /// `x @FairhavenParks`, or the url.
        public var shown: String {
            if let handle { return "\(platform.rawValue) @\(handle)" }
            return url ?? platform.rawValue
        }
    }

    /// An account the registry has that the directory does not publish as official, and why: for the
    /// communications office (`herald verify`), never published.
    public struct Withheld: Sendable {
        public let file: String
        public let keys: [String]
        public let reason: String
    }

    public let organisation: String
    public let asOf: CalendarDate
    /// `publish.advice` of `herald.yaml`: what to do about an account that is not in the register.
    public let advice: String
    /// Official accounts by unit name then platform and handle; then the formerly official; then the
    /// impostors.
    public let entries: [Entry]
    /// Registered accounts the gate keeps off the lists, for the lookup's "cannot be confirmed".
    public let unconfirmed: [Entry]
    public let withheld: [Withheld]
    /// Impostor entries that name a registered account: neither is published until the records agree.
    public let contradictions: [String]

    public init(_ result: AuditResult) {
        let registry = result.registry
        let settings = registry.organisation.publish
        organisation = result.organisation
        asOf = result.asOf
        advice = settings.advice ?? "If an account says it speaks for \(result.organisation) and is not listed here, it is not an official account: do not trust it, and tell the organisation."
        var impostorKeys = Set<String>()
        var impostors: [Entry] = []
        var contradictions: [String] = []
        let active = Set(result.accounts.filter { !$0.account.isRetired }.flatMap(\.account.identityKeys))
        for impostor in registry.impostors {
            guard let platform = impostor.platform?.value else { continue }
            let keys = impostor.identityKeys
            impostorKeys.formUnion(keys)
            // The register names one of the organisation's own accounts: one record is wrong, and the
            // directory must not call a real account an impostor (rule impostor-not-official).
            guard active.isDisjoint(with: keys) else {
                contradictions.append("impostors.yaml names \(impostor.shown), which the registry holds as an account: neither is published until one record is corrected")
                continue
            }
            let handle = impostor.name
            impostors.append(Entry(standing: .impostor, platform: platform, handle: handle, url: impostor.url.flatMap { Self.webAddress($0.value) },
                                   name: nil, unitID: impostor.impersonates, unitName: impostor.impersonates.flatMap { registry.units[$0]?.name },
                                   retiredOn: nil, handleHeld: false, reported: impostor.reported?.value, impostorStatus: impostor.status?.value,
                                   keys: keys, anchor: "impostor-" + Self.anchor(platform, handle ?? keys.first ?? "")))
        }
        var official: [Entry] = [], former: [Entry] = [], withheld: [Withheld] = [], unconfirmed: [Entry] = []
        let blocking = Set(settings.blockingRules)
        for audited in result.accounts {
            let account = audited.account
            guard let platform = account.platform?.value, let handle = account.handle?.value, let status = account.status?.value else { continue }
            let keys = account.identityKeys
            let blockers = Set(result.findings(of: audited).filter { $0.counts && $0.severity == .error && blocking.contains($0.rule) }.map(\.rule)).sorted()
            if !blockers.isEmpty || (status != .retired && !impostorKeys.isDisjoint(with: keys)) {
                unconfirmed.append(Self.entry(.unconfirmed, audited, platform, handle, keys, registry))
            }
            if !blockers.isEmpty {
                withheld.append(Withheld(file: account.file, keys: keys, reason: "it has errors of \(blockers.joined(separator: ", ")): fix them to publish it"))
            } else if status == .retired {
                former.append(Self.entry(.formerlyOfficial, audited, platform, handle, keys, registry))
            } else if !settings.statuses.contains(status) {
                withheld.append(Withheld(file: account.file, keys: keys, reason: "its status is \(status.rawValue), and herald.yaml publishes \(settings.statuses.map(\.rawValue).joined(separator: ", ")) accounts as official"))
            } else if !impostorKeys.isDisjoint(with: keys) {
                withheld.append(Withheld(file: account.file, keys: keys, reason: "impostors.yaml reports it as an impostor: one of the two records is wrong (rule impostor-not-official)"))
            } else {
                official.append(Self.entry(.official, audited, platform, handle, keys, registry))
            }
        }
        func order(_ a: Entry, _ b: Entry) -> Bool { a.sortKey < b.sortKey }
        entries = official.sorted(by: order) + former.sorted(by: order) + impostors.sorted(by: order)
        self.unconfirmed = unconfirmed.sorted(by: order)
        self.withheld = withheld
        self.contradictions = contradictions
    }

    private static func entry(_ standing: Standing, _ audited: AuditedAccount, _ platform: Platform, _ handle: String, _ keys: [String],
                              _ registry: Registry) -> Entry {
        let account = audited.account
        let bare = AccountIdentifiers.bare(handle)
        return Entry(standing: standing, platform: platform, handle: bare, url: account.url.flatMap { webAddress($0.value) },
                     name: account.name?.value, unitID: audited.unitKey, unitName: registry.units[audited.unitKey]?.name,
                     retiredOn: account.retiredOn?.value, handleHeld: account.handleHeld?.value == true, reported: nil, impostorStatus: nil,
                     keys: keys, anchor: anchor(platform, bare))
    }

    /// The entries a pasted address or handle names (`AccountLookup.keys(for:)`): impostors first, so that
    /// a doubtful account is never called official; registered accounts that cannot be confirmed last.
    public func answer(for text: String) -> [Entry] {
        let keys = Set(AccountLookup.keys(for: text))
        let matches = entries.filter { !keys.isDisjoint(with: $0.keys) }
        return matches.filter { $0.standing == .impostor } + matches.filter { $0.standing != .impostor }
            + unconfirmed.filter { !keys.isDisjoint(with: $0.keys) }
    }

    /// Registered accounts the text names that the directory does not publish as official.
    public func withheld(for text: String) -> [Withheld] {
        let keys = Set(AccountLookup.keys(for: text))
        return withheld.filter { !keys.isDisjoint(with: $0.keys) }
    }

    /// A web address as the directory shows it: `https:` or `http:` only, without user information (a
    /// password written into an address must never be published), query or fragment.
    public static func webAddress(_ url: String) -> String? {
        guard HTMLReportModel.isWebLink(url), let schemeEnd = url.range(of: "://") else { return nil }
        var rest = url[schemeEnd.upperBound...]
        if let end = rest.firstIndex(where: { $0 == "?" || $0 == "#" }) { rest = rest[..<end] }
        let authorityEnd = rest.firstIndex(of: "/") ?? rest.endIndex
        if let at = rest[..<authorityEnd].lastIndex(of: "@") { rest = rest[rest.index(after: at)...] }
        return String(url[..<schemeEnd.upperBound]) + rest
    }

    /// `x-fairhavenparks`: the platform, `-`, and the handle as `slug(_:)` writes it.
    static func anchor(_ platform: Platform, _ handle: String) -> String {
        platform.rawValue + "-" + slug(handle)
    }

    /// Text as an id: lower-case letters, digits and `-`; anything else is written `_XX_`.
    static func slug(_ text: String) -> String {
        String(text.lowercased().unicodeScalars.map { scalar -> String in
            switch scalar {
            case "a"..."z", "0"..."9", "-": return String(scalar)
            default: return "_\(String(scalar.value, radix: 16))_"
            }
        }.joined())
    }
}
