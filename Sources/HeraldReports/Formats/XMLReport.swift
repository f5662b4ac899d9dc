import HeraldCore

/// `report.xml`: the whole audit in Herald's own, versioned XML (namespace `urn:herald:report:1`,
/// described by `herald-report.xsd` and docs/reports.md): the organisation, its units with their effective
/// standards, every account as read, and every finding. For archives and XSLT.
public enum XMLReport {
    public static let namespace = "urn:herald:report:1"
    public static let schemaVersion = 1

    /// Streams report.xml to `output`; the accounts are written in chunks on every core.
    public static func render(_ result: AuditResult, to output: @escaping ReportOutput) throws {
        let xml = XMLWriter(streamingTo: output)
        xml.startDocument()
        xml.startElement("report")
        xml.attribute("xmlns", namespace)
        xml.attribute("schemaVersion", schemaVersion)
        xml.attribute("tool", "herald")
        xml.attribute("toolVersion", HeraldVersion.current)
        xml.attribute("asOf", result.asOf.description)

        let organisation = result.registry.organisation
        xml.element("organisation", ["name": organisation.name]) {
            for domain in organisation.officialDomains { xml.element("officialDomain", text: domain) }
            write(result.registry.effectiveStandards(forUnit: nil), to: xml)
        }
        xml.element("summary", [
            "verdict": result.verdict.rawValue, "accounts": String(result.accountCount), "units": String(result.units.count),
            "failingAccounts": String(result.failingAccountCount), "errors": String(result.errorCount),
            "warnings": String(result.warningCount), "waived": String(result.waivedCount),
            "baselined": result.baseline == nil ? nil : String(result.baselinedCount),
        ])
        xml.element("rules") {
            for rule in result.rules {
                xml.element("rule", ["id": rule.id, "severity": rule.severity.rawValue]) {
                    xml.element("summary", text: rule.summary)
                }
            }
        }
        xml.element("units") {
            for summary in result.units { write(summary, result.registry, baseline: result.baseline != nil, to: xml) }
        }
        if let changes = result.changes {
            xml.element("changes", ["since": changes.since.description, "comparedWith": changes.source,
                                    "new": String(changes.newCount), "persisting": String(changes.persistingCount)]) {
                for finding in changes.fixed { write(finding, as: "fixed", to: xml) }
                for finding in changes.notRechecked { write(finding, as: "notRechecked", to: xml) }
            }
        }
        if let baseline = result.baseline {
            xml.element("baseline", ["file": baseline.file, "entries": String(baseline.entryCount), "matched": String(baseline.matchedCount)]) {
                for entry in baseline.unmatched {
                    xml.element("unmatched", ["rule": entry.rule, "file": entry.file, "account": entry.account, "field": entry.field,
                                              "fingerprint": FindingFingerprint.text(entry.fingerprint), "line": String(entry.location.line)])
                }
            }
        }
        if !result.organisationFindings.isEmpty {
            xml.element("organisationFindings") {
                for finding in result.organisationFindings { write(finding, to: xml) }
            }
        }
        xml.startElement("accounts")
        try Fragments.render(count: result.accountCount, { range in
            let fragment = XMLWriter(depth: 2, capacity: range.count * 800)
            for audited in result.accounts[range] {
                let standards = audited.account.unit.flatMap { result.registry.standards[$0.value] == nil ? nil : $0.value }
                write(audited.account, result.findings(of: audited), standards: standards, to: fragment)
            }
            return try fragment.finish()
        }, into: xml.insert)
        xml.endElement()
        xml.endElement()
        _ = try xml.finish()
    }

    private static func write(_ summary: AuditResult.UnitSummary, _ registry: Registry, baseline: Bool, to xml: XMLWriter) {
        let unit = registry.units[summary.id]
        xml.startElement("unit")
        xml.attribute("id", summary.id)
        xml.attribute("name", summary.name)
        xml.attribute("parent", unit?.parent?.value)
        xml.attribute("defined", unit == nil ? "false" : "true")
        xml.attribute("accounts", summary.accounts)
        xml.attribute("failingAccounts", summary.failingAccounts)
        xml.attribute("errors", summary.errors)
        xml.attribute("warnings", summary.warnings)
        xml.attribute("waived", summary.waived)
        if baseline { xml.attribute("baselined", summary.baselined) }
        xml.attribute("escalation", unit?.escalation?.value)
        if let unit {
            for alias in unit.aliases { xml.element("alias", text: alias) }
            for maintainer in unit.maintainers { xml.element("maintainer", text: maintainer.value) }
            if let standards = registry.standards[unit.id] { write(standards, to: xml) }
        }
        xml.endElement()
    }

    private static func write(_ standards: EffectiveStandards, to xml: XMLWriter) {
        xml.startElement("standards")
        xml.attribute("minOwners", standards.minOwners)
        xml.attribute("reviewEveryDays", standards.reviewEveryDays)
        xml.attribute("requireArchiving", standards.requireArchiving ? "true" : "false")
        xml.attribute("handlePattern", standards.handlePattern?.source)
        xml.attribute("requireTwoFactor", standards.requireTwoFactor ? "true" : "false")
        xml.attribute("requireVault", standards.requireVault ? "true" : "false")
        xml.attribute("requireEscalationContact", standards.requireEscalationContact ? "true" : "false")
        xml.attribute("trainingEveryDays", standards.trainingEveryDays)
        xml.attribute("dormantAfterDays", standards.dormantAfterDays)
        xml.attribute("maxWaiverDays", standards.maxWaiverDays)
        for platform in standards.platforms ?? [] { xml.element("platform", text: platform.rawValue) }
        for phrase in standards.bioMustInclude { xml.element("bioMustInclude", text: phrase) }
        for phrase in standards.bioMustNotInclude { xml.element("bioMustNotInclude", text: phrase) }
        for platform in Platform.allCases.sorted() {
            guard let limit = standards.bioMaxLength[platform] else { continue }
            xml.element("bioMaxLength", ["platform": platform.rawValue, "characters": String(limit)])
        }
        xml.endElement()
    }

    /// - Parameter standards: the unit whose effective standards apply; nil: the organisation's.
    private static func write(_ account: Account, _ findings: ArraySlice<Finding>, standards: String?, to xml: XMLWriter) {
        xml.startElement("account")
        xml.attribute("file", account.file)
        xml.attribute("platform", account.platform?.value.rawValue)
        xml.attribute("handle", account.handle?.value)
        xml.attribute("unit", account.unit?.value)
        xml.attribute("status", account.status?.value.rawValue)
        xml.attribute("standards", standards)
        // Written only when false (the schema's default is true): one attribute fewer on 100,000 accounts.
        if !account.wasRead { xml.attribute("read", "false") }
        xml.attribute("name", account.name?.value)
        xml.attribute("url", account.url?.value)
        xml.attribute("created", account.created?.value.description)
        xml.attribute("lastReviewed", account.lastReviewed?.value.description)
        xml.attribute("archiving", account.archiving?.value)
        xml.attribute("twoFactor", account.twoFactor.map { $0.value ? "true" : "false" })
        xml.attribute("credentials", account.credentials?.value)
        xml.attribute("recoveryEmail", account.recoveryEmail?.value)
        xml.attribute("escalation", account.escalation?.value)
        xml.attribute("lastPost", account.lastPost?.value.description)
        xml.attribute("retiredOn", account.retiredOn?.value.description)
        xml.attribute("handleHeld", account.handleHeld.map { $0.value ? "true" : "false" })
        xml.element("bio", text: account.bio?.value)
        for owner in account.owners?.value ?? [] { xml.element("owner", text: owner.value) }
        for waiver in account.waivers {
            xml.startElement("waiver")
            xml.attribute("rule", waiver.rule?.value)
            xml.attribute("reason", waiver.reason?.value)
            xml.attribute("approvedBy", waiver.approvedBy?.value)
            xml.attribute("expires", waiver.expires?.value.description)
            xml.attribute("line", waiver.location.line)
            xml.endElement()
        }
        for finding in findings { write(finding, to: xml) }
        xml.endElement()
    }

    private static func write(_ finding: Finding, to xml: XMLWriter) {
        xml.startElement("finding")
        xml.attribute("rule", finding.rule)
        xml.attribute("severity", finding.severity.rawValue)
        xml.attribute("file", finding.file)
        xml.attribute("line", finding.location.line)
        xml.attribute("column", finding.location.column)
        xml.attribute("field", finding.field)
        if let waiver = finding.waiver {
            xml.attribute("waived", "true")
            xml.attribute("waiverReason", waiver.reason)
            xml.attribute("waiverApprovedBy", waiver.approvedBy)
            xml.attribute("waiverExpires", waiver.expires.description)
        }
        xml.attribute("change", finding.change?.rawValue)
        if finding.isBaselined { xml.attribute("baselined", "true") }
        xml.text(finding.message)
        xml.endElement()
    }

    /// A finding of the earlier audit, as it reported it.
    private static func write(_ finding: PreviousFinding, as name: StaticString, to xml: XMLWriter) {
        xml.element(name, ["rule": finding.rule, "severity": finding.severity, "file": finding.file, "line": String(finding.location.line),
                           "column": String(finding.location.column), "account": finding.account, "unit": finding.unit, "field": finding.field]) {
            xml.text(finding.message)
        }
    }
}
