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

    /// For problems a file can hold thousands of (a generated file with stray keys): which kind, so that
    /// only the first `FileLimits.problemsOfAKindPerFile` of a kind are listed (`capped(_:from:)`).
    var repeatable: Repeatable?

    enum Repeatable: String {
        case unknownKey = "unknown keys"
        case repeatedKey = "keys written twice"
    }

    /// Keeps the first `FileLimits.problemsOfAKindPerFile` problems of each repeatable kind among
    /// `problems[start...]` (one file's) and counts the rest in one problem where the first left out was.
    static func cap(_ problems: inout [Problem], from start: Int = 0) {
        var seen: [Repeatable: Int] = [:]
        var firstLeftOut: [Repeatable: Problem] = [:]
        var kept = Array(problems[..<start])
        for problem in problems[start...] {
            guard let kind = problem.repeatable else {
                kept.append(problem)
                continue
            }
            seen[kind, default: 0] += 1
            if seen[kind]! <= FileLimits.problemsOfAKindPerFile { kept.append(problem) } else if firstLeftOut[kind] == nil { firstLeftOut[kind] = problem }
        }
        for kind in [Repeatable.unknownKey, .repeatedKey] {
            guard let first = firstLeftOut[kind] else { continue }
            let more = seen[kind]! - FileLimits.problemsOfAKindPerFile
            kept.append(Problem(file: first.file, location: first.location,
                message: "… and \(FileLimits.grouped(more)) more \(more == 1 ? String(kind.rawValue.dropLast()) : kind.rawValue) in this file from here on, not listed one by one: fix the ones above the same way"))
        }
        problems = kept
    }

    /// Equal when they say the same thing at the same place (the kind is how it was counted, not what it says).
    public static func == (a: Problem, b: Problem) -> Bool {
        a.file == b.file && a.location == b.location && a.message == b.message && a.field == b.field
    }

    /// `file:line:column: message`, the form editors and terminals understand.
    public var description: String { "\(file):\(location.line):\(location.column): \(message)" }
}
