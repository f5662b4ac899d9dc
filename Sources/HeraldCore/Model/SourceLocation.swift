/// A position in a registry file: 1-based line and column (columns count Unicode scalars, as libyaml does).
///
/// Kept in 32 bits each: every value of every account carries one, and two 64-bit numbers were a sixth of
/// an account's memory. No registry file reaches 2^31 lines or columns (files are refused above 64 MiB,
/// `FileLimits`); a larger number is kept as the largest that fits.
public struct SourceLocation: Hashable, Comparable, Sendable, CustomStringConvertible {
    private let storedLine: Int32
    private let storedColumn: Int32

    public var line: Int { Int(storedLine) }
    public var column: Int { Int(storedColumn) }

    public init(line: Int, column: Int) {
        storedLine = Int32(clamping: line)
        storedColumn = Int32(clamping: column)
    }

    /// The start of a file, used when a problem concerns the file as a whole.
    public static let startOfFile = SourceLocation(line: 1, column: 1)

    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.line, lhs.column) < (rhs.line, rhs.column)
    }

    public var description: String { "\(line):\(column)" }
}

/// A value read from a registry file together with where it was written.
public struct Located<Value: Sendable>: Sendable {
    public let value: Value
    public let location: SourceLocation

    public init(_ value: Value, at location: SourceLocation) {
        self.value = value
        self.location = location
    }
}

extension Located: Equatable where Value: Equatable {}
