/// Standards as written at one level (the organisation or one unit); nil means "not set here".
public struct Standards: Sendable {
    public var minOwners: Located<Int>?
    public var reviewEveryDays: Located<Int>?
    public var platforms: Located<[Platform]>?
    public var handlePattern: Located<HandlePattern>?
    public var bioMustInclude: [Located<String>] = []
    public var bioMustNotInclude: [Located<String>] = []
    public var requireArchiving: Located<Bool>?
    public var requireTwoFactor: Located<Bool>?
    public var requireVault: Located<Bool>?
    public var requireEscalationContact: Located<Bool>?
    public var trainingEveryDays: Located<Int>?
    public var dormantAfterDays: Located<Int>?
    public var maxWaiverDays: Located<Int>?
    /// Bio limits that differ from the platform's, by platform; each level adds to or replaces the levels above.
    public var bioMaxLength: [Platform: Located<Int>] = [:]

    public init() {}

    /// The keys a `standards:` mapping may hold.
    public static let keys = InventoryFormat.standards.keys
}

/// A unit's `handle_pattern`: the regular expression as written, compiled to match regardless of letter
/// case, because platforms treat handles that way (`FairhavenParks` is `fairhavenparks`).
public struct HandlePattern: @unchecked Sendable {
    // Regex is immutable once built and safe to share for matching; it is not yet marked Sendable.
    public let source: String
    public let regex: Regex<AnyRegexOutput>
    /// For a pattern that only asks for a start (`^fairhaven`, `^[Ff]airhaven`): that start, lower-cased
    /// ASCII bytes, which an ASCII handle is compared with directly. Swift's `Regex` took 40% of the
    /// unit-standards rule for the patterns units write most; a handle that is not ASCII still goes to it
    /// (Unicode case folding can meet an ASCII letter: the Kelvin sign is a `k`).
    let asciiPrefix: [UInt8]?

    public init(_ source: String) throws {
        self.source = source
        self.regex = try Regex(source).ignoresCase()
        if HandlePattern.repeatsARepetition(source) { throw NestedRepetition() }
        asciiPrefix = HandlePattern.literalPrefix(of: source)
    }

    /// The letters of `^` followed by letters, digits, `_`, `-`, `.` written `\.`, or classes of one letter in
    /// both cases (`[Ff]`), lower-cased; nil for any other pattern.
    static func literalPrefix(of pattern: String) -> [UInt8]? {
        var bytes = Array(pattern.utf8)[...]
        guard bytes.popFirst() == UInt8(ascii: "^") else { return nil }
        var prefix: [UInt8] = []
        while let byte = bytes.popFirst() {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "_"), UInt8(ascii: "-"):
                prefix.append(ASCIICase.lower(byte))
            case UInt8(ascii: "\\"):
                guard bytes.popFirst() == UInt8(ascii: ".") else { return nil }
                prefix.append(UInt8(ascii: "."))
            case UInt8(ascii: "["):
                guard bytes.count >= 3, let first = bytes.popFirst(), let second = bytes.popFirst(), bytes.popFirst() == UInt8(ascii: "]"),
                      ASCIICase.lower(first) == ASCIICase.lower(second), (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(ASCIICase.lower(first))
                else { return nil }
                prefix.append(ASCIICase.lower(first))
            default:
                return nil
            }
            // A quantifier makes the last item optional or repeated: not a plain start.
            if let next = bytes.first, "*+?{".utf8.contains(next) { return nil }
        }
        return prefix
    }

    /// A pattern such as `(a+)+` makes the regular-expression engine try exponentially many ways on a
    /// handle that almost matches: one unit's pattern could stall the nightly audit.
    public struct NestedRepetition: Error, CustomStringConvertible {
        public var description: String { "it repeats a group that itself repeats, like (a+)+, which can take forever to check" }
    }

    static func repeatsARepetition(_ pattern: String) -> Bool {
        var groupsWithRepetition: [Bool] = []
        var escaped = false
        var characters = Array(pattern)[...]
        while let character = characters.popFirst() {
            if escaped { escaped = false; continue }
            switch character {
            case "\\": escaped = true
            case "(": groupsWithRepetition.append(false)
            case "+", "*", "{": if !groupsWithRepetition.isEmpty { groupsWithRepetition[groupsWithRepetition.count - 1] = true }
            case ")":
                let repeats = groupsWithRepetition.popLast() ?? false
                if repeats, let next = characters.first, "+*{".contains(next) { return true }
                if repeats, !groupsWithRepetition.isEmpty { groupsWithRepetition[groupsWithRepetition.count - 1] = true }
            default: break
            }
        }
        return false
    }

    /// True when the pattern matches somewhere in `handle` (like `re.search`).
    public func matches(_ handle: String) -> Bool {
        if let asciiPrefix, handle.utf8.allSatisfy({ $0 < 0x80 }) {
            return handle.utf8.count >= asciiPrefix.count && ASCIICase.equal(handle.utf8.prefix(asciiPrefix.count), asciiPrefix)
        }
        return (try? regex.firstMatch(in: handle)) != nil
    }
}

/// The standards that apply to one unit after inheritance: organisation, then each ancestor from the root
/// down, then the unit itself. The nearest value wins, except the bio phrases (`bio_must_include`,
/// `bio_must_not_include`), which accumulate.
public struct EffectiveStandards: Sendable {
    public var minOwners = 2
    public var reviewEveryDays = 365
    /// nil: every platform is allowed.
    public var platforms: [Platform]?
    public var handlePattern: HandlePattern?
    public var bioMustInclude: [String] = []
    /// Phrases no bio may contain: an organisation that wants the plain unit name forbids "Official account of".
    public var bioMustNotInclude: [String] = []
    public var requireArchiving = false
    public var requireTwoFactor = true
    public var requireVault = true
    public var requireEscalationContact = true
    /// How long an owner's acknowledgement of the social media policy counts.
    public var trainingEveryDays = 365
    /// How long an account may go without posting before it counts as dormant.
    public var dormantAfterDays = 180
    /// The furthest a waiver's expiry may lie after the audit date.
    public var maxWaiverDays = 365
    /// Bio limits set by the organisation or a unit, replacing `Platform.bioLimit`.
    public var bioMaxLength: [Platform: Int] = [:]

    /// The longest bio, in characters as people see them, an account on `platform` may have.
    public func bioLimit(on platform: Platform) -> Int { bioMaxLength[platform] ?? platform.bioLimit }

    /// Built-in defaults, used where neither the organisation nor a unit sets a value.
    public static let builtIn = EffectiveStandards()

    /// Applies one more level of standards on top of these.
    public func overlaid(with level: Standards) -> EffectiveStandards {
        var result = self
        if let value = level.minOwners { result.minOwners = value.value }
        if let value = level.reviewEveryDays { result.reviewEveryDays = value.value }
        if let value = level.platforms { result.platforms = value.value }
        if let value = level.handlePattern { result.handlePattern = value.value }
        if let value = level.requireArchiving { result.requireArchiving = value.value }
        if let value = level.requireTwoFactor { result.requireTwoFactor = value.value }
        if let value = level.requireVault { result.requireVault = value.value }
        if let value = level.requireEscalationContact { result.requireEscalationContact = value.value }
        if let value = level.trainingEveryDays { result.trainingEveryDays = value.value }
        if let value = level.dormantAfterDays { result.dormantAfterDays = value.value }
        if let value = level.maxWaiverDays { result.maxWaiverDays = value.value }
        for (platform, limit) in level.bioMaxLength { result.bioMaxLength[platform] = limit.value }
        for phrase in level.bioMustInclude where !result.bioMustInclude.contains(phrase.value) {
            result.bioMustInclude.append(phrase.value)
        }
        for phrase in level.bioMustNotInclude where !result.bioMustNotInclude.contains(phrase.value) {
            result.bioMustNotInclude.append(phrase.value)
        }
        return result
    }
}
