import HeraldCore

/// `junit.xml`: the audit as test results for Jenkins, GitLab and Azure DevOps, valid against the strict
/// Apache Ant JUnit schema, and within GitLab's limits for a JUnit file (docs.gitlab.com, "Unit test
/// reports": 30 MB a file, 500,000 test cases on GitLab.com): when one test case per account and rule
/// would take more than `sizeBudget` bytes, the passing accounts of each unit become one passing test case
/// per unit and rule (`<N> accounts pass · <rule>`), and failures, errors and skips stay one per account;
/// when that is still too much (a million accounts), the passing accounts and the retired accounts a rule
/// leaves alone become one case each per rule (classname `herald.all-units`). Failures, errors and waived
/// findings always stay one per account. A registry so large that its failures alone pass the limit gives a file GitLab does not take:
/// codequality.json and report.html hold every finding. Test cases are named to read well where they are shown: `classname` is
/// `herald.<unit>` (Jenkins splits it at its last period into package `herald` and class `<unit>`, so
/// periods in a unit id become `_`), and `name` is `<platform:handle> · <rule>`, unique within a class.
/// One suite per rule; one test case per account, passes included, so a CI
/// dashboard shows how many accounts comply and not only how many do not. A file that could not be read is
/// an `error` in every suite but the schema rule's, which holds its failure; a rule that does not apply
/// (most rules skip retired accounts) gives a `skipped` case, and so does a finding a waiver excuses (its
/// message says until when, who approved it and why). Rules that audit the organisation files have a test
/// case per such file too.
public enum JUnitReport {
    /// Streams junit.xml to `output`: one suite per rule that ran, its test cases written in chunks on every core.
    public static func render(_ result: AuditResult, to output: @escaping ReportOutput) throws {
        try render(result, sizeBudget: sizeBudget, to: output)
    }

    /// GitLab's 30 MB a file, with room for the suites' own lines.
    public static let sizeBudget = 28_000_000

    static func render(_ result: AuditResult, sizeBudget: Int, to output: @escaping ReportOutput) throws {
        let xml = XMLWriter(streamingTo: output)
        // The schema asks for a timestamp and a host; both are fixed so that equal audits give equal files.
        let timestamp = result.asOf.description + "T00:00:00"
        let classes = ClassNames(result)
        let facts = ParallelMap.map(Fragments.chunks(of: 0..<result.accountCount), chunkSize: 1) { ChunkFacts($0, result, classes) }
        // Every suite's counts come first in the file: they are worked out before its test cases are written.
        var counts = ParallelMap.map(Array(result.rules.indices), chunkSize: 1) { index in
            suiteCounts(of: result.rules[index], index, in: result, facts: facts, classes: classes)
        }
        let failures = failureSize(result)
        let level = Collapse.allCases.first { $0.estimatedSize(counts, failures: failures) <= sizeBudget } ?? .perRule
        for index in counts.indices { counts[index].collapse(level) }
        xml.startDocument()
        xml.startElement("testsuites")
        var open: Int?  // the rule whose suite is being written
        func advance(to rule: Int) {
            while open != rule {
                if let open { endSuite(result.rules[open], counts: counts[open], level: level, classes: classes, in: result, to: xml) }
                let next = (open ?? -1) + 1
                startSuite(result.rules[next], next, counts: counts[next], timestamp: timestamp, in: result, to: xml)
                open = next
            }
        }
        // Every suite's chunks, suite after suite, rendered on every core in one stream.
        let pieces = result.rules.indices.flatMap { rule in result.rules[rule].scope.accounts ? facts.indices.map { (rule, $0) } : [] }
        try Fragments.render(pieces, { rule, chunk in
            (rule, try cases(for: result.rules[rule], rule, in: result, facts: facts[chunk], level: level))
        }, into: { rule, bytes in
            advance(to: rule)
            xml.insert(bytes)
        })
        if !result.rules.isEmpty { advance(to: result.rules.count - 1) }
        if let open { endSuite(result.rules[open], counts: counts[open], level: level, classes: classes, in: result, to: xml) }
        xml.endElement()
        _ = try xml.finish()
    }

    /// How much of the file is one case per account and rule, from the least to the most gathered.
    enum Collapse: CaseIterable {
        /// Every account has a test case in every suite.
        case none
        /// Passing accounts: one case per unit and rule.
        case passingPerUnit
        /// Passing accounts, and retired accounts a rule leaves alone: one case each per rule.
        case perRule

        /// About how many bytes the file takes: a passing case is its names and some 60 bytes of markup, a
        /// skipped one adds its message, a failing one its messages and locations (`failures`).
        func estimatedSize(_ counts: [Counts], failures: Int) -> Int {
            counts.reduce(failures) { size, suite in
                switch self {
                case .none: return size + suite.passed * 110 + suite.retired * 190
                case .passingPerUnit: return size + suite.passingUnits * 110 + suite.retired * 190
                case .perRule: return size + 300
                }
            }
        }
    }

    /// About how many bytes the failing test cases take.
    private static func failureSize(_ result: AuditResult) -> Int {
        // The accounts' findings are all the findings but the organisation files': counted so, no account
        // is read (each was a cache miss, for the few that have findings).
        func size(_ findings: some Sequence<Finding>) -> Int {
            findings.reduce(0) { $0 + 2 * $1.message.utf8.count + $1.file.utf8.count + 160 }
        }
        return size(result.findings) - size(result.organisationFindings)
    }

    private static func suiteCounts(of rule: AuditedRule, _ index: Int, in result: AuditResult, facts: [ChunkFacts], classes: ClassNames) -> Counts {
        var counts = Counts(classes: classes.names.count)
        if rule.scope.accounts {
            for chunk in facts {
                for account in chunk.accounts {
                    let outcome = result.outcome(ofRule: index, onAccount: account)
                    counts.add(outcome)
                    if outcome == .passed { counts.passingByClass[chunk.classIndexes[account - chunk.accounts.lowerBound]] += 1 }
                }
            }
        }
        if rule.scope.organisationFiles {
            counts.tests += organisationFiles(for: rule, in: result).count
            let found = result.organisationFindings.filter { $0.rule == rule.id }
            let failing = Set(found.filter(\.counts).map(\.file))
            counts.failures += failing.count
            counts.skipped += Set(found.map(\.file)).subtracting(failing).count
        }
        return counts
    }

    private static func startSuite(_ rule: AuditedRule, _ index: Int, counts: Counts, timestamp: String, in result: AuditResult, to xml: XMLWriter) {
        xml.startElement("testsuite")
        xml.attribute("name", "herald." + rule.id)
        xml.attribute("tests", counts.tests)
        xml.attribute("failures", counts.failures)
        xml.attribute("errors", counts.errors)
        xml.attribute("skipped", counts.skipped)
        xml.attribute("time", "0")
        xml.attribute("timestamp", timestamp)
        xml.attribute("hostname", "herald")
        xml.attribute("package", "herald")
        xml.attribute("id", index)
        xml.element("properties") {
            property("organisation", result.organisation, xml)
            property("as-of", result.asOf.description, xml)
            property("severity", rule.severity.rawValue, xml)
            property("summary", rule.summary, xml)
        }
    }

    /// Ends a suite with the cases that stand for many accounts (`level`), then the organisation files'.
    private static func endSuite(_ rule: AuditedRule, counts: Counts, level: Collapse, classes: ClassNames, in result: AuditResult, to xml: XMLWriter) {
        func gathered(_ className: String, _ count: Int, _ what: String, skipped: Bool) {
            xml.startElement("testcase")
            xml.attribute("classname", className)
            xml.attribute("name", "\(count) \(what) · \(rule.id)")
            xml.attribute("time", "0")
            if skipped { xml.element("skipped", ["message": Self.retiredMessage]) }
            xml.endElement()
        }
        switch level {
        case .none:
            break
        case .passingPerUnit:
            for (position, className) in classes.names.enumerated() where counts.passingByClass[position] > 0 {
                let count = counts.passingByClass[position]
                gathered(className, count, count == 1 ? "account passes" : "accounts pass", skipped: false)
            }
        case .perRule:
            if counts.passed > 0 { gathered("herald.all-units", counts.passed, counts.passed == 1 ? "account passes" : "accounts pass", skipped: false) }
            if counts.retired > 0 {
                gathered("herald.all-units", counts.retired, counts.retired == 1 ? "retired account not checked" : "retired accounts not checked", skipped: true)
            }
        }
        if rule.scope.organisationFiles { organisationCases(for: rule, in: result, to: xml) }
        xml.element("system-out")
        xml.element("system-err")
        xml.endElement()
    }

    static let retiredMessage = "not checked: the rule does not apply to retired accounts"

    /// `herald.<unit>`, the unit's periods made `_` so Jenkins does not split inside it.
    static func className(unit: String) -> String {
        "herald." + String(unit.map { $0 == "." ? "_" : $0 })
    }

    /// A test case is named by its account's `platform:handle`, or by the file's name when the file
    /// does not say them.
    private static func fileName(_ path: String) -> String {
        path.split(separator: "/").last.map(String.init) ?? path
    }

    /// Every `classname` the accounts have, sorted, each named once: passing accounts are counted per rule
    /// by their place in this list (counting them in a dictionary by name hashed a name for every account
    /// and rule).
    private struct ClassNames: Sendable {
        let names: [String]
        /// The place in `names` of each unit key's class name.
        let positions: [String: Int]

        init(_ result: AuditResult) {
            // Every unit key an account has is among the units' summaries: no account is read. A class name
            // no account has is never written (only classes with passing accounts are).
            var byUnit: [String: String] = [:]
            for unit in result.units { byUnit[unit.id] = JUnitReport.className(unit: unit.id) }
            // Two unit keys can share a class name (`a.b` and `a_b`): they are counted together, as the names were.
            names = Set(byUnit.values).sorted()
            let place = Dictionary(uniqueKeysWithValues: names.enumerated().map { ($1, $0) })
            positions = byUnit.mapValues { place[$0]! }
        }
    }

    /// What every suite asks of a chunk of accounts, worked out once per chunk and on every core: each
    /// account's `classname` and the start of its test cases' `name`.
    private struct ChunkFacts: Sendable {
        let accounts: Range<Int>
        /// Per account: its unit as `herald.<unit>` (the `classname`).
        let classNames: [String]
        /// Per account: the place of its class name in `ClassNames.names` (passing accounts are counted by it).
        let classIndexes: [Int]
        /// Per account: its name followed by " · " (the start of its test cases' `name`).
        let names: [String]

        init(_ accounts: Range<Int>, _ result: AuditResult, _ classes: ClassNames) {
            self.accounts = accounts
            var classIndexes: [Int] = [], names: [String] = []
            classIndexes.reserveCapacity(accounts.count)
            names.reserveCapacity(accounts.count)
            // Accounts come folder by folder: a run of one unit's accounts looks its class up once.
            var last: (unitKey: String, index: Int)?
            for audited in result.accounts[accounts] {
                if let last, last.unitKey == audited.unitKey {
                    classIndexes.append(last.index)
                } else {
                    let index = classes.positions[audited.unitKey]!
                    classIndexes.append(index)
                    last = (audited.unitKey, index)
                }
                names.append((audited.account.identity ?? JUnitReport.fileName(audited.account.file)) + " · ")
            }
            self.classIndexes = classIndexes
            self.names = names
            classNames = classIndexes.map { classes.names[$0] }
        }
    }

    struct Counts: Sendable {
        var tests = 0, failures = 0, errors = 0, skipped = 0, passed = 0
        /// Retired accounts the rule leaves alone (skipped cases).
        var retired = 0
        /// Passing accounts by class name, at the name's place in `ClassNames.names`.
        var passingByClass: [Int]
        /// How many class names have a passing account.
        var passingUnits: Int { passingByClass.count { $0 > 0 } }

        init(classes: Int) {
            passingByClass = Array(repeating: 0, count: classes)
        }

        /// The counts once cases are gathered as `level` says.
        mutating func collapse(_ level: Collapse) {
            switch level {
            case .none: break
            case .passingPerUnit: tests += passingUnits - passed
            case .perRule:
                let gathered = (passed > 0 ? 1 : 0) + (retired > 0 ? 1 : 0)
                tests += gathered - passed - retired
                skipped += (retired > 0 ? 1 : 0) - retired
            }
        }

        mutating func add(_ outcome: RuleOutcome) {
            switch outcome {
            case .passed: tests += 1; passed += 1
            case .failed: tests += 1; failures += 1
            case .unreadable: tests += 1; errors += 1
            case .skippedRetired: tests += 1; skipped += 1; retired += 1
            case .notApplicable, .waived, .baselined: tests += 1; skipped += 1
            }
        }
    }

    /// The test cases of one rule for a chunk of accounts: every account's, but those `level` gathers.
    private static func cases(for rule: AuditedRule, _ ruleIndex: Int, in result: AuditResult, facts: ChunkFacts, level: Collapse) throws -> [UInt8] {
        let xml = XMLWriter(depth: 2, capacity: facts.accounts.count * 200)
        for (local, index) in facts.accounts.enumerated() {
            let outcome = result.outcome(ofRule: ruleIndex, onAccount: index)
            if outcome == .passed && level != .none || outcome == .skippedRetired && level == .perRule { continue }
            xml.startElement("testcase")
            xml.attribute("classname", facts.classNames[local])
            xml.attribute("name", facts.names[local] + rule.id)
            xml.attribute("time", "0")
            switch outcome {
            case .passed:
                break
            case .skippedRetired, .notApplicable:
                xml.element("skipped", ["message": Self.retiredMessage])
            case .failed:
                failure(result.findings(of: result.accounts[index]).filter { $0.rule == rule.id && $0.counts }, rule, to: xml)
            case .waived:
                let waived = result.findings(of: result.accounts[index]).filter { $0.rule == rule.id }
                let waiver = waived[0].waiver!
                xml.startElement("skipped")
                xml.attribute("message", "waived until \(waiver.expires) by \(waiver.approvedBy): \(waiver.reason)")
                xml.text(waived.map { "\($0.file):\($0.location.line):\($0.location.column): \($0.message)" }.joined(separator: "\n"))
                xml.endElement()
            case .baselined:
                let baselined = result.findings(of: result.accounts[index]).filter { $0.rule == rule.id }
                xml.startElement("skipped")
                xml.attribute("message", "in the baseline: accepted when Herald was adopted, to be fixed")
                xml.text(baselined.map { "\($0.file):\($0.location.line):\($0.location.column): \(FindingLines.note($0))\($0.message)" }.joined(separator: "\n"))
                xml.endElement()
            case .unreadable:
                xml.startElement("error")
                xml.attribute("type", "unreadable-file")
                xml.attribute("message", "\(result.accounts[index].account.file) could not be read as an account file; see its inventory-schema finding")
                xml.endElement()
            }
            xml.endElement()
        }
        return try xml.finish()
    }

    /// The files a rule about organisation files has a test case for: every organisation file, and any
    /// other file it found something in (a tool's export, for the reconcile rules).
    private static func organisationFiles(for rule: AuditedRule, in result: AuditResult) -> [String] {
        let elsewhere = Set(result.organisationFindings.filter { $0.rule == rule.id }.map(\.file)).subtracting(result.registry.organisationFiles)
        return result.registry.organisationFiles + elsewhere.sorted()
    }

    /// A test case per organisation file for a rule that audits them, failing where the rule found something.
    private static func organisationCases(for rule: AuditedRule, in result: AuditResult, to xml: XMLWriter) {
        for file in organisationFiles(for: rule, in: result) {
            xml.startElement("testcase")
            xml.attribute("classname", "herald.organisation")
            xml.attribute("name", file + " · " + rule.id)
            xml.attribute("time", "0")
            let findings = result.organisationFindings.filter { $0.file == file && $0.rule == rule.id }
            if findings.contains(where: \.counts) {
                failure(findings.filter(\.counts), rule, to: xml)
            } else if !findings.isEmpty {
                xml.element("skipped", ["message": "in the baseline: accepted when Herald was adopted, to be fixed"])
            }
            xml.endElement()
        }
    }

    /// One `failure` for all of a rule's findings on an account: the schema allows one per test case.
    private static func failure(_ findings: [Finding], _ rule: AuditedRule, to xml: XMLWriter) {
        xml.startElement("failure")
        xml.attribute("type", rule.severity.rawValue)
        xml.attribute("message", findings[0].message + (findings.count > 1 ? " (and \(findings.count - 1) more)" : ""))
        // The message is in the attribute already: one finding's body is its place; several list each.
        xml.text(findings.count == 1 ? "\(findings[0].file):\(findings[0].location.line):\(findings[0].location.column)"
                 : findings.map { "\($0.file):\($0.location.line):\($0.location.column): \($0.message)" }.joined(separator: "\n"))
        xml.endElement()
    }

    private static func property(_ name: String, _ value: String, _ xml: XMLWriter) {
        xml.startElement("property")
        xml.attribute("name", name)
        xml.attribute("value", value)
        xml.endElement()
    }
}
