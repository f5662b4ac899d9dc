import ArgumentParser
import HeraldCore

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
            3 a report could not be written; 64 usage error.
            """,
        version: HeraldVersion.current,
        subcommands: [Initialise.self, Import.self, Export.self, Audit.self, Check.self, Reconcile.self, BaselineCommand.self, Publish.self, Verify.self, CodeOwnersCommand.self, Rules.self, Explain.self, ValidateReport.self, Template.self])
}
