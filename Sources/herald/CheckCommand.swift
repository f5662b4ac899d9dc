import ArgumentParser
import Foundation
import HeraldCore
import HeraldGit
import HeraldReports
import HeraldRules

/// `herald check`: a department's run before it opens a pull request.
struct Check: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check the registry and print the findings for some files or folders.",
        discussion: """
            Loads the whole registry (rules such as duplicate-account need every file) but prints only the \
            findings in the given files and folders, one line each: path:line:column: severity: [rule] message. \
            Writes no files. With --changed-since REF (inside a git repository), prints only what this change \
            broke: the findings the working tree has and REF had not, wherever they are.
            """,
        version: HeraldVersion.current)

    @Argument(help: "Account files or folders to report on (default: the whole inventory).")
    var paths: [String] = []

    @OptionGroup var options: AuditOptions

    @Option(help: "Colour the output: auto (on a terminal, unless NO_COLOR is set), always or never.")
    var color: ColourChoice = .auto

    @Option(help: "text: one line per finding; github: GitHub Actions annotations on the pull request.")
    var format: CheckFormat = .text

    @Option(help: ArgumentHelp("Print only findings new since this git revision (a branch, tag or commit, e.g. origin/main): what this change broke, wherever it shows.", valueName: "ref"))
    var changedSince: String?

    func validate() throws {
        try options.validateBaseline()
        let folder = options.inventory
        // Without an inventory the loader says what was searched; the paths cannot be judged yet.
        guard FileManager.default.fileExists(atPath: folder) else { return }
        let inventory = PathScope([folder])
        for path in paths {
            guard FileManager.default.fileExists(atPath: path) else { throw ValidationError("no such file or folder: \(path)") }
            // A path outside the inventory would always "pass": say so rather than report no problems. A
            // folder that holds the inventory (`.` at the repository's top) is the whole inventory.
            guard inventory.contains(path) || PathScope([path]).contains(folder + "/herald.yaml") else {
                let which = options.location.isGiven ? "the inventory folder \(folder)" : "the inventory found here (\(folder))"
                throw ValidationError("\(path) is not inside \(which): give account files or folders under it")
            }
        }
    }

    func run() async throws {
        let baseline = try options.readBaseline()
        async let pendingHistory = options.readHistory()
        let registry = try Outcome.loadRegistry(options.inventory, given: options.location.isGiven)
        let history = try await pendingHistory
        let earlier = try await changedSince.asyncMap { try await earlierAudit(at: $0, workingTree: registry, history: history) }
        // Which accounts are in the paths: decided per account (its findings are one run of them), not per
        // finding, on every core, each chunk of accounts with a scope of its own (a scope remembers the
        // folders it resolved).
        let accounts = registry.accounts
        let chunks = stride(from: 0, to: accounts.count, by: 4096).map { $0 ..< min($0 + 4096, accounts.count) }
        let positions = ParallelMap.flatMap(chunks, chunkSize: 1) { chunk in
            let scope = PathScope(paths)
            return chunk.filter { scope.contains(accounts[$0].file) }
        }
        // Only those accounts' rules run: the whole registry still makes the context (a duplicate in another
        // folder is found), and the organisation files are audited. Comparing with an earlier audit or a
        // baseline matches every finding of the registry, so those run every account's rules.
        let auditor = Auditor(asOf: options.auditDate, history: history, exports: try options.readExports())
        let checksEvery = earlier != nil || baseline != nil || positions.count == accounts.count
        let audited = auditor.audit(registry, checkingOnly: checksEvery ? nil : Set(positions))
        let result = earlier == nil && baseline == nil ? audited : audited.compared(with: earlier, baseline: baseline)
        let scope = PathScope(paths)
        let inScope = positions.map { result.accounts[$0] }
        let shown = (inScope.flatMap { result.findings(of: $0) } + result.organisationFindings.filter { scope.contains($0.file) })
            .filter { earlier == nil || $0.change == .new }
            .sorted(by: Finding.reportOrder)
        let lines = FindingLines(colour: color.enabled)
        if format == .github {
            for finding in GitHubAnnotations.ordered(shown) { print(GitHubAnnotations.line(for: finding)) }
        } else {
            for finding in shown { print(lines.line(for: finding)) }
        }

        let accountCount = inScope.count
        if let changes = result.changes, let changedSince {
            print("Since \(TerminalText.safe(changedSince)): \(AuditSummaryText.count(shown.count, "new finding")), \(changes.fixed.count) fixed"
                  + (changes.notRechecked.isEmpty ? "" : ", \(changes.notRechecked.count) not re-checked") + ".")
        }
        if let baseline = result.baseline { for line in AuditSummaryText.baselineLines(baseline) { print(line) } }
        let counted = shown.filter(\.counts)
        let errors = counted.count { $0.severity == .error }
        let warnings = counted.count { $0.severity == .warning }
        let waived = shown.count - counted.count
        let files = Set(counted.map(\.file)).count
        let waivedNote = waived == 0 ? "" : " (\(waived) waived or in the baseline)"
        if counted.isEmpty {
            print("Checked \(AuditSummaryText.count(accountCount, "account")): no \(changedSince == nil ? "" : "new ")problems found\(waivedNote).")
        } else {
            print("Checked \(AuditSummaryText.count(accountCount, "account")): \(AuditSummaryText.count(errors, "error")), "
                  + "\(AuditSummaryText.count(warnings, "warning")) in \(AuditSummaryText.count(files, "file"))\(waivedNote).")
        }
        if format == .github { writeStepSummary(shown, result: result, accounts: accountCount, errors: errors, warnings: warnings) }
        let failed = options.failed(shown, newOnly: false, baseline: result.baseline)
        // Exiting here spares freeing the registry object by object, which the system does at once.
        Self.exit(withError: Outcome.audited(failed: failed).exitCode)
    }
}

extension Check {
    /// The audit of the inventory as `revision` stores it, on the same date, for `--changed-since`: an
    /// inventory git cannot give stops the check (exit 64 for a revision that names no commit, 2 otherwise).
    /// Account files REF holds as the working tree does are not parsed again: `workingTree`'s are used.
    /// With `--git`, both audits read the working tree's history: what REF's audit would have found with
    /// REF's history is not what this change broke.
    private func earlierAudit(at revision: String, workingTree: Registry, history: ReviewHistory?) async throws -> PreviousAudit {
        let parsed = Dictionary(workingTree.accounts.map { ($0.file, $0) }) { first, _ in first }
        do {
            let (commit, sources, brokenAt) = try await GitInventory.sources(at: revision, inventory: options.inventory) { parsed[$0] }
            let shown = "\(revision) (\(commit.prefix(12)))"
            guard let sources else {
                // No inventory at the revision, or its organisation files were broken: nothing to compare
                // with, so every finding is new.
                if let brokenAt {
                    Console.error(TerminalText.safe("herald: note: the inventory at \(shown) could not be audited (\(brokenAt.problems.first?.message ?? "")): every finding counts as new"))
                }
                return PreviousAudit(asOf: options.auditDate, source: shown, inventory: nil, findings: [])
            }
            let registry = try RegistryBuilder.build(from: sources, knownRules: Set(RuleCatalog.all.map { $0.description.id }))
            let result = Auditor(asOf: options.auditDate, history: history).audit(registry)
            return PreviousAudit(asOf: options.auditDate, source: shown, inventory: result.inventory, findings: result.findings.map(PreviousFinding.init))
        } catch let failure as Git.Failure {
            Console.error(TerminalText.safe("herald: error: --changed-since \(revision): \(failure.description)"))
            throw failure.unknownRevision ? ExitCode.validationFailure : Outcome.auditCouldNotRun.exitCode
        } catch {
            Console.error(TerminalText.safe("herald: note: the inventory at \(revision) could not be audited (\(error)): every finding counts as new"))
            return PreviousAudit(asOf: options.auditDate, source: revision, inventory: nil, findings: [])
        }
    }

    /// Appends every finding to the step summary when GitHub Actions names one, and says so when GitHub
    /// will not show every annotation.
    private func writeStepSummary(_ shown: [Finding], result: AuditResult, accounts: Int, errors: Int, warnings: Int) {
        let path = ProcessInfo.processInfo.environment["GITHUB_STEP_SUMMARY"] ?? ""
        let hidden = max(0, errors - GitHubAnnotations.shownPerLevel) + max(0, warnings - GitHubAnnotations.shownPerLevel)
        if !path.isEmpty {
            // The step's summary may hold what earlier commands of the step wrote: GitHub's 1 MiB is for all.
            let written = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
            let markdown = GitHubStepSummary.markdown(shown, organisation: result.organisation, accountCount: accounts, since: changedSince,
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
    /// What is known of each folder files sit in, by the folder as given: whether it is inside a root
    /// (then every file in it is), and else which of its files are roots themselves. A registry has
    /// thousands of files per folder; each folder is resolved once.
    private var folders: [Substring: (inScope: Bool, rootFiles: Set<Substring>)] = [:]

    init(_ paths: [String]) {
        roots = paths.map { path in
            let (folder, name) = PathScope.split(path)
            guard let name else { return PathScope.resolved(path) }
            let resolvedFolder = PathScope.resolved(folder.isEmpty ? "." : String(folder))
            return resolvedFolder == "/" ? "/" + name : resolvedFolder + "/" + name
        }
    }

    func contains(_ file: String) -> Bool {
        guard !roots.isEmpty else { return true }
        let (folder, name) = PathScope.split(file)
        guard let name else {
            let resolved = PathScope.resolved(file)
            return roots.contains { PathScope.is(resolved, inside: $0) }
        }
        // Accounts come folder by folder: the folder asked before is the usual answer, found without
        // hashing its path again.
        if let (lastFolder, lastFacts) = last, lastFolder == folder { return lastFacts.inScope || lastFacts.rootFiles.contains(name) }
        let facts = folders[folder] ?? {
            let resolved = PathScope.resolved(folder.isEmpty ? "." : String(folder))
            let inScope = roots.contains { PathScope.is(resolved, inside: $0) }
            let prefix = resolved == "/" ? "/" : resolved + "/"
            let rootFiles = Set(roots.filter { $0.hasPrefix(prefix) && !$0.dropFirst(prefix.count).contains("/") }.map { $0.dropFirst(prefix.count) })
            folders[folder] = (inScope, rootFiles)
            return (inScope, rootFiles)
        }()
        last = (folder, facts)
        return facts.inScope || facts.rootFiles.contains(name)
    }

    private var last: (folder: Substring, facts: (inScope: Bool, rootFiles: Set<Substring>))?

    /// Whether the resolved path `path` is `root` or lies under it.
    private static func `is`(_ path: String, inside root: String) -> Bool {
        path == root || path.hasPrefix(root == "/" ? "/" : root + "/")
    }

    /// The folder part as given (`/` for a file at the root, empty for a bare name) and the last name;
    /// nil for the name when the path ends in a folder (`x/`, `.`, `..`).
    private static func split(_ path: String) -> (folder: Substring, name: Substring?) {
        // Searched as UTF-8: "/" is one byte, and a search by Character breaks graphemes at every step.
        guard let cut = path.utf8.lastIndex(of: UInt8(ascii: "/")) else { return ("", path == "." || path == ".." ? nil : path[...]) }
        let name = path[path.index(after: cut)...]
        let folder = cut == path.startIndex ? path[...cut] : path[..<cut]
        return (folder, name.isEmpty || name == "." || name == ".." ? nil : name)
    }

    /// Links in the folder are resolved but not the file's own name, so a link that is refused is still
    /// reported where it sits. `realpath` where the path exists (every folder an account was read from):
    /// Foundation's `resolvingSymlinksInPath` for the 2,000 folders of the benchmark's registry made
    /// `herald check` dearer than a JSON-only audit (docs/performance.md).
    private static func resolved(_ path: String) -> String {
        if let pointer = realpath(path, nil) {
            defer { free(pointer) }
            return String(cString: pointer)
        }
        return URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
    }
}

private extension Optional {
    func asyncMap<Mapped>(_ transform: (Wrapped) async throws -> Mapped) async rethrows -> Mapped? {
        guard let value = self else { return nil }
        return try await transform(value)
    }
}
