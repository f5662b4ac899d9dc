/// One key of a registry file, as the loader reads it: the allowed and required keys the loader checks
/// come from these definitions, and `herald schema` writes its JSON Schema from them, so that an editor's
/// checks and Herald's cannot drift. The meanings are docs/inventory-format.md's (a test compares the keys).
public struct Field: Sendable {
    /// What the loader accepts under the key.
    public indirect enum Kind: Sendable {
        /// Any single scalar, read as the text it is written as (`123` is the text "123"; YAML's types do
        /// not apply, so quoting never changes what Herald reads).
        case text
        /// `YYYY-MM-DD`, a day that exists (`CalendarDate`).
        case date
        /// `true` or `false` (also `True`, `TRUE`, `False`, `FALSE`).
        case boolean
        /// A whole number of at least `atLeast`, written as digits.
        case wholeNumber(atLeast: Int)
        /// One of `values`, in any letter case (Herald's docs write them in lower case).
        case choice([String])
        /// A list (`[a, b]` or one `- a` per line) of `Kind`.
        case list(Kind)
        /// A mapping of exactly these keys (no other).
        case mapping([Field])
        /// A list of mappings of exactly these keys.
        case listOf([Field])
        /// A mapping whose keys are some of `keys` (rule ids, platform names), each holding `value`.
        case keyed(keys: [String], value: Kind)
    }

    /// The key, as written in the file (`last_reviewed`).
    public let key: String
    public let kind: Kind
    /// Whether the loader reports the key's absence (or an empty value) as a problem of the format.
    public let required: Bool
    /// What the key means, in Markdown (backticks, no links), from docs/inventory-format.md.
    public let meaning: String

    public init(_ key: String, _ kind: Kind, required: Bool = false, _ meaning: String) {
        self.key = key
        self.kind = kind
        self.required = required
        self.meaning = meaning
    }
}

extension Array where Element == Field {
    /// The keys, in the documented order (the order the loader expects files to list them).
    public var keys: [String] { map(\.key) }
    /// The keys whose absence the loader reports.
    public var requiredKeys: [String] { filter(\.required).map(\.key) }
}
