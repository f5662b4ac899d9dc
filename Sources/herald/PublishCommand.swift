import ArgumentParser
import Foundation
import HeraldCore
import HeraldReports
import HeraldRules

/// `herald publish`: the public directory of official accounts, as a static site.
struct Publish: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write the public directory of official accounts: a static site with a lookup.",
        discussion: """
            Audits the registry and writes a self-contained site (index.html, directory.css, lookup.js, \
            accounts.json, verify.json) into --output, replacing the folder's set in one step. Only accounts \
            that pass herald.yaml's publish gate are listed as official (by default: active, and no error of \
            the identity rules); retired ones as formerly official; impostors.yaml's as NOT official. No owner, \
            e-mail, credentials reference, escalation contact, waiver or note is published.
            """,
        version: HeraldVersion.current)

    /// The site's folder of unit pages (`units/x.html`), when the lists are split.
    static let unitPages = "units"

    @OptionGroup var location: InventoryOption
    var inventory: String { location.inventory }

    @Option(name: .customLong("output"), help: ArgumentHelp("The folder the site is written to (default: Directory, beside the inventory).", valueName: "folder"))
    var givenOutput: String?

    /// `--output`, or `Directory` beside the inventory.
    var output: String { givenOutput ?? location.besideInventory("Directory") }

    @Option(help: "The date the directory is published as of, YYYY-MM-DD (default: today).", transform: CalendarDate.argument)
    var asOf: CalendarDate?

    @Option(help: ArgumentHelp("A Mustache template for index.html, to brand it (default: the built-in one).", valueName: "file"))
    var template: String?

    func validate() throws {
        guard !output.isEmpty else { throw ValidationError("--output needs a folder name") }
        _ = try site()
    }

    func run() throws {
        Interruption.shared.install()
        // The spare site's unit pages are written over; the rest of it is deleted while the registry loads.
        let spareSet = SpareReportSet(of: output, keeping: [Publish.unitPages])
        defer { spareSet.wait() }
        let site = try site()
        let registry = try Outcome.loadRegistry(inventory, given: location.isGiven)
        let result = Auditor(asOf: asOf ?? AuditOptions.today).audit(registry)
        let directory = PublicDirectory(result)
        let files = site.render(directory)
        do {
            // Files in subfolders (units/x.html, when the lists are split) make their folder a report of its own.
            let folders = Set(files.compactMap { $0.name.split(separator: "/").count > 1 ? String($0.name.split(separator: "/")[0]) : nil })
            let names = Set(files.map { String($0.name.split(separator: "/")[0]) }).sorted()
            let folder = try ReportFolder(output, replacing: names, folders: folders, protected: [inventory, FileManager.default.currentDirectoryPath],
                                          reportNames: names + [Publish.unitPages], recycling: spareSet)
            do throws(ReportFolder.Failure) {
                for name in folders.sorted() { try folder.folder(name) }
                for file in files {
                    let written = try folder.file(file.name)
                    try written.append(file.bytes)
                    try written.finish(waiting: false)
                }
                try folder.syncFiles()
                try folder.switchIn()
            } catch {
                folder.discard()
                throw error
            }
        } catch {
            Interruption.shared.uninterrupted {}
            Console.error(TerminalText.safe("herald: error: the directory could not be written, \(output) is as it was: \(error)"))
            throw Outcome.reportNotWritten.exitCode
        }
        let official = directory.entries.count { $0.standing == .official }
        print("Wrote \(TerminalText.safe(output))/index.html: \(AuditSummaryText.count(official, "official account")), "
              + "\(directory.entries.count { $0.standing == .formerlyOfficial }) formerly official, "
              + "\(AuditSummaryText.count(directory.entries.count { $0.standing == .impostor }, "reported impostor"))")
        for contradiction in directory.contradictions { Console.error(TerminalText.safe("herald: warning: \(contradiction)")) }
        if !directory.withheld.isEmpty {
            print("Not published as official (\(directory.withheld.count)):")
            for withheld in directory.withheld.prefix(20) { print("  \(TerminalText.safe(withheld.file)): \(TerminalText.safe(withheld.reason))") }
            if directory.withheld.count > 20 { print("  … and \(directory.withheld.count - 20) more (herald verify names each one's reason)") }
        }
    }

    private func site() throws -> DirectorySite {
        guard let template else { return .builtIn }
        guard let data = FileManager.default.contents(atPath: template), let text = String(data: data, encoding: .utf8) else {
            throw ValidationError("--template \(template): the file cannot be read as UTF-8 text")
        }
        do { return try DirectorySite(template: text, name: template) } catch { throw ValidationError(error.description) }
    }
}
