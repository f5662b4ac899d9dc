import Foundation
import HeraldCore
import HeraldRules
import Testing

/// Every rule's examples are its tests: passing ones give no finding of the rule, failing ones give at
/// least one, at each place marked with ↓.
@Suite struct RuleExampleTests {
    static let rules = RuleCatalog.all.map { RuleCase(rule: $0) }

    /// A passing example is a model account: it passes every rule, not only its own.
    @Test(arguments: rules)
    func passingExamplesPassEveryRule(_ ruleCase: RuleCase) throws {
        for example in ruleCase.rule.description.passing {
            let findings = try ExampleRunner.findings(of: RuleCatalog.all, on: example)
            #expect(findings.isEmpty, "\(ruleCase) example should pass:\n\(example.text)\nbut reported \(findings.map { "[\($0.rule)] \($0.message)" })")
        }
    }

    @Test(arguments: rules)
    func failingExamplesFailWhereMarked(_ ruleCase: RuleCase) throws {
        for example in ruleCase.rule.description.failing {
            let findings = try ExampleRunner.findings(of: ruleCase.rule, on: example)
            #expect(!findings.isEmpty, "\(ruleCase) should fail:\n\(example.text)")
            #expect(findings.allSatisfy { !$0.message.isEmpty && $0.severity == ruleCase.rule.description.severity })
            for marker in example.markedLocations {
                #expect(findings.contains { $0.location == SourceLocation(line: marker.line, column: marker.column) },
                        "\(ruleCase) should report at \(marker.line):\(marker.column) of:\n\(example.text)\nbut reported at \(findings.map(\.location))")
            }
        }
    }

    @Test(arguments: rules)
    func everyRuleIsDocumentedWithExamples(_ ruleCase: RuleCase) {
        let description = ruleCase.rule.description
        #expect(!description.passing.isEmpty && !description.failing.isEmpty)
        #expect(description.summary.count > 10 && description.rationale.count > 80)
        #expect(description.id.wholeMatch(of: /[a-z]+(-[a-z]+)*/) != nil, "rule ids are kebab-case")
    }
}

/// A rule as a test argument, named by its id in test output.
struct RuleCase: CustomStringConvertible, Sendable {
    let rule: any Rule
    var description: String { rule.description.id }
}
