import Foundation
import HeraldCore
import HeraldRules
import Testing

@Suite struct RuleCatalogTests {
    let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    @Test func ruleIDsAreUnique() {
        let ids = RuleCatalog.all.map(\.description.id)
        #expect(Set(ids).count == ids.count)
    }

    @Test func everyRuleFileIsInTheCatalog() throws {
        let rulesFolder = repository.appendingPathComponent("Sources/HeraldRules/Rules")
        let files = try #require(FileManager.default.enumerator(atPath: rulesFolder.path)).compactMap { $0 as? String }
            .filter { $0.hasSuffix("Rule.swift") }
        let typeNames = Set(RuleCatalog.all.map { String(describing: type(of: $0)) })
        for file in files {
            let name = String(file.split(separator: "/").last!.dropLast(".swift".count))
            #expect(typeNames.contains(name), "\(file) is not listed in RuleCatalog.all")
        }
        #expect(files.count == RuleCatalog.all.count)
    }

    @Test func docsRulesMarkdownIsGeneratedFromTheRules() throws {
        let committed = try String(contentsOf: repository.appendingPathComponent("docs/rules.md"), encoding: .utf8)
        #expect(committed == RuleDocumentation.markdown(),
                "docs/rules.md is out of date: regenerate it with `swift run herald rules --markdown > docs/rules.md`")
    }

    @Test func markdownShowsEachFailingExamplesMessage() {
        let markdown = RuleDocumentation.markdown()
        #expect(markdown.contains("> line 6: bio does not state the office: mention \"Parks and Recreation Department\" (or Fairhaven Parks, Parks Dept)"))
        #expect(!markdown.contains("↓"))
    }

    @Test func explanationCarriesRationaleAndExamples() throws {
        let rule = try #require(RuleCatalog.rule(withID: "owner-assigned"))
        let text = RuleDocumentation.explanation(of: rule)
        #expect(text.hasPrefix("owner-assigned (error by default)"))
        #expect(text.contains(rule.description.rationale))
        #expect(text.contains("owner \"bleft\" (Bo Left) has left or lost access"))
    }
}
