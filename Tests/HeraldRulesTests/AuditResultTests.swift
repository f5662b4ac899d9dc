import HeraldCore
import HeraldRules
import Testing

/// The audit model every report reads: findings in report order with each account's findings one run of
/// them, one unit key, and what each rule made of each account, decided by the auditor alone.
@Suite struct AuditResultTests {
    static let passing = AuditorTests.passing
    static let stale = passing.replacingOccurrences(of: "last_reviewed: 2026-06-01", with: "last_reviewed: 2020-01-01")

    /// Accounts in the order given (the loader gives them folder by folder).
    func audit(_ accounts: [(path: String, folder: String?, text: String)], asOf: CalendarDate = ExampleOrganisation.asOf) throws -> AuditResult {
        let sources = InventorySources(
            organisation: .init(path: "Inventory/herald.yaml", text: ExampleOrganisation.herald),
            people: .init(path: "Inventory/people.yaml", text: ExampleOrganisation.people),
            units: ExampleOrganisation.units.keys.sorted().map { .init(path: "Inventory/units/\($0).yaml", text: ExampleOrganisation.units[$0]!) },
            accounts: accounts.map { account in
                .init(path: "Inventory/accounts/" + account.path, folder: account.folder,
                      fileName: String(account.path.split(separator: "/").last!), content: .bytes(Array(account.text.utf8)))
            })
        let registry = try RegistryBuilder.build(from: sources, knownRules: Set(RuleCatalog.all.map(\.description.id)))
        return Auditor(asOf: asOf).audit(registry)
    }

    @Test func eachAccountsFindingsAreOneRunInReportOrderWhateverTheFolderOrder() throws {
        // Folders are read by name (parks, then parks-east), but paths sort "parks-east/" before "parks/".
        let east = Self.stale.replacingOccurrences(of: "unit: parks", with: "unit: parks-east")
            .replacingOccurrences(of: "fairhavenparks", with: "fairhaveneast")
        let result = try audit([("parks/instagram-fairhavenparks.yaml", "parks", Self.stale),
                                ("parks-east/instagram-fairhaveneast.yaml", "parks-east", east)])
        #expect(zip(result.findings, result.findings.dropFirst()).allSatisfy { !Finding.reportOrder($1, $0) }, "report order")
        #expect(result.accounts.map(\.account.file) == ["Inventory/accounts/parks/instagram-fairhavenparks.yaml",
                                                         "Inventory/accounts/parks-east/instagram-fairhaveneast.yaml"])
        #expect(result.accounts[1].findingRange.lowerBound == 0, "parks-east/ sorts first")
        for audited in result.accounts {
            #expect(!audited.findingRange.isEmpty)
            #expect(result.findings(of: audited).allSatisfy { $0.file == audited.account.file && $0.isInAccountFile })
        }
        #expect(result.accounts.map(\.findingRange.count).reduce(0, +) + result.organisationFindings.count == result.findings.count)
    }

    @Test func findingsAreInFileOrderWhenRunsOfAccountsInterleave() throws {
        // Files outside any folder come as one run here, but the folder's files sort between them: the runs
        // cannot simply be put in order, and the accounts are sorted one by one.
        func stale(_ handle: String, platform: String = "instagram", unit: Bool = true) -> String {
            var text = Self.stale.replacingOccurrences(of: "fairhavenparks", with: handle)
            if platform != "instagram" { text = text.replacingOccurrences(of: "instagram", with: platform) }
            return unit ? text : text.replacingOccurrences(of: "unit: parks\n", with: "")
        }
        let result = try audit([("instagram-aaaparks.yaml", nil, stale("aaaparks", unit: false)),
                                ("x-zzzparks.yaml", nil, stale("zzzparks", platform: "x", unit: false)),
                                ("parks/instagram-fairhavenparks.yaml", "parks", stale("fairhavenparks")),
                                ("parks-east/instagram-fairhaveneast.yaml", "parks-east", stale("fairhaveneast"))])
        let files = result.findings.filter(\.isInAccountFile).map(\.file)
        #expect(files == files.sorted())
        let runs = files.reduce(into: [String]()) { runs, file in if runs.last != file { runs.append(file) } }
        #expect(runs == ["Inventory/accounts/instagram-aaaparks.yaml", "Inventory/accounts/parks-east/instagram-fairhaveneast.yaml",
                         "Inventory/accounts/parks/instagram-fairhavenparks.yaml", "Inventory/accounts/x-zzzparks.yaml"])
        for audited in result.accounts {
            #expect(!audited.findingRange.isEmpty)
            #expect(result.findings(of: audited).allSatisfy { $0.file == audited.account.file })
        }
    }

    @Test func anAccountOutsideAnyUnitCountsUnderNoneEverywhere() throws {
        let loose = Self.passing.replacingOccurrences(of: "unit: parks\n", with: "")
        let result = try audit([("instagram-fairhavenparks.yaml", nil, loose)])
        #expect(result.accounts.map(\.unitKey) == ["(none)"])
        #expect(result.units.contains { $0.id == "(none)" && $0.accounts == 1 && $0.failingAccounts == 1 })
        #expect(result.findings(of: result.accounts[0]).allSatisfy { $0.unit == nil && AuditResult.unitKey(unit: $0.unit) == "(none)" })
    }

    @Test func everyRuleHasOneOutcomePerAccountDecidedByTheAuditor() throws {
        let retired = "platform: x\nhandle: oldparks\nurl: https://x.com/oldparks\nunit: parks\nstatus: retired\nbio: gone\nowners: [jdoe, asmith]\nretired_on: 2025-01-01\nhandle_held: true\n"
        let waived = AuditorTests().oneOwner(waiverExpiring: "2027-01-31")
            .replacingOccurrences(of: "fairhavenparks", with: "fairhavenwaived")
        let result = try audit([("parks/instagram-fairhavenparks.yaml", "parks", Self.stale),
                                ("parks/instagram-fairhavenwaived.yaml", "parks", waived),
                                ("parks/x-broken.yaml", "parks", "- not a mapping\n"),
                                ("parks/x-oldparks.yaml", "parks", retired)])
        func outcome(_ rule: String, _ account: Int) throws -> RuleOutcome {
            result.outcome(ofRule: try #require(result.rules.firstIndex { $0.id == rule }), onAccount: account)
        }
        #expect(try outcome("review-current", 0) == .failed)
        #expect(try outcome("owner-assigned", 0) == .passed)
        #expect(try outcome("owner-assigned", 1) == .waived)
        #expect(try outcome("owner-assigned", 2) == .unreadable)
        #expect(try outcome("inventory-schema", 2) == .failed)
        #expect(try outcome("owner-assigned", 3) == .skippedRetired)
        #expect(try outcome("inventory-schema", 3) == .passed, "the schema rule checks retired accounts too")
        #expect(try outcome("maintainer-known", 0) == .notApplicable, "a rule about organisation files looks at no account")
        #expect(result.rules.first { $0.id == "maintainer-known" }?.scope == .init(accounts: false, organisationFiles: true))
    }

    @Test func fingerprintsAreTheDocumentedHashAndStayAsTheyWere() throws {
        let result = try audit([("parks/instagram-fairhavenparks.yaml", "parks", Self.stale)])
        let fingerprints = FindingFingerprint.all(result.findings, inventory: result.inventory)
        #expect(result.inventory == "Inventory")
        // The definition: FNV-1a of the identity, a NUL and the occurrence.
        for (finding, fingerprint) in zip(result.findings, fingerprints) {
            var hash: UInt64 = 0xcbf2_9ce4_8422_2325
            for byte in Array(FindingFingerprint.identity(of: finding, inventory: result.inventory).utf8) + [0] + Array("0".utf8) {
                hash ^= UInt64(byte)
                hash &*= 0x100_0000_01b3
            }
            #expect(fingerprint == hash)
        }
        // Alerts keep their identity across versions: this value must never change (it changes only with
        // SARIFReport.fingerprintKey: v2 took the message's numbers out).
        #expect(result.findings.map(\.rule) == ["review-current"])
        #expect(FindingFingerprint.text(fingerprints[0]) == "e36899a8a21f98d1")
        #expect(FindingFingerprint.identity(of: result.findings[0], inventory: result.inventory).contains("last reviewed #, # days ago"),
                "the date and the day count are not part of the identity")
        // The next day the message says one day more, and the finding is the same one.
        let nextDay = try audit([("parks/instagram-fairhavenparks.yaml", "parks", Self.stale)], asOf: CalendarDate("2026-11-25")!)
        #expect(nextDay.findings[0].message != result.findings[0].message)
        #expect(FindingFingerprint.all(nextDay.findings, inventory: nextDay.inventory) == fingerprints)
    }

    @Test func onlyVolatilePartsOfAMessageAreHidden() {
        func hidden(_ message: String) -> String { String(decoding: FindingFingerprint.withoutVolatileParts(message), as: UTF8.self) }
        #expect(hidden("last reviewed 2026-01-10, 412 days ago; every 180 days") == "last reviewed #, # days ago; every # days")
        #expect(hidden("bio is 171 characters long, more than 160") == "bio is # characters long, more than 160")
        #expect(hidden("has 1 owner but its unit requires at least 2") == "has # owner but its unit requires at least 2")
        #expect(hidden("owner \"e1042\" is not in people.yaml") == "owner \"e1042\" is not in people.yaml", "an id keeps its digits")
        #expect(hidden("12 daysago 3 dayspring x2026-01-1099") == "12 daysago 3 dayspring x2026-01-1099", "only whole words and whole dates")
        #expect(hidden("2026-13-45 and 12345-01-01") == "# and 12345-01-01")
    }
}
