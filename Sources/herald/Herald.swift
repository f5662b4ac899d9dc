import ArgumentParser
import HeraldCore

/// `herald`: audits the registry of official social media accounts.
@main
struct Herald: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "herald",
        abstract: "Audit an organisation's registry of official social media accounts.",
        discussion: """
            Exit codes: 0 no finding at or above --fail-on; 1 findings at or above --fail-on; \
            2 the audit could not run (inventory missing, organisation file broken); \
            3 a report could not be written; 64 usage error.
            """,
        version: HeraldVersion.current,
        subcommands: [Audit.self, Check.self, BaselineCommand.self, Rules.self, Explain.self, ValidateReport.self, Template.self])
}
