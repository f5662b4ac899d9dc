import ArgumentParser
import HeraldCore
import HeraldRules

/// `herald rules`: the rule list.
struct Rules: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List the rules with their default severity and summary.",
        discussion: """
            One line per rule: its id (what findings, waivers and herald.yaml's rules: name), its default \
            severity (error or warning; herald.yaml's rules: can change it or turn the rule off) and what it \
            checks. herald explain RULE-ID tells why, with examples. --markdown prints docs/rules.md and \
            --table the README's table; both are generated from the rules, never edited by hand.
            """,
        version: HeraldVersion.current)

    @Flag(help: "Print the full rule reference in Markdown (docs/rules.md is made with it).")
    var markdown = false

    @Flag(help: "Print the Markdown table of rules that the README holds.")
    var table = false

    func run() {
        if markdown {
            print(RuleDocumentation.markdown(), terminator: "")
            return
        }
        if table {
            print(RuleDocumentation.table(linkingTo: "docs/rules.md"), terminator: "")
            return
        }
        let width = RuleCatalog.all.map(\.description.id.count).max() ?? 0
        for rule in RuleCatalog.all {
            let id = rule.description.id
            print("\(id)\(String(repeating: " ", count: width - id.count))  \(rule.description.severity.rawValue.padding(7))  \(rule.description.summary)")
        }
    }
}

/// `herald explain RULE-ID`: what a rule checks and why, with its examples.
struct Explain: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Explain a rule: what it checks, why, and examples that pass and fail.",
        discussion: """
            Prints the rule's summary, its default severity, the reason the policy has it, and its examples: \
            account files (or organisation files) that pass, and files that fail with the message each \
            failure gives. The examples are the rule's tests: every one is audited when the tests run.
            """,
        version: HeraldVersion.current)

    @Argument(help: "A rule id, as `herald rules` lists them.")
    var ruleID: String

    func validate() throws {
        guard RuleCatalog.rule(withID: ruleID) != nil else {
            throw ValidationError("unknown rule \"\(ruleID)\": `herald rules` lists the rule ids")
        }
    }

    func run() {
        print(RuleDocumentation.explanation(of: RuleCatalog.rule(withID: ruleID)!))
    }
}

private extension String {
    /// The text followed by spaces up to `width` characters, for aligned columns.
    func padding(_ width: Int) -> String { self + String(repeating: " ", count: max(0, width - count)) }
}
