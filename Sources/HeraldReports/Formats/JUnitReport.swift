import HeraldCore
import HeraldRules

/// `junit.xml`: the audit as test results for Jenkins, GitLab and Azure DevOps, valid against the strict
/// Apache Ant JUnit schema. One suite per rule; one test case per account the rule checked, passes
/// included, so a CI dashboard shows how many accounts comply and not only how many do not.
public enum JUnitReport {
    public static func render(_ result: AuditResult) throws -> [UInt8] {
        let xml = try XMLWriter(capacity: 4096 + result.accountCount * result.rules.count * 160)
        // The schema asks for a timestamp and a host; both are fixed so that equal audits give equal files.
        let timestamp = result.asOf.description + "T00:00:00"
        xml.startDocument()
        xml.startElement("testsuites")
        for (index, rule) in result.rules.enumerated() {
            let cases = testCases(for: rule, in: result)
            xml.startElement("testsuite")
            xml.attribute("name", "herald." + rule.id)
            xml.attribute("tests", cases.count)
            xml.attribute("failures", cases.count { if case .failed = $0.outcome { true } else { false } })
            xml.attribute("errors", cases.count { if case .notRead = $0.outcome { true } else { false } })
            xml.attribute("skipped", 0)
            xml.attribute("time", "0")
            xml.attribute("timestamp", timestamp)
            xml.attribute("hostname", "herald")
            xml.attribute("package", "herald")
            xml.attribute("id", index)
            xml.element("properties") {
                property("organisation", result.organisation, xml)
                property("as-of", result.asOf.description, xml)
                property("severity", rule.severity.rawValue, xml)
                property("summary", rule.description.summary, xml)
            }
            for testCase in cases { write(testCase, rule: rule, to: xml) }
            xml.element("system-out")
            xml.element("system-err")
            xml.endElement()
        }
        xml.endElement()
        return try xml.finish()
    }

    private struct TestCase {
        enum Outcome {
            case passed
            case failed([Finding])
            /// The file could not be read as account data, so this rule could not look at it.
            case notRead
        }

        let account: Account
        let outcome: Outcome
    }

    private static func testCases(for rule: AuditedRule, in result: AuditResult) -> [TestCase] {
        var cases: [TestCase] = []
        cases.reserveCapacity(result.accountCount)
        for (account, findings) in zip(result.registry.accounts, result.findingsByAccount) {
            let own = findings.filter { $0.rule == rule.id }
            if !own.isEmpty {
                cases.append(TestCase(account: account, outcome: .failed(own)))
            } else if rule.checks(account) {
                cases.append(TestCase(account: account, outcome: .passed))
            } else if !account.wasRead && (rule.description.appliesToRetired || !account.isRetired) {
                cases.append(TestCase(account: account, outcome: .notRead))
            }
            // Otherwise the rule does not apply (a retired account): no test case.
        }
        return cases
    }

    private static func write(_ testCase: TestCase, rule: AuditedRule, to xml: XMLWriter) {
        let account = testCase.account
        xml.startElement("testcase")
        xml.attribute("classname", account.file)
        xml.attribute("name", (account.identity ?? account.file.split(separator: "/").last.map(String.init) ?? account.file) + " · " + rule.id)
        xml.attribute("time", "0")
        switch testCase.outcome {
        case .passed:
            break
        case let .failed(findings):
            xml.startElement("failure")
            xml.attribute("type", rule.severity.rawValue)
            xml.attribute("message", findings[0].message + (findings.count > 1 ? " (and \(findings.count - 1) more)" : ""))
            xml.text(findings.map { "\($0.file):\($0.location.line):\($0.location.column): \($0.message)" }.joined(separator: "\n"))
            xml.endElement()
        case .notRead:
            xml.startElement("error")
            xml.attribute("type", "unreadable-file")
            xml.attribute("message", "\(account.file) could not be read as an account file; see its inventory-schema finding")
            xml.endElement()
        }
        xml.endElement()
    }

    private static func property(_ name: String, _ value: String, _ xml: XMLWriter) {
        xml.startElement("property")
        xml.attribute("name", name)
        xml.attribute("value", value)
        xml.endElement()
    }
}
