/// A YAML value as the registry needs it: text, list or mapping, each with where it was written.
/// Scalars stay text; the loader decides what a key's value must be (a date, a number, true/false).
enum YAMLNode: Equatable {
    case scalar(String, YAMLScalarStyle, SourceLocation)
    case sequence([YAMLNode], SourceLocation)
    /// Pairs in file order, duplicates kept, so the loader can point at a repeated key.
    case mapping([YAMLPair], SourceLocation)

    var location: SourceLocation {
        switch self {
        case let .scalar(_, _, location), let .sequence(_, location), let .mapping(_, location): return location
        }
    }

    /// The same value, placed where an alias to it was written: problems point at the use, not the anchor.
    func relocated(to location: SourceLocation) -> YAMLNode {
        switch self {
        case let .scalar(text, style, _): return .scalar(text, style, location)
        case let .sequence(items, _): return .sequence(items, location)
        case let .mapping(pairs, _): return .mapping(pairs, location)
        }
    }

    /// True for a value that says nothing: `~` or `null` written without quotes, or text that is empty or
    /// only spaces, quoted or not (`handle: ""` is no handle).
    var isNull: Bool {
        guard case let .scalar(text, style, _) = self else { return false }
        // Almost every value starts with a visible ASCII character: settle those without Unicode tables,
        // and without comparing text unless it starts as `~` or `null` does (every key read asks this).
        if let first = text.utf8.first, first > 0x20, first < 0x80 {
            guard style == .plain, first == UInt8(ascii: "~") || first | 0x20 == UInt8(ascii: "n") else { return false }
            return text == "~" || text == "null" || text == "Null" || text == "NULL"
        }
        return text.unicodeScalars.allSatisfy(\.properties.isWhitespace)
    }

    /// What kind of value this is, in words for messages.
    var kindDescription: String {
        switch self {
        case .scalar: return isNull ? "empty" : "a single value"
        case .sequence: return "a list"
        case .mapping: return "a set of keys"
        }
    }
}

/// How a scalar was written: only plain scalars can be null.
enum YAMLScalarStyle: Equatable {
    case plain, quoted, block
}

/// One `key: value` of a mapping.
struct YAMLPair: Equatable {
    let key: YAMLNode
    let value: YAMLNode
    /// The anchor written on the value (`defaults: &defaults`), for the message about a key that exists
    /// only to hold one.
    var anchor: String? = nil
}
