import ArgumentParser
import HeraldCore
import HeraldReports

/// `herald template`: prints the built-in report.html template, the starting point for `--template`.
struct Template: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print the built-in Mustache template of report.html.",
        discussion: "Save it, brand it and pass it to herald audit --template FILE. The values it can use are listed in docs/reports.md.",
        version: HeraldVersion.current)

    func run() {
        print(DefaultHTMLTemplate.text, terminator: "")
    }
}
