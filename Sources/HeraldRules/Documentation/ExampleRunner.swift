import HeraldCore

/// Audits a rule's example in `ExampleOrganisation`: the rule's tests and its documentation both use it.
public enum ExampleRunner {
    /// The findings `rule` reports on the example's own file.
    public static func findings(of rule: any Rule, on example: Example) throws(InventoryError) -> [Finding] {
        try findings(of: [rule], on: example)
    }

    /// The findings `rules` report on the example's own file, except those a waiver excuses.
    public static func findings(of rules: [any Rule], on example: Example) throws(InventoryError) -> [Finding] {
        let ids = Set(RuleCatalog.all.map { $0.description.id })
        let registry = try RegistryBuilder.build(from: ExampleOrganisation.sources(with: example), knownRules: ids)
        let result = Auditor(rules: rules, asOf: ExampleOrganisation.asOf, history: ExampleOrganisation.history(of: example), exports: example.exports).audit(registry)
        return result.findings.filter { $0.file == example.file && !$0.isWaived }
    }
}
