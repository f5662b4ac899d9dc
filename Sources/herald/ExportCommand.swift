import ArgumentParser
import Foundation
import HeraldCore
import HeraldExports
import HeraldReports

/// `herald export --format csv`: the accounts table, for the people who still read spreadsheets.
struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write the accounts as a spreadsheet (CSV) that herald import reads back.",
        discussion: """
            One row per account file, in path order, with the columns herald import reads (platform, handle, \
            url, unit, name, bio, owners separated by ";", status, the dates, the security fields and the \
            stable ids): UTF-8 with a byte order mark and CRLF line ends, as spreadsheet programs expect. \
            Export, import and export again gives the same table. Waivers and comments stay in the YAML files. \
            A value that looks like a secret is written as the audit shows it: withheld.
            """,
        version: HeraldVersion.current)

    enum Format: String, ExpressibleByArgument, CaseIterable { case csv }

    @Option(help: "The format: csv.")
    var format: Format = .csv

    @OptionGroup var location: InventoryOption
    var inventory: String { location.inventory }

    @Option(help: ArgumentHelp("The file to write (default: standard output).", valueName: "file"))
    var output: String?

    func run() throws {
        let registry = try Outcome.loadRegistry(inventory, given: location.isGiven)
        let bytes: [UInt8]
        do { bytes = try AccountTable.csv(registry.accounts) } catch {
            Console.error("herald: error: the table could not be made: \(error)")
            throw Outcome.reportNotWritten.exitCode
        }
        guard let output else {
            FileHandle.standardOutput.write(Data(bytes))
            return
        }
        do { try Data(bytes).write(to: URL(fileURLWithPath: output), options: .atomic) } catch {
            Console.error(TerminalText.safe("herald: error: \(output) could not be written: \(error.localizedDescription)"))
            throw Outcome.reportNotWritten.exitCode
        }
        print(TerminalText.safe("Wrote \(output): \(AuditSummaryText.count(registry.accounts.count { $0.wasRead && $0.platform != nil }, "account"))"))
    }
}
