import ArgumentParser
import Foundation
import HeraldCore
import HeraldReports
import HeraldRules

/// `herald verify`: the directory's answer on the command line.
struct Verify: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Say whether a profile address or handle is an official account.",
        discussion: """
            Answers as the published directory does: official (exit 0); formerly official, a reported \
            impostor, or not in the register (exit 1). It reads what people paste: https://x.com/name, \
            twitter.com/name, @name, x:name, mobile addresses, with or without a trailing slash or a query. For \
            the communications office it also names a registered account that is not published as official, \
            and why.
            """,
        version: HeraldVersion.current)

    @Argument(help: ArgumentHelp("A profile address or a handle.", valueName: "url-or-handle"))
    var query: String

    @OptionGroup var location: InventoryOption
    var inventory: String { location.inventory }

    @Option(help: "The date to answer as of, YYYY-MM-DD (default: today).", transform: CalendarDate.argument)
    var asOf: CalendarDate?

    func validate() throws {
        guard !query.trimmingCharacters(in: .whitespaces).isEmpty else { throw ValidationError("give a profile address or a handle") }
    }

    func run() throws {
        let registry = try Outcome.loadRegistry(inventory, given: location.isGiven)
        let directory = PublicDirectory(Auditor(asOf: asOf ?? AuditOptions.today).audit(registry))
        let entries = directory.answer(for: query)
        for entry in entries { print(TerminalText.safe(Self.sentence(entry, organisation: directory.organisation))) }
        if !AccountLookup.namesPlatform(query), entries.count > 0 {
            print("a handle alone does not say which platform: give the profile address to be sure")
        }
        for withheld in directory.withheld(for: query) {
            print(TerminalText.safe("registered in \(withheld.file), but not published as official: \(withheld.reason)"))
        }
        if entries.isEmpty { print(TerminalText.safe("not in the register: \(directory.advice)")) }
        // Official only when the question names the platform and every answer is official.
        let official = !entries.isEmpty && entries.allSatisfy { $0.standing == .official } && AccountLookup.namesPlatform(query)
        Self.exit(withError: official ? ExitCode.success : ExitCode(1))
    }

    static func sentence(_ entry: PublicDirectory.Entry, organisation: String) -> String {
        let unit = entry.unitName ?? entry.unitID ?? organisation
        switch entry.standing {
        case .official:
            return "official: \(entry.shown) is an official account of \(unit)"
        case .formerlyOfficial:
            return "formerly official: \(entry.shown) was an account of \(unit), retired on \(entry.retiredOn?.description ?? "(no date)")"
                + (entry.handleHeld ? "; \(organisation) holds the handle so no one else can use it" : "; its handle is not held")
        case .unconfirmed:
            return "cannot be confirmed: \(entry.shown) is registered, but the directory does not list it as official (see below)"
        case .impostor:
            return "NOT official: \(entry.shown) was reported as an impostor on \(entry.reported?.description ?? "(no date)") (\(entry.impostorStatus.map(DirectorySite.words) ?? ""))"
        }
    }
}
