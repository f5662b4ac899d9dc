import HeraldCore
import Testing

/// The result lists every finding in report order, whether the organisation files' findings come after
/// the accounts' (the usual layout, placed on every core) or between them (merged account by account).
@Suite struct AuditResultOrderTests {
    let rule = AuditedRule(id: "some-rule", summary: "A rule", rationale: "Why", severity: .error, scope: .init(accounts: true, organisationFiles: true))

    func finding(_ file: String, line: Int) -> Finding {
        Finding(rule: "some-rule", severity: .error, file: file, location: SourceLocation(line: line, column: 1), account: nil, unit: nil,
                message: "m", field: nil, isInAccountFile: !file.hasSuffix("people.yaml") && !file.contains("export"))
    }

    /// Three accounts, listed out of file order (`b` before `a`), the middle one without findings.
    func result(organisationFiles: [String]) -> AuditResult {
        let files = ["Inventory/accounts/b/x-2.yaml", "Inventory/accounts/a/x-1.yaml", "Inventory/accounts/c/x-3.yaml"]
        let accounts = files.map { Account(file: $0, folder: String($0.split(separator: "/")[2])) }
        let registry = Registry(organisation: Organisation(name: "Org"), people: [:], units: [:], accounts: accounts, standards: [:])
        let lists = [[finding(files[0], line: 1), finding(files[0], line: 4)], [], [finding(files[2], line: 2)]]
        return AuditResult(registry: registry, asOf: CalendarDate("2026-11-24")!, rules: [rule], accountFindings: lists,
                           outcomes: [.failed, .passed, .failed], organisationFindings: organisationFiles.map { finding($0, line: 3) })
    }

    @Test func organisationFindingsAfterTheAccountsComeLast() {
        let result = result(organisationFiles: ["Inventory/people.yaml"])
        #expect(result.findings.map(\.file) == ["Inventory/accounts/b/x-2.yaml", "Inventory/accounts/b/x-2.yaml",
                                                "Inventory/accounts/c/x-3.yaml", "Inventory/people.yaml"])
        #expect(result.accounts.map { result.findings(of: $0).map(\.location.line) } == [[1, 4], [], [2]])
    }

    @Test func organisationFindingsBetweenAccountsAreMergedInFileOrder() {
        // A tool's export named on the command line can sort anywhere among the account files.
        let result = result(organisationFiles: ["Inventory/accounts/b/export.csv", "Inventory/people.yaml"])
        #expect(result.findings.map(\.file) == ["Inventory/accounts/b/export.csv", "Inventory/accounts/b/x-2.yaml", "Inventory/accounts/b/x-2.yaml",
                                                "Inventory/accounts/c/x-3.yaml", "Inventory/people.yaml"])
        #expect(result.accounts.map { result.findings(of: $0).map(\.location.line) } == [[1, 4], [], [2]])
        #expect(result.accounts.map { result.findings(of: $0).first?.file } == ["Inventory/accounts/b/x-2.yaml", nil, "Inventory/accounts/c/x-3.yaml"])
    }
}
