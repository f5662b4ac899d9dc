import Foundation
import HeraldCore
import HeraldRules

/// `report.json`: the audit for machines. Keys are sorted and there is no wall-clock time inside, so the
/// same inventory and `--as-of` give the same bytes. `schema_version` changes only on purpose.
public enum JSONReport {
    public static let schemaVersion = 1

    public static func render(_ result: AuditResult) throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var data = try encoder.encode(Document(result))
        data.append(UInt8(ascii: "\n"))
        return [UInt8](data)
    }

    private struct Document: Encodable {
        let schema_version = JSONReport.schemaVersion
        let tool = Tool()
        let organisation: String
        let as_of: String
        let summary: Summary
        let units: [UnitEntry]
        let findings: [FindingEntry]

        init(_ result: AuditResult) {
            organisation = result.organisation
            as_of = result.asOf.description
            summary = Summary(accounts: result.accountCount, units: result.units.count, errors: result.errorCount,
                              warnings: result.warningCount, failing_accounts: result.units.reduce(0) { $0 + $1.failingAccounts })
            units = result.units.map(UnitEntry.init)
            findings = result.findings.map(FindingEntry.init)
        }
    }

    private struct Tool: Encodable {
        let name = "herald"
        let version = HeraldVersion.current
    }

    private struct Summary: Encodable {
        let accounts: Int
        let units: Int
        let errors: Int
        let warnings: Int
        let failing_accounts: Int
    }

    private struct UnitEntry: Encodable {
        let summary: AuditResult.UnitSummary
        init(_ summary: AuditResult.UnitSummary) { self.summary = summary }

        enum Keys: String, CodingKey { case id, name, accounts, failing_accounts, errors, warnings }

        func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: Keys.self)
            try container.encode(summary.id, forKey: .id)
            try container.encode(summary.name, forKey: .name)
            try container.encode(summary.accounts, forKey: .accounts)
            try container.encode(summary.failingAccounts, forKey: .failing_accounts)
            try container.encode(summary.errors, forKey: .errors)
            try container.encode(summary.warnings, forKey: .warnings)
        }
    }

    private struct FindingEntry: Encodable {
        let finding: Finding
        init(_ finding: Finding) { self.finding = finding }

        enum Keys: String, CodingKey { case rule, severity, file, line, column, account, unit, message, field }

        func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: Keys.self)
            try container.encode(finding.rule, forKey: .rule)
            try container.encode(finding.severity.rawValue, forKey: .severity)
            try container.encode(finding.file, forKey: .file)
            try container.encode(finding.location.line, forKey: .line)
            try container.encode(finding.location.column, forKey: .column)
            try container.encode(finding.account, forKey: .account)
            try container.encode(finding.unit, forKey: .unit)
            try container.encode(finding.message, forKey: .message)
            try container.encode(finding.field, forKey: .field)
        }
    }
}
