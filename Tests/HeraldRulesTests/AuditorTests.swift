import HeraldCore
import HeraldRules
import Testing

/// The auditor's own behaviour: severity settings, retired accounts, inheritance, counts.
@Suite struct AuditorTests {
    static let passing = Example.account().text

    func audit(herald: String = ExampleOrganisation.herald, units: [String: String] = ExampleOrganisation.units,
               accounts: [String: String], rules: [any Rule] = RuleCatalog.all, asOf: CalendarDate = ExampleOrganisation.asOf) throws -> AuditResult {
        let sources = InventorySources(
            organisation: .init(path: "Inventory/herald.yaml", text: herald),
            people: .init(path: "Inventory/people.yaml", text: ExampleOrganisation.people),
            units: units.keys.sorted().map { .init(path: "Inventory/units/\($0).yaml", text: units[$0]!) },
            accounts: accounts.keys.sorted().map { path in
                .init(path: "Inventory/accounts/" + path, folder: String(path.split(separator: "/")[0]),
                      fileName: String(path.split(separator: "/")[1]), content: .bytes(Array(accounts[path]!.utf8)))
            })
        let registry = try RegistryBuilder.build(from: sources, knownRules: Set(RuleCatalog.all.map(\.description.id)))
        return Auditor(rules: rules, asOf: asOf).audit(registry)
    }

    @Test func aPassingAccountHasNoFindings() throws {
        let result = try audit(accounts: ["parks/instagram-fairhavenparks.yaml": Self.passing])
        #expect(result.findings.isEmpty)
        #expect(result.accountCount == 1)
        #expect(!result.hasFindings(atOrAbove: .warning))
    }

    @Test func severityCanBeRaisedLoweredOrTurnedOff() throws {
        let stale = Self.passing.replacingOccurrences(of: "last_reviewed: 2026-06-01", with: "last_reviewed: 2020-01-01")
            .replacingOccurrences(of: "owners: [jdoe, asmith]", with: "owners: [jdoe]")
        let accounts = ["parks/instagram-fairhavenparks.yaml": stale]
        let defaults = try audit(accounts: accounts)
        #expect(defaults.findings.map(\.rule) == ["owner-assigned", "review-current"])
        #expect(defaults.findings.map(\.severity) == [.error, .warning])

        let herald = ExampleOrganisation.herald + "rules:\n  review-current: error\n  owner-assigned: off\n"
        let changed = try audit(herald: herald, accounts: accounts)
        #expect(changed.findings.map(\.rule) == ["review-current"])
        #expect(changed.findings.map(\.severity) == [.error])
        #expect(changed.errorCount == 1 && changed.warningCount == 0)
    }

    @Test func retiredAccountsAreCheckedOnlyForSchemaUnitAndDuplicates() throws {
        let retired = "platform: x\nhandle: oldparks\nurl: https://x.com/oldparks\nunit: parks\nstatus: retired\nbio: gone\nowner: [jdoe]\nretired_on: 2025-01-01\nhandle_held: true\n"
        let result = try audit(accounts: ["parks/x-oldparks.yaml": retired])
        #expect(result.findings.map(\.rule) == ["inventory-schema"])
    }

    @Test func standardsAreInheritedAndBioPhrasesAccumulate() throws {
        var units = ExampleOrganisation.units
        units["city-hall"] = "id: city-hall\nname: City Hall\nstandards:\n  min_owners: 3\n  bio_must_include: [\"City of Fairhaven\"]\n"
        units["library"] = "id: library\nname: Fairhaven Public Library\nparent: city-hall\nstandards:\n  min_owners: 1\n"
        let library = "platform: x\nhandle: fhlibrary\nurl: https://x.com/fhlibrary\nunit: library\nbio: Fairhaven Public Library\nowners: [mchen]\nstatus: active\nlast_reviewed: 2026-10-01\n"
        let result = try audit(units: units, accounts: [
            "library/x-fhlibrary.yaml": library,
            "parks/instagram-fairhavenparks.yaml": Self.passing,
        ], rules: [OwnerAssignedRule(), UnitStandardsRule()])
        // The library sets min_owners 1 (nearest wins) but inherits City Hall's bio phrase.
        #expect(result.findings.map(\.message) == ["bio lacks the phrase \"City of Fairhaven\" required by the standards of unit library: add it to the bio",
                                                   "the account has 2 owners but its unit requires at least 3: add 1 more from people.yaml"])
        #expect(result.findings.map(\.file) == ["Inventory/accounts/library/x-fhlibrary.yaml", "Inventory/accounts/parks/instagram-fairhavenparks.yaml"])
    }

    @Test func duplicatesAreFoundAcrossFoldersAndLetterCase() throws {
        let other = Self.passing.replacingOccurrences(of: "handle: fairhavenparks", with: "handle: FairhavenParks")
            .replacingOccurrences(of: "unit: parks", with: "unit: library")
        let result = try audit(accounts: ["parks/instagram-fairhavenparks.yaml": Self.passing, "library/instagram-FairhavenParks.yaml": other])
        let duplicates = result.findings.filter { $0.rule == "duplicate-account" }
        #expect(duplicates.count == 2)
        #expect(duplicates.allSatisfy { $0.account == "instagram:fairhavenparks" && $0.location == SourceLocation(line: 2, column: 9) })
        #expect(duplicates[0].message.contains("Inventory/accounts/parks/instagram-fairhavenparks.yaml"))
    }

    @Test func unitSummariesCountAccountsAndFindings() throws {
        let noBio = Self.passing.replacingOccurrences(of: "fairhavenparks", with: "fairhavenpark2")
            .split(separator: "\n").filter { !$0.hasPrefix("bio:") }.joined(separator: "\n") + "\n"
        let result = try audit(accounts: ["parks/instagram-fairhavenparks.yaml": Self.passing, "parks/instagram-fairhavenpark2.yaml": noBio])
        let parks = try #require(result.units.first { $0.id == "parks" })
        #expect(parks.accounts == 2 && parks.failingAccounts == 1 && parks.errors == 2 && parks.warnings == 0)
        #expect(result.units.map(\.id) == ["city-hall", "library", "parks"])
    }

    @Test func aMisspeltKeyIsReportedOnceNotAlsoAsMissing() throws {
        let misspelt = Self.passing.replacingOccurrences(of: "owners:", with: "owner:").replacingOccurrences(of: "last_reviewed:", with: "last_review:")
        let result = try audit(accounts: ["parks/instagram-fairhavenparks.yaml": misspelt])
        #expect(result.findings.map(\.rule) == ["inventory-schema", "inventory-schema"])
        #expect(result.findings.map(\.field) == ["owners", "last_reviewed"])
    }

    // MARK: Waivers

    static let waiver = "waivers:\n  - rule: owner-assigned\n    reason: Second administrator starts in January\n    approved_by: jdoe\n    expires: "

    func oneOwner(waiverExpiring expires: String?, approvedBy: String = "jdoe") -> String {
        let account = Self.passing.replacingOccurrences(of: "owners: [jdoe, asmith]", with: "owners: [jdoe]")
        guard let expires else { return account }
        return account + Self.waiver.replacingOccurrences(of: "approved_by: jdoe", with: "approved_by: \(approvedBy)") + expires + "\n"
    }

    @Test func aValidWaiverExcusesTheFindingWhichIsShownButNotCounted() throws {
        let result = try audit(accounts: ["parks/instagram-fairhavenparks.yaml": oneOwner(waiverExpiring: "2027-01-31")])
        #expect(result.findings.map(\.rule) == ["owner-assigned"])
        let waiver = try #require(result.findings[0].waiver)
        #expect(waiver.reason == "Second administrator starts in January" && waiver.approvedBy == "jdoe" && waiver.expires == CalendarDate("2027-01-31"))
        #expect(result.errorCount == 0 && result.warningCount == 0 && result.waivedCount == 1)
        #expect(result.verdict == .passed && !result.hasFindings(atOrAbove: .warning))
        let parks = try #require(result.units.first { $0.id == "parks" })
        #expect(parks.failingAccounts == 0 && parks.waived == 1)
    }

    @Test func anExpiredWaiverExcusesNothingAndIsReported() throws {
        let result = try audit(accounts: ["parks/instagram-fairhavenparks.yaml": oneOwner(waiverExpiring: "2026-11-23")])
        #expect(result.findings.map(\.rule) == ["owner-assigned", "waiver-expired"])
        #expect(result.findings.allSatisfy { !$0.isWaived })
        #expect(result.errorCount == 2 && result.waivedCount == 0)
    }

    @Test func theExpiryDayIsStillCovered() throws {
        let result = try audit(accounts: ["parks/instagram-fairhavenparks.yaml": oneOwner(waiverExpiring: "2026-11-24")])
        #expect(result.errorCount == 0 && result.waivedCount == 1)
    }

    @Test func aWaiverApprovedBySomeoneWhoMayNotExcusesNothing() throws {
        // asmith is staff of parks, not a maintainer of parks or City Hall.
        let result = try audit(accounts: ["parks/instagram-fairhavenparks.yaml": oneOwner(waiverExpiring: "2027-01-31", approvedBy: "asmith")])
        #expect(result.findings.map(\.rule) == ["owner-assigned", "waiver-invalid"])
        #expect(result.errorCount == 2 && result.waivedCount == 0)
    }

    @Test func aWaiverTooFarAheadExcusesNothing() throws {
        let result = try audit(accounts: ["parks/instagram-fairhavenparks.yaml": oneOwner(waiverExpiring: "2027-11-25")])
        #expect(result.findings.map(\.rule) == ["owner-assigned", "waiver-invalid"])
        let limited = try audit(herald: ExampleOrganisation.herald + "  max_waiver_days: 400\n",
                                accounts: ["parks/instagram-fairhavenparks.yaml": oneOwner(waiverExpiring: "2027-11-25")])
        #expect(limited.errorCount == 0 && limited.waivedCount == 1)
    }

    @Test func aWaiverWithNothingToExcuseIsUnused() throws {
        let account = Self.passing + Self.waiver + "2027-01-31\n"
        let result = try audit(accounts: ["parks/instagram-fairhavenparks.yaml": account])
        #expect(result.findings.map(\.rule) == ["waiver-unused"])
        #expect(result.findings[0].severity == .warning && result.findings[0].location == SourceLocation(line: 17, column: 11))
        // A waiver of a rule the organisation turned off excuses nothing either.
        let off = try audit(herald: ExampleOrganisation.herald + "rules:\n  owner-assigned: off\n",
                            accounts: ["parks/instagram-fairhavenparks.yaml": oneOwner(waiverExpiring: "2027-01-31")])
        #expect(off.findings.map(\.rule) == ["waiver-unused"])
    }

    @Test func noSecretsCannotBeWaived() throws {
        let account = Self.passing + "api_key: not-shown-anywhere\n" + Self.waiver.replacingOccurrences(of: "owner-assigned", with: "no-secrets") + "2027-01-31\n"
        let result = try audit(accounts: ["parks/instagram-fairhavenparks.yaml": account])
        #expect(result.findings.map(\.rule) == ["no-secrets", "waiver-invalid"])
        #expect(result.findings.allSatisfy { !$0.isWaived })
    }

    // MARK: Organisation files

    @Test func organisationFileFindingsAreCountedButBelongToNoAccount() throws {
        var units = ExampleOrganisation.units
        units["library"] = "id: library\nname: Fairhaven Public Library\nparent: city-hall\nmaintainers: [bleft]\n"
        let result = try audit(units: units, accounts: ["parks/instagram-fairhavenparks.yaml": Self.passing])
        #expect(result.findings.map(\.rule) == ["maintainer-known"])
        #expect(result.organisationFindings.map(\.file) == ["Inventory/units/library.yaml"])
        #expect(result.findings[0].account == nil && result.findings[0].unit == "library")
        #expect(result.errorCount == 1 && result.failingAccountCount == 0 && result.verdict == .failed)
    }
}
