import HeraldCore
import HeraldRules
import Testing

/// The auditor's own behaviour: severity settings, retired accounts, inheritance, counts.
@Suite struct AuditorTests {
    static let passing = Example.account().text

    func audit(herald: String = ExampleOrganisation.herald, units: [String: String] = ExampleOrganisation.units,
               accounts: [String: String]) throws -> AuditResult {
        let sources = InventorySources(
            organisation: .init(path: "Inventory/herald.yaml", text: herald),
            people: .init(path: "Inventory/people.yaml", text: ExampleOrganisation.people),
            units: units.keys.sorted().map { .init(path: "Inventory/units/\($0).yaml", text: units[$0]!) },
            accounts: accounts.keys.sorted().map { path in
                .init(path: "Inventory/accounts/" + path, folder: String(path.split(separator: "/")[0]),
                      fileName: String(path.split(separator: "/")[1]), content: .bytes(Array(accounts[path]!.utf8)))
            })
        let registry = try RegistryBuilder.build(from: sources, knownRules: Set(RuleCatalog.all.map(\.description.id)))
        return Auditor(asOf: ExampleOrganisation.asOf).audit(registry)
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
        let retired = "platform: x\nhandle: oldparks\nurl: https://x.com/oldparks\nunit: parks\nstatus: retired\nbio: gone\nowner: [jdoe]\n"
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
        ])
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
        let noBio = Self.passing.replacingOccurrences(of: "handle: fairhavenparks", with: "handle: fairhavenpark2")
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
}
