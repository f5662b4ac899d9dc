import ArgumentParser
import Foundation
import HeraldCore
import HeraldReports

/// `herald validate-report`: checks a report.xml against the schema built into this binary.
struct ValidateReport: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate-report",
        abstract: "Validate a report.xml against Herald's XML schema (herald-report.xsd).",
        discussion: "Exit codes: 0 valid; 1 not valid, or not readable (each problem is printed with its line).",
        version: HeraldVersion.current)

    @Argument(help: "The report.xml to validate.")
    var file: String

    func run() throws {
        guard let data = FileManager.default.contents(atPath: file) else {
            Console.error("herald: error: \(file) cannot be read: check the path")
            throw ExitCode(1)
        }
        let problems = XMLValidator.validate(Array(data), against: ReportSchema.text)
        guard problems.isEmpty else {
            for problem in problems {
                Console.error(TerminalText.safe("\(file):\(problem.line > 0 ? "\(problem.line):" : "") error: \(problem.message)"))
            }
            Console.error("herald: \(file) is not a valid Herald report (\(XMLReport.namespace))")
            throw ExitCode(1)
        }
        print("\(file) is a valid Herald report (\(XMLReport.namespace)).")
    }
}
