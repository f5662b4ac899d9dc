import ArgumentParser
import HeraldCore

/// `herald reconcile`: the registry against what the social media tools actually hold.
struct Reconcile: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Audit the registry with the account lists exported from the social media tools.",
        discussion: """
            The same audit as herald audit, with the reconcile rules reading the exports: accounts in a tool \
            that the registry lacks, registered accounts no export lists, bios that drifted, access in a tool \
            for people who are not owners or have left, and disconnected accounts. Takes every option of \
            herald audit (--output, --format, --fail-on, …) after the exports. See docs/reconcile.md.
            """,
        version: HeraldVersion.current)

    @Argument(parsing: .captureForPassthrough, help: ArgumentHelp(
        "The tools' account lists (CSV or JSON files), then --map FILE (how to read their columns) and any option of herald audit.",
        valueName: "export … [--map file] [audit options]"))
    var arguments: [String] = []

    /// The exports (the arguments before the first option), the mapping of `--map`, and the rest for the audit.
    private var split: (exports: [String], map: String?, audit: [String]) {
        let exports = Array(arguments.prefix { !$0.hasPrefix("-") })
        var rest = Array(arguments.dropFirst(exports.count)), map: String?
        if let index = rest.firstIndex(of: "--map"), index + 1 < rest.count {
            map = rest[index + 1]
            rest.removeSubrange(index ... index + 1)
        } else if let index = rest.firstIndex(where: { $0.hasPrefix("--map=") }) {
            map = String(rest[index].dropFirst("--map=".count))
            rest.remove(at: index)
        }
        return (exports, map, rest)
    }

    func validate() throws {
        guard !split.exports.isEmpty else { throw ValidationError("give at least one export file: herald reconcile EXPORT... [--map FILE]") }
        if arguments.contains("--map") && split.map == nil { throw ValidationError("--map needs a mapping file") }
    }

    func run() async throws {
        let (exports, map, rest) = split
        let audit = try Audit.parse(exports.flatMap { ["--export", $0] } + (map.map { ["--export-map", $0] } ?? []) + rest)
        try await audit.run()
    }
}
