import ArgumentParser
import Foundation
import HeraldCore
import HeraldReports
import HeraldRules

/// `herald audit`: the nightly job. Audits the whole registry and writes the reports.
struct Audit: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Audit the whole registry and write reports.",
        discussion: "Writes the reports atomically into --output and prints a short summary.",
        version: HeraldVersion.current)

    @OptionGroup var options: AuditOptions

    @Option(help: "The folder the reports are written to.")
    var output = "Reports"

    @Option(help: "Comma-separated report formats: \(ReportFormat.allCases.map(\.rawValue).joined(separator: ", ")) (default: all).")
    var format: [FormatList] = []

    func validate() throws {
        guard !output.isEmpty else { throw ValidationError("--output needs a folder name") }
    }

    func run() throws {
        let registry = try Outcome.loadRegistry(options.inventory)
        let result = Auditor(asOf: options.auditDate).audit(registry)
        print(AuditSummaryText.render(result))
        let formats = format.isEmpty ? ReportFormat.allCases : format.flatMap(\.formats).uniqued()
        do {
            try ReportWriter.createFolder(output)
            for format in formats {
                let path = output + "/" + format.fileName
                try ReportWriter.write(try render(format, result), to: path)
                print("Wrote \(path)")
            }
        } catch {
            Console.error("herald: error: a report could not be written: \(error)")
            throw Outcome.reportNotWritten.exitCode
        }
        let failed = options.failOn.severity.map(result.hasFindings(atOrAbove:)) ?? false
        // Exiting here spares freeing the registry object by object, which the system does at once.
        Self.exit(withError: Outcome.audited(failed: failed).exitCode)
    }

    private func render(_ format: ReportFormat, _ result: AuditResult) throws(ReportWriter.Failure) -> [UInt8] {
        do { return try format.render(result) } catch { throw ReportWriter.Failure(path: format.fileName, reason: "\(error)") }
    }
}

/// `--format json,xml`: one or more formats separated by commas.
struct FormatList: ExpressibleByArgument {
    let formats: [ReportFormat]

    init?(argument: String) {
        let parsed = argument.split(separator: ",").map { ReportFormat(rawValue: $0.trimmingCharacters(in: .whitespaces).lowercased()) }
        guard !parsed.isEmpty, !parsed.contains(where: { $0 == nil }) else { return nil }
        formats = parsed.compactMap { $0 }
    }

    static var allValueStrings: [String] { ReportFormat.allCases.map(\.rawValue) }
}

private extension Array where Element: Hashable {
    /// The elements in order, each once: `--format json,json` writes one report.
    func uniqued() -> [Element] {
        var seen: Set<Element> = []
        return filter { seen.insert($0).inserted }
    }
}

