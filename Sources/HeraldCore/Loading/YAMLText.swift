/// Turns the bytes of a registry file into a YAML node tree, or into a problem with an exact location.
enum YAMLText {
    /// Decodes and parses one file. `nil` node with no problem means the file holds no document at all.
    static func parse(_ bytes: [UInt8], file: String) -> Result<YAMLNode?, Problem> {
        if let problem = encodingProblem(in: bytes, file: file) { return .failure(problem) }
        // Windows editors start UTF-8 files with a byte order mark; it carries no text.
        let start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        do {
            return .success(try bytes.withUnsafeBufferPointer { buffer throws(YAMLComposer.Failure) in
                let text = UnsafeBufferPointer(rebasing: buffer[start...])
                if let node = PlainYAMLReader.read(text) { return node }
                return try YAMLComposer.compose(text)
            })
        } catch {
            let detail = error.context.map { "\(error.problem) \($0)" } ?? error.problem
            return .failure(Problem(file: file, location: error.location,
                                    message: "this is not valid YAML (\(detail)): check the indentation, the colons and the quotes around this place"))
        }
    }

    /// Text that is not UTF-8, or holds control characters, is refused with the place of the first bad one.
    private static func encodingProblem(in bytes: [UInt8], file: String) -> Problem? {
        // Most files are plain ASCII: one pass over the bytes settles them without building a String.
        if bytes.allSatisfy({ $0 < 0x80 && ($0 >= 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D) && $0 != 0x7F }) { return nil }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            return Problem(file: file, location: firstInvalidUTF8(in: bytes),
                           message: "the file is not UTF-8 text: save it as UTF-8 (the usual setting of text editors)")
        }
        guard let (location, scalar) = firstControlCharacter(in: text) else { return nil }
        let code = String(scalar.value, radix: 16, uppercase: true)
        return Problem(file: file, location: location,
                       message: "the file contains an invisible control character (U+\(String(repeating: "0", count: max(0, 4 - code.count)) + code)): delete it")
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
