#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Turns the bytes of a registry file into a YAML node tree, or into a problem with an exact location.
enum YAMLText {
    /// A file's first document, and what the file holds beside it that is reported without stopping
    /// the audit of the document (a second document, control characters written as escapes).
    struct Parsed {
        /// nil when the file holds no document at all.
        var node: YAMLNode?
        var problems: [Problem] = []
    }

    /// Decodes and parses one file: UTF-8, with or without a byte order mark, or UTF-16 with one (what
    /// Windows Notepad saves as "Unicode"; the YAML 1.2 specification, section 5.2, requires both).
    static func parse(_ bytes: [UInt8], file: String) -> Result<Parsed, Problem> {
        if let utf16 = utf16Text(bytes) {
            guard let text = utf16 else {
                return .failure(Problem(file: file, location: .startOfFile,
                    message: "the file starts as UTF-16 text (a byte order mark) but is not valid UTF-16: save it as UTF-8 (in Notepad: Save As, Encoding: UTF-8)"))
            }
            return parse(Array(text.utf8), file: file)
        }
        if let problem = encodingProblem(in: bytes, file: file) { return .failure(problem) }
        let (bytes, strayReturns) = replacingStrayCarriageReturns(bytes, file: file)
        // Windows editors start UTF-8 files with a byte order mark; it carries no text.
        let start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        do {
            let (node, notes) = try bytes.withUnsafeBufferPointer { buffer throws(YAMLComposer.Failure) in
                let text = UnsafeBufferPointer(rebasing: buffer[start...])
                if let node = PlainYAMLReader.read(text) { return (Optional(node), YAMLComposer.Notes()) }
                return try YAMLComposer.composeNoting(text)
            }
            var parsed = Parsed(node: node)
            parsed.problems += strayReturns
            if let second = notes.extraDocument {
                parsed.problems.append(Problem(file: file, location: second,
                    message: "a second YAML document starts here (after `---`) and is not read: a file holds one document; move what follows to a file of its own, or delete the `---` line if it belongs to the first"))
            }
            for (location, scalars) in notes.escapedControls {
                let codes = scalars.map(codePoint).joined(separator: ", ")
                parsed.problems.append(Problem(file: file, location: location, message: scalars.count == 1
                    ? "the value holds an invisible control character (\(codes)) written as an escape: delete the escape (Herald reads the value without it)"
                    : "the value holds invisible control characters (\(codes)) written as escapes: delete the escapes (Herald reads the value without them)"))
            }
            return .success(parsed)
        } catch {
            if error.isLimit { return .failure(Problem(file: file, location: error.location, message: error.problem)) }
            let detail = error.context.map { "\(error.problem) \($0)" } ?? error.problem
            return .failure(Problem(file: file, location: error.location,
                                    message: "this is not valid YAML (\(detail)): check the indentation, the colons and the quotes around this place"))
        }
    }

    /// A carriage return not followed by a line feed, in a file whose lines end in line feeds, is a line
    /// break to YAML (and libyaml) but not to git, diff tools and most editors: every later line number
    /// would be one off from the line people see. Each is read as a space (one byte for one byte, so
    /// columns stay) and reported, with the number of them, at the first. A file with no line feed at all
    /// uses carriage returns as its line breaks (classic Mac OS) and is read as YAML reads it.
    private static func replacingStrayCarriageReturns(_ bytes: [UInt8], file: String) -> ([UInt8], [Problem]) {
        let carriageReturn = UInt8(ascii: "\r"), lineFeed = UInt8(ascii: "\n")
        // The C library's `memchr` settles the usual file (no carriage return) at a fraction of the cost
        // of a byte-by-byte search: every file of the registry is asked.
        let hasCarriageReturn = bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress.map { memchr($0, Int32(carriageReturn), buffer.count) != nil } ?? false
        }
        guard hasCarriageReturn, bytes.contains(lineFeed) else { return (bytes, []) }
        var result = bytes
        var first: SourceLocation?
        var count = 0
        var line = 1, column = 1
        for index in bytes.indices {
            let byte = bytes[index]
            if byte == lineFeed {
                line += 1
                column = 1
                continue
            }
            if byte == carriageReturn && (index + 1 == bytes.count || bytes[index + 1] != lineFeed) {
                result[index] = UInt8(ascii: " ")
                count += 1
                if first == nil { first = SourceLocation(line: line, column: column) }
            }
            if byte & 0xC0 != 0x80 { column += 1 }  // columns count characters: continuation bytes are not one
        }
        guard let first else { return (bytes, []) }
        let what = count == 1 ? "an invisible carriage return (U+000D)" : "\(count) invisible carriage returns (U+000D), the first here,"
        return (result, [Problem(file: file, location: first,
            message: "the file holds \(what) not followed by a line break: delete \(count == 1 ? "it" : "them") (Herald reads each as a space; git and most editors do not show it as a new line, but YAML would start one and every later line number would be off)")])
    }

    /// Text that is not UTF-8, or holds control characters, is refused with the place of the first bad one.
    private static func encodingProblem(in bytes: [UInt8], file: String) -> Problem? {
        // Most files are plain ASCII: one pass over the bytes, a table lookup each, settles them without
        // building a String.
        let plain = plainText
        if bytes.allSatisfy({ plain[Int($0)] }) { return nil }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            return Problem(file: file, location: firstInvalidUTF8(in: bytes),
                           message: "the file is not UTF-8 text: save it as UTF-8 (the usual setting of text editors)")
        }
        guard let (location, scalar) = firstControlCharacter(in: text) else { return nil }
        return Problem(file: file, location: location, message: "the file contains an invisible control character (\(codePoint(scalar))): delete it")
    }

    /// Which bytes plain ASCII text may hold: printable characters, tab and the line breaks.
    private static let plainText: [Bool] = (0 ... 255).map { byte in
        byte < 0x80 && (byte >= 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D) && byte != 0x7F
    }

    /// `U+001B`.
    private static func codePoint(_ scalar: Unicode.Scalar) -> String {
        let code = String(scalar.value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - code.count)) + code
    }

    /// For a file that starts with a UTF-16 byte order mark: its text (nil inside when it does not
    /// decode). nil for every other file.
    private static func utf16Text(_ bytes: [UInt8]) -> String?? {
        let littleEndian: Bool
        if bytes.starts(with: [0xFF, 0xFE]) { littleEndian = true } else if bytes.starts(with: [0xFE, 0xFF]) { littleEndian = false } else { return nil }
        guard bytes.count % 2 == 0 else { return .some(nil) }
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2 - 1)
        for index in stride(from: 2, to: bytes.count, by: 2) {
            units.append(littleEndian ? UInt16(bytes[index]) | UInt16(bytes[index + 1]) << 8 : UInt16(bytes[index]) << 8 | UInt16(bytes[index + 1]))
        }
        var text = ""
        var decoder = UTF16()
        var iterator = units.makeIterator()
        while true {
            switch decoder.decode(&iterator) {
            case let .scalarValue(scalar): text.unicodeScalars.append(scalar)
            case .emptyInput: return .some(text)
            case .error: return .some(nil)
            }
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
            case 0x09, 0x0D: break
            // U+2028, U+2029 and NEL are line breaks to YAML but not to editors: line numbers would drift.
            case 0x00...0x1F, 0x7F...0x9F, 0xFFFE, 0xFFFF, 0x2028, 0x2029: return (SourceLocation(line: line, column: column), scalar)
            default: break
            }
            column += 1
        }
        return nil
    }
}
