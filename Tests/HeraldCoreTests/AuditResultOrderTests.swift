import HeraldCore
import Testing

/// The result lists every finding in report order, whether the organisation files' findings come after
/// the accounts' (the usual layout, placed on every core) or among them (merged account by account).
@Suite struct AuditResultOrderTests {
    static let rule = AuditedRule(id: "some-rule", summary: "A rule", rationale: "Why", severity: .error, scope: .init(accounts: true, organisationFiles: true))

    static func finding(_ file: String, line: Int, inAccountFile: Bool = true) -> Finding {
        Finding(rule: "some-rule", severity: .error, file: file, location: SourceLocation(line: line, column: 1), account: nil, unit: nil,
                message: "m", field: nil, isInAccountFile: inAccountFile)
    }

    static func result(files: [String], lists: [[Finding]], organisationFiles: [String]) -> AuditResult {
        let accounts = files.map { Account(file: $0, folder: String($0.split(separator: "/")[2])) }
        let registry = Registry(organisation: Organisation(name: "Org"), people: [:], units: [:], accounts: accounts, standards: [:])
        return AuditResult(registry: registry, asOf: CalendarDate("2026-11-24")!, rules: [rule], accountFindings: lists,
                           outcomes: lists.map { $0.isEmpty ? .passed : .failed },
                           organisationFindings: organisationFiles.map { finding($0, line: 3, inAccountFile: false) }.sorted(by: Finding.reportOrder))
    }

    /// What the order must be: the accounts in file order, each organisation file's finding before the
    /// first account whose first finding sorts after it, the rest at the end.
    static func expected(_ result: AuditResult, lists: [[Finding]]) -> [Finding] {
        let order = result.registry.accounts.indices.sorted { result.registry.accounts[$0].file < result.registry.accounts[$1].file }
        var all: [Finding] = [], organisation = result.organisationFindings[...]
        for index in order {
            if let first = lists[index].first {
                while let next = organisation.first, Finding.reportOrder(next, first) { all.append(organisation.removeFirst()) }
            }
            all += lists[index]
        }
        return all + organisation
    }

    /// Three accounts listed out of file order (`b` before `a`), every one with findings.
    static let files = ["Inventory/accounts/b/x-2.yaml", "Inventory/accounts/a/x-1.yaml", "Inventory/accounts/c/x-3.yaml"]
    static let lists = [[finding(files[0], line: 1), finding(files[0], line: 4)], [finding(files[1], line: 5)], [finding(files[2], line: 2)]]

    @Test func organisationFindingsAfterTheAccountsComeLast() {
        let result = Self.result(files: Self.files, lists: Self.lists, organisationFiles: ["Inventory/people.yaml"])
        #expect(result.findings.map(\.file) == ["Inventory/accounts/a/x-1.yaml", "Inventory/accounts/b/x-2.yaml", "Inventory/accounts/b/x-2.yaml",
                                                "Inventory/accounts/c/x-3.yaml", "Inventory/people.yaml"])
        #expect(result.accounts.map { result.findings(of: $0).map(\.location.line) } == [[1, 4], [5], [2]])
    }

    @Test func organisationFindingsAmongTheAccountsAreMergedInFileOrder() {
        // A tool's export named on the command line can sort anywhere among the account files.
        let result = Self.result(files: Self.files, lists: Self.lists,
                                 organisationFiles: ["Inventory/accounts/bb/export.csv", "Inventory/accounts/0.csv", "Inventory/people.yaml"])
        #expect(result.findings.map(\.file) == ["Inventory/accounts/0.csv", "Inventory/accounts/a/x-1.yaml", "Inventory/accounts/b/x-2.yaml",
                                                "Inventory/accounts/b/x-2.yaml", "Inventory/accounts/bb/export.csv", "Inventory/accounts/c/x-3.yaml",
                                                "Inventory/people.yaml"])
        #expect(result.accounts.map { result.findings(of: $0).map(\.location.line) } == [[1, 4], [5], [2]])
    }

    /// Enough accounts for several chunks on every core, their folders interleaved (a full sort), one of
    /// them with findings whose file is not its own (a path with withheld text hidden), and organisation
    /// files after the accounts and among them.
    @Test(arguments: [["Inventory/people.yaml"], ["Inventory/accounts/u25/export.csv", "Inventory/people.yaml"]])
    func manyAccountsInEveryChunkKeepReportOrder(_ organisationFiles: [String]) {
        let files = (0 ..< 9_000).map { "Inventory/accounts/u\($0 % 50)/x-\($0).yaml" }
        var lists = files.enumerated().map { index, file in (0 ..< index % 3).map { Self.finding(file, line: $0 + 1) } }
        lists[4_500] = [Self.finding("Inventory/accounts/u0/[withheld].yaml", line: 1)]
        let result = Self.result(files: files, lists: lists, organisationFiles: organisationFiles)
        // Compared as the same objects, in a few words: a failure would otherwise print 18,000 paths.
        let inOrder = result.findings.elementsEqual(Self.expected(result, lists: lists), by: ===)
        #expect(inOrder, "the findings are not in report order")
        let ownFindings = zip(result.accounts, lists).allSatisfy { audited, list in result.findings(of: audited).elementsEqual(list, by: ===) }
        #expect(ownFindings, "an account's findings are not its own")
    }
}
