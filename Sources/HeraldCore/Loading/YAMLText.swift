import Foundation
import Yams

/// Turns the bytes of a registry file into a YAML node tree, or into a problem with an exact location.
enum YAMLText {
    /// Decodes and parses one file. `nil` node with no problem means the file holds no document at all.
    static func parse(_ bytes: [UInt8], file: String) -> Result<Node?, Problem> {
        guard let text = String(validating: bytes, as: UTF8.self) else {
            return .failure(Problem(file: file, location: firstInvalidUTF8(in: bytes),
                                    message: "the file is not UTF-8 text: save it as UTF-8 (the usual setting of text editors)"))
        }
        if let (location, scalar) = firstControlCharacter(in: text) {
            let code = String(scalar.value, radix: 16, uppercase: true)
            return .failure(Problem(file: file, location: location,
                                    message: "the file contains an invisible control character (U+\(String(repeating: "0", count: max(0, 4 - code.count)) + code)): delete it"))
        }
        do {
            return .success(try Yams.compose(yaml: text, Resolver.basic, Constructor.default, .utf8))
        } catch let error as YamlError {
            return .failure(problem(from: error, file: file))
        } catch {
            return .failure(Problem(file: file, location: .startOfFile, message: "the file could not be read as YAML: \(error)"))
        }
    }

    private static func problem(from error: YamlError, file: String) -> Problem {
        let fix = "check the indentation, the colons and the quotes around this place"
        switch error {
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _), let .composer(context, problem, mark, _):
            let detail = context.map { "\(problem) \($0.text)" } ?? problem
            // At the end of the file the useful place is where the unfinished thing (a quote, a list) began.
            let place = problem.contains("end of stream") ? context?.mark ?? mark : mark
            return Problem(file: file, location: SourceLocation(line: place.line, column: place.column),
                           message: "this is not valid YAML (\(detail)): \(fix)")
        default:
            return Problem(file: file, location: .startOfFile, message: "this is not valid YAML (\(error)): \(fix)")
        }
    }

    /// Where the first byte that is not UTF-8 sits, so the editor can be pointed at it.
    private static func firstInvalidUTF8(in bytes: [UInt8]) -> SourceLocation {
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        var line = 1, column = 1
        while case let .scalarValue(scalar) = decoder.decode(&iterator) {
            if scalar == "\n" { line += 1; column = 1 } else { column += 1 }
        }
        return SourceLocation(line: line, column: column)
    }

    /// YAML forbids C0/C1 control characters other than tab and line breaks; libyaml rejects them with no line.
    private static func firstControlCharacter(in text: String) -> (SourceLocation, Unicode.Scalar)? {
        var line = 1, column = 1
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x0A: line += 1; column = 1; continue
            case 0x09, 0x0D, 0x85: break
            case 0x00...0x1F, 0x7F...0x9F, 0xFFFE, 0xFFFF: return (SourceLocation(line: line, column: column), scalar)
            default: break
            }
            column += 1
        }
        return nil
    }
}

extension Node {
    /// The node's position, or the start of the file when the parser gave none.
    var location: SourceLocation {
        mark.map { SourceLocation(line: $0.line, column: $0.column) } ?? .startOfFile
    }

    /// True for an empty value, `~` or `null` written without quotes.
    var isNull: Bool {
        guard case let .scalar(scalar) = self, scalar.style == .plain || scalar.style == .any else { return false }
        return ["", "~", "null", "Null", "NULL"].contains(scalar.string)
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
