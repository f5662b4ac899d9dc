import HeraldCore
import HeraldRules
import Testing

/// `--compare-to` and `--baseline`: findings paired across audits by what they are about, never by line;
/// what is gone is fixed only when its rule looked again.
@Suite struct AuditChangesTests {
    let auditor = AuditorTests()
    static let passing = AuditorTests.passing
    static let stale = passing.replacingOccurrences(of: "last_reviewed: 2026-06-01", with: "last_reviewed: 2020-01-01")
    /// Two owners who left, `p12` and `p13`: messages equal but for their digits.
    static let twoLeft = """
        - {id: jdoe, name: Jane Doe, email: jane.doe@fairhaven.gov, unit: parks, policy_acknowledged: 2026-03-02}
        - {id: asmith, name: Alex Smith, email: alex.smith@fairhaven.gov, unit: parks, policy_acknowledged: 2026-01-15}
        - {id: p12, name: Pat Twelve, email: p12@fairhaven.gov, unit: parks, active: false}
        - {id: p13, name: Pat Thirteen, email: p13@fairhaven.gov, unit: parks, active: false}
        """

    /// The passing account with another handle, and the file name that goes with it.
    static func named(_ handle: String, _ text: String) -> (String, String) {
        ("parks/instagram-\(handle).yaml", text.replacingOccurrences(of: "fairhavenparks", with: handle))
    }

    static func accounts(_ pairs: (String, String)...) -> [String: String] {
        Dictionary(uniqueKeysWithValues: pairs)
    }

    func previous(_ result: AuditResult, asOf: String = "2026-11-23") -> PreviousAudit {
        PreviousAudit(asOf: CalendarDate(asOf)!, source: "Reports/report.json", inventory: "Inventory", findings: result.findings.map(PreviousFinding.init))
    }

    @Test func anAuditComparedWithItselfHasOnlyPersistingFindings() throws {
        let result = try auditor.audit(accounts: Self.accounts(Self.named("fairhavenx", Self.stale), Self.named("fairhaveny", Self.passing.replacingOccurrences(of: "two_factor: true", with: "two_factor: false"))))
        let compared = result.compared(with: previous(result), baseline: nil)
        #expect(!result.findings.isEmpty)
        #expect(compared.findings.allSatisfy { $0.change == .persisting })
        #expect(compared.changes?.newCount == 0 && compared.changes?.persistingCount == result.findings.count)
        #expect(compared.changes?.fixed == [] && compared.changes?.notRechecked == [])
        #expect(compared.changes?.since == CalendarDate("2026-11-23"))
    }

    @Test func aLineAddedAboveAndADayLaterKeepAFindingPersisting() throws {
        let before = try auditor.audit(accounts: Self.accounts(Self.named("fairhavenx", Self.stale)))
        let moved = "# reviewed by the comms office\n# see the policy\n" + Self.stale
        let after = try auditor.audit(accounts: Self.accounts(Self.named("fairhavenx", moved)), asOf: CalendarDate("2026-12-24")!)
        #expect(after.findings[0].location.line == before.findings[0].location.line + 2)
        #expect(after.findings[0].message != before.findings[0].message, "the day count grew")
        let compared = after.compared(with: previous(before), baseline: nil)
        #expect(compared.findings.map(\.change) == [.persisting])
        #expect(compared.changes?.fixed == [])
    }

    @Test func fixedAndNewFindingsAreToldApart() throws {
        let before = try auditor.audit(accounts: Self.accounts(Self.named("fairhavenx", Self.stale)))
        let after = try auditor.audit(accounts: Self.accounts(Self.named("fairhavenx", Self.passing.replacingOccurrences(of: "two_factor: true", with: "two_factor: false"))))
        let compared = after.compared(with: previous(before), baseline: nil)
        #expect(compared.findings.map(\.rule) == ["two-factor"])
        #expect(compared.findings.map(\.change) == [.new])
        #expect(compared.changes?.fixed.map(\.rule) == ["review-current"])
        #expect(compared.changes?.newCount == 1 && compared.changes?.persistingCount == 0)
        #expect(compared.hasFindings(atOrAbove: .error, newOnly: true))
        let again = after.compared(with: previous(after), baseline: nil)
        #expect(!again.hasFindings(atOrAbove: .error, newOnly: true), "--count new: nothing new, nothing fails")
        #expect(again.hasFindings(atOrAbove: .error))
    }

    @Test func fixingOneOfTwoOwnersWhoLeftFixesThatOne() throws {
        let people = Self.twoLeft
        func audit(owners: String) throws -> AuditResult {
            let account = Self.passing.replacingOccurrences(of: "owners: [jdoe, asmith]", with: "owners: \(owners)")
            return try auditor.auditWith(people: people, accounts: Self.accounts(Self.named("fairhavenx", account)))
        }
        let before = try audit(owners: "[jdoe, asmith, p12, p13]")
        let after = try audit(owners: "[jdoe, asmith, p13]")
        let left = before.findings.filter { $0.rule == "owner-assigned" }
        #expect(left.count == 2, "\(before.findings.map(\.message))")
        let compared = after.compared(with: previous(before), baseline: nil)
        #expect(compared.changes?.fixed.count == 1)
        #expect(compared.changes?.fixed.first?.message.contains("p12") == true, "the owner removed is the one fixed")
        #expect(compared.findings.filter { $0.rule == "owner-assigned" }.allSatisfy { $0.change == .persisting && $0.message.contains("p13") })
    }

    @Test func findingsWhoseRuleDidNotLookAreNotRecheckedNeverFixed() throws {
        let failing = Self.stale.replacingOccurrences(of: "two_factor: true", with: "two_factor: false")
        let before = try auditor.audit(accounts: Self.accounts(Self.named("fairhavena", failing), Self.named("fairhavenb", failing), Self.named("fairhavenc", failing), Self.named("fairhavend", failing)))
        let off = ExampleOrganisation.herald + "rules:\n  review-current: off\n"
        let retired = failing.replacingOccurrences(of: "status: active", with: "status: retired\nretired_on: 2026-11-01\nhandle_held: true")
        // parksd's file is gone: its findings are fixed (the account left the registry).
        let after = try auditor.audit(herald: off, accounts: Self.accounts(
            Self.named("fairhavena", failing), Self.named("fairhavenb", retired), ("parks/instagram-fairhavenc.yaml", "- not: [a mapping\n")))
        let compared = after.compared(with: previous(before), baseline: nil)
        let changes = try #require(compared.changes)
        let notRechecked = Set(changes.notRechecked.map { "\($0.file.split(separator: "/").last!) \($0.rule)" })
        // review-current is off: not re-checked anywhere, on the account that is gone too.
        #expect(notRechecked == ["instagram-fairhavena.yaml review-current", "instagram-fairhavenb.yaml review-current", "instagram-fairhavenb.yaml two-factor",
                                 "instagram-fairhavenc.yaml review-current", "instagram-fairhavenc.yaml two-factor", "instagram-fairhavend.yaml review-current"])
        #expect(changes.fixed.map { "\($0.file.split(separator: "/").last!) \($0.rule)" } == ["instagram-fairhavend.yaml two-factor"])
    }

    @Test func baselinedFindingsAreShownApartAndDoNotCount() throws {
        let failing = Self.stale.replacingOccurrences(of: "two_factor: true", with: "two_factor: false")
        let before = try auditor.audit(accounts: Self.accounts(Self.named("fairhavena", failing), Self.named("fairhavenb", Self.stale)))
        let baseline = Baseline(file: "baseline.yaml", entries: Baseline.entries(of: before))
        #expect(baseline.entries.count == before.findings.count)
        // b.yaml's review is done; a new problem appears on a.yaml.
        let after = try auditor.audit(accounts: Self.accounts(Self.named("fairhavena", failing.replacingOccurrences(of: "credentials:", with: "# credentials:")),
                                                              Self.named("fairhavenb", Self.passing)))
        let compared = after.compared(with: nil, baseline: baseline)
        let outcome = try #require(compared.baseline)
        #expect(outcome.matchedCount == 2 && outcome.entryCount == 3)
        #expect(outcome.unmatched.map(\.file) == ["Inventory/accounts/parks/instagram-fairhavenb.yaml"])
        #expect(compared.baselinedCount == 2)
        let counted = compared.findings.filter(\.counts)
        #expect(counted.count == after.findings.count - 2 && !counted.isEmpty)
        #expect(compared.errorCount + compared.warningCount == counted.count)
        #expect(compared.units.first { $0.id == "parks" }?.baselined == 2)
        let twoFactor = try #require(compared.rules.firstIndex { $0.id == "two-factor" })
        #expect(compared.outcome(ofRule: twoFactor, onAccount: 0) == .baselined)
        #expect(compared.changes == nil, "no comparison without an earlier audit")
        // A baseline of everything leaves nothing that counts.
        let all = after.compared(with: nil, baseline: Baseline(file: "b.yaml", entries: Baseline.entries(of: after)))
        #expect(all.errorCount == 0 && all.warningCount == 0 && !all.hasFindings(atOrAbove: .warning))
        #expect(all.verdict == .passed)
    }
}

extension AuditorTests {
    /// An audit with another people.yaml.
    func auditWith(people: String, accounts: [String: String]) throws -> AuditResult {
        let sources = InventorySources(
            organisation: .init(path: "Inventory/herald.yaml", text: ExampleOrganisation.herald),
            people: .init(path: "Inventory/people.yaml", text: people),
            units: ExampleOrganisation.units.keys.sorted().map { .init(path: "Inventory/units/\($0).yaml", text: ExampleOrganisation.units[$0]!) },
            accounts: accounts.keys.sorted().map { path in
                .init(path: "Inventory/accounts/" + path, folder: String(path.split(separator: "/")[0]),
                      fileName: String(path.split(separator: "/")[1]), content: .bytes(Array(accounts[path]!.utf8)))
            })
        let registry = try RegistryBuilder.build(from: sources, knownRules: Set(RuleCatalog.all.map(\.description.id)))
        return Auditor(asOf: ExampleOrganisation.asOf).audit(registry)
    }
}
