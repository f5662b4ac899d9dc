/// Reads a baseline file (`herald baseline write` writes it; docs/workflows.md, "Baseline"):
///
/// ```yaml
/// herald_baseline: 1
/// findings:
///   - {rule: owner-assigned, file: Inventory/accounts/parks/x-fairhavenparks.yaml, account: "x:fairhavenparks", field: owners, fingerprint: 0f3a9c2e71b4d805}
/// ```
///
/// One entry per line, so a pull request that shrinks the baseline shows one removed line per fixed
/// finding. `fingerprint` is `FindingFingerprint.text`: 16 hexadecimal digits; the other keys say what the
/// entry is about, for the people who review the file.
public enum BaselineReader {
    /// The format's version (`herald_baseline`); a later Herald that changes the format changes it.
    public static let version = 1
    static let keys = ["herald_baseline", "findings"]
    static let entryKeys = ["rule", "file", "account", "field", "fingerprint"]

    /// The baseline at `path`.
    /// - Throws: every problem of the file (missing, unreadable, not YAML, a wrong key or value), each with
    ///   its line and column and the fix; nothing of a broken baseline is used.
    public static func read(_ path: String) throws(ProblemList) -> Baseline {
        let bytes: [UInt8]
        do {
            bytes = try FileBytes.read(path, limit: FileLimits.organisationFileBytes)
        } catch {
            throw ProblemList([Problem(file: path, location: .startOfFile,
                                       message: "the baseline cannot be read (\(error.reason)): write one with `herald baseline write \(path)`")])
        }
        return try parse(bytes, file: path)
    }

    /// The baseline in `bytes`, read as the file `file`.
    /// - Throws: as `read(_:)`.
    public static func parse(_ bytes: [UInt8], file: String) throws(ProblemList) -> Baseline {
        var problems: [Problem] = []
        let node: YAMLNode
        switch YAMLText.parse(bytes, file: file) {
        case let .failure(problem):
            throw ProblemList([problem])
        case let .success(parsed):
            guard let parsedNode = parsed.node else {
                throw ProblemList([Problem(file: file, location: .startOfFile, message: "the baseline is empty: it starts with `herald_baseline: \(version)`")])
            }
            problems += parsed.problems
            node = parsedNode
        }
        guard var reader = MappingReader(node, file: file, what: "a baseline", problems: &problems) else { throw ProblemList(problems) }
        reader.checkKeys(allowed: keys, required: keys, what: "a baseline")
        if let written = reader.integer("herald_baseline", atLeast: 1), written.value != version {
            reader.report("this baseline has format \(written.value), and this Herald reads format \(version): write it again with `herald baseline write \(file)`",
                          at: written.location, field: "herald_baseline")
        }
        var entries: [Baseline.Entry] = []
        var lines: [UInt64: Int] = [:]
        switch reader.node("findings") {
        case let .sequence(items, _)?:
            entries.reserveCapacity(items.count)
            for item in items {
                guard var entry = MappingReader(item, file: file, what: "each baseline entry", problems: &problems) else { continue }
                entry.checkKeys(allowed: entryKeys, required: ["rule", "file", "fingerprint"], what: "a baseline entry")
                let rule = entry.string("rule"), path = entry.string("file"), fingerprint = entry.string("fingerprint")
                let account = entry.string("account"), field = entry.string("field")
                problems += entry.problems
                guard let rule, let path, let fingerprint else { continue }
                guard fingerprint.value.utf8.count == 16, let value = UInt64(fingerprint.value, radix: 16) else {
                    problems.append(Problem(file: file, location: fingerprint.location,
                                            message: "fingerprint \"\(fingerprint.value)\" is not 16 hexadecimal digits: write the baseline again with `herald baseline write`",
                                            field: "fingerprint"))
                    continue
                }
                if let first = lines[value] {
                    problems.append(Problem(file: file, location: item.location,
                                            message: "this entry repeats the one on line \(first): delete this line", field: "fingerprint"))
                    continue
                }
                lines[value] = item.location.line
                entries.append(Baseline.Entry(rule: rule.value, file: path.value, account: account?.value, field: field?.value,
                                              fingerprint: value, location: item.location))
            }
        case let other? where !other.isNull:
            problems.append(Problem(file: file, location: other.location, message: "findings must be a list of entries, each starting with `- {rule: …}`"))
        default:
            break  // `findings: []` is written for an audit without findings; an empty value is read the same
        }
        problems += reader.problems
        guard problems.isEmpty else { throw ProblemList(problems) }
        return Baseline(file: file, entries: entries)
    }
}

/// The problems of one file that stop a command, each with its place and its fix.
public struct ProblemList: Error, Sendable {
    public let problems: [Problem]

    public init(_ problems: [Problem]) {
        self.problems = problems
    }
}
