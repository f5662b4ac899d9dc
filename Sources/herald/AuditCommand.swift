import ArgumentParser
import Foundation
import HeraldCore
import HeraldReports
import HeraldRules

/// `herald audit`: the nightly job. Audits the whole registry and writes the reports.
struct Audit: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Audit the whole registry and write reports.",
        discussion: """
            The nightly job. Loads the whole registry, runs every rule, prints a summary (accounts, errors, \
            warnings, failing units worst first) and writes the reports into --output: report.json, \
            report.xml with its schema herald-report.xsd, junit.xml, report.sarif, checkstyle.xml, \
            codequality.json, report.html, and owners/ (an action list per person who has something to do). \
            The folder is replaced in one step: a reader never sees two audits mixed. --format writes only \
            some reports (the others stay as they were). The audit date is --as-of (default today): the same \
            inventory and date give byte-identical reports. --compare-to marks findings new or persisting since \
            an earlier report.json, --baseline sets accepted findings apart, --history keeps the trend, and \
            --git reads review dates from the repository. Exit codes: 0 nothing counts at or above \
            --fail-on, 1 something does, 2 the audit could not run, 3 a report could not be written, 64 a \
            usage error.
            """,
        version: HeraldVersion.current)

    @OptionGroup var options: AuditOptions

    @Option(name: .customLong("output"), help: ArgumentHelp("The folder the reports are written to (default: Reports, beside the inventory).", valueName: "folder"))
    var givenOutput: String?

    /// `--output`, or `Reports` beside the inventory.
    var output: String { givenOutput ?? options.location.besideInventory("Reports") }

    @Option(help: "Comma-separated report formats: \(ReportFormat.allCases.map(\.rawValue).joined(separator: ", ")), or all (the default).")
    var format: [FormatList] = []

    @Option(help: ArgumentHelp("A Mustache template for report.html, to brand it (default: the built-in one; see herald template).", valueName: "file"))
    var template: String?

    @Option(help: ArgumentHelp("An earlier audit's report.json: every finding is marked new or persisting, and what was fixed is listed.", valueName: "file"))
    var compareTo: String?

    @Option(help: "Which findings decide exit 1: all (that count), or new (only those new since --compare-to).")
    var count: CountScope = .all

    @Option(help: ArgumentHelp("A history file (JSON Lines) this audit's counts are added to, for the trend in report.html and the summary; the nightly job commits it.", valueName: "file"))
    var history: String?

    func validate() throws {
        guard givenOutput?.isEmpty != true else { throw ValidationError("--output needs a folder name") }
        if count == .new && compareTo == nil { throw ValidationError("--count new needs --compare-to FILE: new since which audit?") }
        try options.validateBaseline()
        if let template { _ = try htmlReport(template) }
    }

    func run() async throws {
        Interruption.shared.install()
        let formats = format.isEmpty ? ReportFormat.allCases : format.flatMap(\.formats).uniqued()
        let folderReports = Set(formats.filter(\.isFolder).map(\.fileName))
        // The spare's action lists are written over; the rest of it is deleted while the registry is
        // loaded and audited.
        let spareSet = SpareReportSet(of: output, keeping: folderReports)
        defer { spareSet.wait() }
        let renderer = ReportRenderer(html: try template.map(htmlReport))
        let previous = try compareTo.map { path in
            try Outcome.readOrStop("the report to compare with") { () throws(ProblemList) in try PreviousReport.read(path) }
        }
        let baseline = try options.readBaseline()
        let earlierPoints = try history.map { path in
            try Outcome.readOrStop("the history file") { () throws(ProblemList) in try HistoryFile.read(path) }
        } ?? []
        // Git's log is read while the inventory is loaded.
        async let pendingHistory = options.readHistory()
        let registry = try Outcome.loadRegistry(options.inventory, given: options.location.isGiven)
        let exports = try options.readExports()
        let audited = Auditor(asOf: options.auditDate, history: try await pendingHistory, exports: exports).audit(registry)
        let compared = previous == nil && baseline == nil ? audited : audited.compared(with: previous, baseline: baseline)
        let result = history == nil ? compared : compared.with(trend: AuditTrend(earlier: earlierPoints, current: AuditTrend.Point(compared)))
        print(AuditSummaryText.render(result))
        do {
            let folder = try ReportFolder(output, replacing: formats.map(\.fileName), folders: folderReports,
                                          protected: [options.inventory, FileManager.default.currentDirectoryPath],
                                          reportNames: ReportFormat.allCases.map(\.fileName), recycling: spareSet)
            // Reports are rendered side by side, longest first, each on a thread of its own: each has
            // stretches that run on one core, and the short ones then fill the gaps at the end.
            let longestFirst = formats.sorted { $0.renderingCost > $1.renderingCost }
            let work = longestFirst.map { format in
                BackgroundWork { () -> Result<String, ReportFolder.Failure> in
                    Result { () throws(ReportFolder.Failure) in
                        if format.isFolder {
                            try folder.folder(format.fileName)
                            do {
                                try renderer.files(format, result) { files in
                                    // Written on every core: thousands of small files, each a few system
                                    // calls, were the last quarter second of every report on one core.
                                    let failures = ParallelMap.map(files, chunkSize: 16) { file -> ReportFolder.Failure? in
                                        do throws(ReportFolder.Failure) {
                                            let report = try folder.file(format.fileName + "/" + file.name)
                                            try report.append(file.bytes)
                                            try report.finish(waiting: false)
                                            return nil
                                        } catch {
                                            return error
                                        }
                                    }
                                    if let failure = failures.lazy.compactMap({ $0 }).first { throw failure }
                                }
                            } catch {
                                throw (error as? ReportFolder.Failure) ?? ReportFolder.Failure(path: folder.shown + "/" + format.fileName, reason: "\(error)")
                            }
                            try folder.syncFiles()
                            return folder.shown + "/" + format.fileName + "/"
                        }
                        let report = try folder.file(format.fileName)
                        do {
                            try renderer.render(format, result, to: report.append)
                        } catch {
                            throw (error as? ReportFolder.Failure) ?? ReportFolder.Failure(path: report.shownPath, reason: "\(error)")
                        }
                        try report.finish()
                        return report.shownPath
                    }
                }
            }
            let written = work.map { $0.result() }
            do throws(ReportFolder.Failure) {
                for report in written { _ = try report.get() }
                // Switched in only when every report is complete: the folder never mixes two audits.
                try folder.switchIn()
            } catch {
                folder.discard()
                throw error
            }
            for format in formats { print("Wrote \(folder.shown)/\(format.fileName)\(format.isFolder ? "/" : "")") }
            if let history, let trend = result.trend {
                do {
                    // Replaced in one step: a reader never sees half a history.
                    try Data(HistoryFile.render(trend)).write(to: URL(fileURLWithPath: history), options: .atomic)
                    print("Wrote \(history)")
                } catch {
                    throw ReportFolder.Failure(path: history, reason: "the history could not be written (\(error.localizedDescription)); the reports are written")
                }
            }
            if formats.contains(.sarif), let notice = SARIFReport.leftOutNotice(total: result.findings.count, kept: SARIFReport.kept(result.findings),
                                                                                 findings: result.findings) {
                Console.error("herald: warning: \(notice)")
            }
        } catch {
            // A report that failed because a signal removed its folder is not an error to report: the
            // signal ends the process while this waits.
            Interruption.shared.uninterrupted {}
            let state = (error as? ReportFolder.Failure)?.folderChanged == true
                ? "some reports of this audit are already in \(output), beside older ones" : "\(output) is as it was"
            Console.error(TerminalText.safe("herald: error: the reports could not be written, \(state): \(error)"))
            throw Outcome.reportNotWritten.exitCode
        }
        let failed = options.failed(result.findings, newOnly: count == .new, baseline: result.baseline)
        spareSet.wait()
        // Exiting here spares freeing the registry object by object, which the system does at once.
        Self.exit(withError: Outcome.audited(failed: failed).exitCode)
    }

    /// The organisation's template at `template` (`--template`), compiled: checked before the audit runs,
    /// used for report.html (without one, the built-in template is compiled only when report.html is written).
    private func htmlReport(_ template: String) throws -> HTMLReport {
        guard let data = FileManager.default.contents(atPath: template), let text = String(data: data, encoding: .utf8) else {
            throw ValidationError("--template \(template): the file cannot be read as UTF-8 text")
        }
        do { return try HTMLReport(template: text, name: template) } catch { throw ValidationError(error.description) }
    }
}

/// `--count`: which findings decide exit 1.
enum CountScope: String, ExpressibleByArgument, CaseIterable {
    case all, new
}

/// `--format json,xml`: one or more formats separated by commas.
struct FormatList: ExpressibleByArgument {
    let formats: [ReportFormat]

    init?(argument: String) {
        let names = argument.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        if names == ["all"] {
            formats = ReportFormat.allCases
            return
        }
        let parsed = names.map { ReportFormat(rawValue: $0) }
        guard !parsed.isEmpty, !parsed.contains(where: { $0 == nil }) else { return nil }
        formats = parsed.compactMap { $0 }
    }

    static var allValueStrings: [String] { ReportFormat.allCases.map(\.rawValue) + ["all"] }
}

private extension Array where Element: Hashable {
    /// The elements in order, each once: `--format json,json` writes one report.
    func uniqued() -> [Element] {
        var seen: Set<Element> = []
        return filter { seen.insert($0).inserted }
    }
}

