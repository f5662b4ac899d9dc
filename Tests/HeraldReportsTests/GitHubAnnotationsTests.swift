@testable import HeraldReports
import HeraldCore
import HeraldRules
import Testing

@Suite struct GitHubAnnotationsTests {
    func finding(_ message: String, file: String = "Inventory/accounts/parks/x-a.yaml", severity: Severity = .error) -> Finding {
        Finding(rule: "owner-assigned", severity: severity, file: file, location: SourceLocation(line: 6, column: 9),
                account: "x:a", unit: "parks", message: message, field: "owners")
    }

    @Test func isAWorkflowCommandWithFileLineColumnAndTitle() {
        #expect(GitHubAnnotations.line(for: finding("add an owner")) ==
                "::error file=Inventory/accounts/parks/x-a.yaml,line=6,col=9,title=herald owner-assigned::add an owner")
        #expect(GitHubAnnotations.line(for: finding("stale", severity: .warning)).hasPrefix("::warning file="))
    }

    @Test func registryTextCannotEndTheCommandOrStartAnother() {
        let line = GitHubAnnotations.line(for: finding("owner \"x\nx::error file=herald.yaml::PWNED 100%\r"))
        #expect(!line.contains("\n") && !line.contains("\r"))
        #expect(line.hasSuffix("::owner \"x%0Ax::error file=herald.yaml::PWNED 100%25%0D"))
        let odd = GitHubAnnotations.line(for: finding("m", file: "Inventory/a,b:c.yaml"))
        #expect(odd.hasPrefix("::error file=Inventory/a%2Cb%3Ac.yaml,line=6,"))
    }

    @Test func controlAndBidiCharactersAreShownAsReplacementCharacters() {
        #expect(GitHubAnnotations.data("a\u{1B}[31mb\u{202E}c") == "a\u{FFFD}[31mb\u{FFFD}c")
        #expect(TerminalText.safe("evil\u{202E}txt.exe\u{2066}") == "evil\u{FFFD}txt.exe\u{FFFD}")
        #expect(TerminalText.safe("مرحبا שלום") == "مرحبا שלום")
    }
}
