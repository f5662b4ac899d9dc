/// The most an inventory file may hold before Herald refuses to read it, so that one hostile or broken
/// file can neither exhaust memory nor be copied into every report (docs/inventory-format.md, "Limits").
public enum FileLimits {
    /// An account file: 1 MiB (1,048,576 bytes). Real ones hold a few hundred bytes; the longest bio any
    /// platform allows is a few thousand characters.
    public static let accountFileBytes = 1 << 20
    /// `herald.yaml`, `people.yaml` and each unit file: 64 MiB (67,108,864 bytes). A registry of a million
    /// accounts and 200,000 people has a 29 MB `people.yaml`.
    public static let organisationFileBytes = 64 << 20
    /// Values an audit may reach through YAML aliases (`*name`) in one file, beyond those written out:
    /// at least 10,000, and 10 for every value written out so far. A file of a few lines whose aliases
    /// nest ("billion laughs") would otherwise expand to 10^10 values and hang the audit.
    public static let aliasExpansionFloor = 10_000
    public static let aliasExpansionPerWrittenValue = 10
    /// Problems of one repeatable kind (unknown keys, keys written twice) listed per file; the rest are
    /// counted in one more problem.
    public static let problemsOfAKindPerFile = 20

    /// "200.0 MB", "1 MiB": sizes as messages show them (decimal for what a file holds, as file managers
    /// show it; the limits are binary).
    static func describe(bytes: Int) -> String {
        if bytes < 1_000 { return "\(bytes) bytes" }
        let units = ["kB", "MB", "GB", "TB"]
        var value = Double(bytes) / 1_000
        var unit = 0
        while value >= 1_000 && unit < units.count - 1 {
            value /= 1_000
            unit += 1
        }
        return "\((value * 10).rounded() / 10) \(units[unit])"
    }

    /// "10,000": a count with thousands separated by commas, as the docs write them.
    static func grouped(_ count: Int) -> String {
        let digits = Array(String(count))
        return String(digits.enumerated().flatMap { index, digit in
            index > 0 && (digits.count - index) % 3 == 0 ? [",", digit] : [digit]
        })
    }

    static func describeLimit(_ bytes: Int) -> String {
        bytes >= 1 << 20 ? "\(bytes >> 20) MiB" : "\(bytes >> 10) KiB"
    }
}

extension FileBytes.Failure {
    /// What is wrong with the file and what to do, for a problem about it. `what` names the file's kind
    /// ("an account file"); `limit` is the size it may have.
    func message(what: String, limit: Int) -> String {
        switch cause {
        case let .tooLarge(bytes):
            return "the file is \(FileLimits.describe(bytes: bytes)), more than the \(FileLimits.describeLimit(limit)) \(what) may hold, so it is not read: check that it is the right file and shorten the value that makes it so long"
        case .system:
            return "the file could not be read (\(reason)): check that it exists and is readable"
        }
    }
}

extension FileBytes.Failure {
    /// For a named pipe, socket or device where a file should be.
    static func notAFile(_ kind: FileBytes.Kind) -> String {
        "this is \(kind.description), not a file, so it is not read: replace it with the file itself, or delete it"
    }
}
