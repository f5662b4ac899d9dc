/// Something wrong in a registry file, at a place, with what to do about it.
public struct Problem: Error, Sendable, Equatable, CustomStringConvertible {
    public let file: String
    public let location: SourceLocation
    /// What is wrong and how to fix it, in words for communications staff.
    public let message: String
    /// The key the problem concerns, when there is one (stable across edits, unlike line numbers).
    public let field: String?

    public init(file: String, location: SourceLocation, message: String, field: String? = nil) {
        self.file = file
        self.location = location
        self.message = message
        self.field = field
    }

    /// `file:line:column: message`, the form editors and terminals understand.
    public var description: String { "\(file):\(location.line):\(location.column): \(message)" }
}
