import ArgumentParser
import Foundation
import HeraldCore
import HeraldReports

/// `herald`: audits the registry of official social media accounts.
@main
struct Herald: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "herald",
        abstract: "Audit an organisation's registry of official social media accounts.",
        discussion: """
            Exit codes: 0 no finding that counts at or above --fail-on; 1 findings that count at or above \
            --fail-on (not waived, not in the baseline; only new ones with --count new or --changed-since), \
            or an unmatched baseline entry with --fail-on-unmatched-baseline; 2 the audit could not run \
            (inventory missing, organisation file, baseline or earlier report broken, git unable to answer); \
            3 a report could not be written; 64 usage error. `herald --version --verbose` prints what a \
            problem report needs: the version, the commit, the Swift compiler and the C libraries.
            """,
        version: HeraldVersion.current,
        subcommands: [Initialise.self, Import.self, Export.self, Audit.self, Check.self, Reconcile.self, BaselineCommand.self, Publish.self, Verify.self, CodeOwnersCommand.self, Schema.self, Rules.self, Explain.self, ValidateReport.self, Template.self])

    /// Two things ArgumentParser does not say are handled before it parses: a word that is no command
    /// (it would answer only "Unexpected argument") and `--version --verbose`.
    static func main() async {
        AllocatorTuning.apply()
        let arguments = Array(CommandLine.arguments.dropFirst())
        if Set(arguments) == ["--version", "--verbose"] {
            print(BuildDescription.lines.joined(separator: "\n"))
            return
        }
        if let word = arguments.first, !word.hasPrefix("-") {
            let names = configuration.subcommands.map { $0._commandName } + ["help"]
            if !names.contains(word) {
                let hint = KeySuggestion.closest(to: word, among: names).map { "did you mean `herald \($0)`? " } ?? ""
                Console.error(TerminalText.safe("Error: '\(word)' is not a herald command: \(hint)expected one of \(names.joined(separator: ", ")) (herald --help describes each)"))
                Foundation.exit(ExitCode.validationFailure.rawValue)
            }
        }
        await main(arguments)
    }
}

/// What `herald --version --verbose` prints: one `name: value` line each.
enum BuildDescription {
    static var lines: [String] {
        var commit = String(decoding: PackageResources.build_commit_txt, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        if commit.isEmpty || commit == "unknown" { commit = "unknown (built from a working copy, not by Scripts/release.sh)" }
        var system = utsname()
        uname(&system)
        func text<T>(_ field: T) -> String { withUnsafeBytes(of: field) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) } }
        return [
            "herald \(HeraldVersion.current)",
            "commit: \(commit)",
            "swift: \(compilerVersion)",
            "libyaml: \(HeraldVersion.libyaml)",
            "libxml2: \(XMLLibraryVersion.current)",
            "system: \(text(system.sysname)) \(text(system.release)) \(text(system.machine))",
        ]
    }

    /// The compiler's version as far as `#if compiler` can tell it (Swift has no run-time query).
    private static var compilerVersion: String {
        #if compiler(>=6.4)
        return "6.4 or later"
        #elseif compiler(>=6.3)
        return "6.3"
        #elseif compiler(>=6.2)
        return "6.2"
        #elseif compiler(>=6.1)
        return "6.1"
        #else
        return "6.0"
        #endif
    }
}
