import ArgumentParser
import Foundation
import HeraldCore
import HeraldReports
import HeraldRules

/// `herald check`: a department's run before it opens a pull request.
struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check the registry and print the findings for some files or folders.",
        discussion: """
            Loads the whole registry (rules such as duplicate-account need every file) but prints only the \
            findings in the given files and folders, one line each: path:line:column: severity: [rule] message. \
            Writes no files.
            """,
        version: HeraldVersion.current)

    @Argument(help: "Account files or folders to report on (default: the whole inventory).")
    var paths: [String] = []

    @OptionGroup var options: AuditOptions

    @Option(help: "Colour the output: auto (on a terminal, unless NO_COLOR is set), always or never.")
    var color: ColourChoice = .auto

    @Option(help: "text: one line per finding; github: GitHub Actions annotations on the pull request.")
    var format: CheckFormat = .text

    func validate() throws {
        let inventory = PathScope([options.inventory])
        for path in paths {
            guard FileManager.default.fileExists(atPath: path) else { throw ValidationError("no such file or folder: \(path)") }
            // A path outside the inventory would always "pass": say so rather than report no problems.
            guard inventory.contains(path) else {
                throw ValidationError("\(path) is not inside the inventory folder \(options.inventory): give account files or folders under it")
            }
        }
    }

    func run() throws {
        let registry = try Outcome.loadRegistry(options.inventory)
        let result = Auditor(asOf: options.auditDate).audit(registry)
        let scope = PathScope(paths)
        let shown = result.findings.filter { scope.contains($0.file) }
        let lines = FindingLines(colour: color.enabled)
        if format == .github {
            for finding in GitHubAnnotations.ordered(shown) { print(GitHubAnnotations.line(for: finding)) }
        } else {
            for finding in shown { print(lines.line(for: finding)) }
        }

        let accounts = result.accounts.count { scope.contains($0.account.file) }
        let counted = shown.filter { !$0.isWaived }
        let errors = counted.count { $0.severity == .error }
        let warnings = counted.count { $0.severity == .warning }
        let waived = shown.count - counted.count
        let files = Set(counted.map(\.file)).count
        let waivedNote = waived == 0 ? "" : " (\(waived) waived)"
        if counted.isEmpty {
            print("Checked \(AuditSummaryText.count(accounts, "account")): no problems found\(waivedNote).")
        } else {
            print("Checked \(AuditSummaryText.count(accounts, "account")): \(AuditSummaryText.count(errors, "error")), "
                  + "\(AuditSummaryText.count(warnings, "warning")) in \(AuditSummaryText.count(files, "file"))\(waivedNote).")
        }
        if format == .github { writeStepSummary(shown, result: result, accounts: accounts, errors: errors, warnings: warnings) }
        let failed = options.failOn.severity.map { threshold in counted.contains { $0.severity >= threshold } } ?? false
        // Exiting here spares freeing the registry object by object, which the system does at once.
        Self.exit(withError: Outcome.audited(failed: failed).exitCode)
    }
}

extension Check {
    /// Appends every finding to the step summary when GitHub Actions names one, and says so when GitHub
    /// will not show every annotation.
    private func writeStepSummary(_ shown: [Finding], result: AuditResult, accounts: Int, errors: Int, warnings: Int) {
        let path = ProcessInfo.processInfo.environment["GITHUB_STEP_SUMMARY"] ?? ""
        let hidden = max(0, errors - GitHubAnnotations.shownPerLevel) + max(0, warnings - GitHubAnnotations.shownPerLevel)
        if !path.isEmpty {
            // The step's summary may hold what earlier commands of the step wrote: GitHub's 1 MiB is for all.
            let written = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
            let markdown = GitHubStepSummary.markdown(shown, organisation: result.organisation, accountCount: accounts,
                                                      limit: max(4096, GitHubStepSummary.maximumBytes - written))
            if let handle = FileHandle(forWritingAtPath: path) {
                handle.seekToEndOfFile()
                handle.write(Data(markdown.utf8))
                handle.closeFile()
            } else if !FileManager.default.createFile(atPath: path, contents: Data(markdown.utf8)) {
                Console.error("herald: warning: the step summary \(path) cannot be written")
            }
        }
        if hidden > 0 {
            print("GitHub shows \(GitHubAnnotations.shownPerLevel) errors and \(GitHubAnnotations.shownPerLevel) warnings of a step as annotations: "
                  + (path.isEmpty ? "run `herald check` locally for the other \(hidden)." : "all \(shown.count) findings are in the step summary."))
        }
    }
}

enum CheckFormat: String, ExpressibleByArgument, CaseIterable {
    case text, github
}

enum ColourChoice: String, ExpressibleByArgument, CaseIterable {
    case auto, always, never

    var enabled: Bool {
        switch self {
        case .always: return true
        case .never: return false
        case .auto:
            let environment = ProcessInfo.processInfo.environment
            return isatty(STDOUT_FILENO) == 1 && (environment["NO_COLOR"] ?? "").isEmpty && environment["TERM"] != "dumb"
        }
    }
}

/// The files and folders `herald check` reports on, compared as absolute paths with links resolved.
/// Answers are kept per file: resolving a path asks the file system, and an audit has a finding for
/// nearly every account (several per account, in a registry that adopts Herald), which made resolving
/// each finding's file most of the time `herald check` took.
final class PathScope {
    private var roots: [String] = []
    private var answers: [String: Bool] = [:]
    /// Folders as given and as resolved: a registry has thousands of files per folder.
    private var folders: [Substring: String] = [:]

    init(_ paths: [String]) {
        roots = paths.map { absolute($0) }
    }

    func contains(_ file: String) -> Bool {
        guard !roots.isEmpty else { return true }
        if let known = answers[file] { return known }
        let path = absolute(file)
        let answer = roots.contains { path == $0 || path.hasPrefix($0.hasSuffix("/") ? $0 : $0 + "/") }
        answers[file] = answer
        return answer
    }

    /// The folder's links are resolved but not the file's own name, so a link that is refused is still
    /// reported where it sits.
    private func absolute(_ path: String) -> String {
        let cut = path.lastIndex(of: "/")
        // `/x.yaml`: the folder is the root, not the working folder.
        let given = cut.map { $0 == path.startIndex ? path[...$0] : path[..<$0] } ?? ""
        let name = cut.map { String(path[path.index(after: $0)...]) } ?? path
        guard name != "." && name != ".." && !name.isEmpty else { return PathScope.resolved(path) }
        let folder = folders[given] ?? {
            let resolved = PathScope.resolved(given.isEmpty ? "." : String(given))
            folders[given] = resolved
            return resolved
        }()
        return folder == "/" ? "/" + name : folder + "/" + name
    }

    private static func resolved(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
    }
}
