import HeraldCore

/// `report.json`: the audit for machines. There is no wall-clock time inside and the order of keys and
/// findings is fixed, so the same inventory and `--as-of` give the same bytes. `schema_version` changes
/// only on purpose.
public enum JSONReport {
    public static let schemaVersion = 1

    /// Streams report.json to `output`: the findings are written in chunks on every core, so the file is
    /// never whole in memory (a registry adopting Herald has several findings per account).
    public static func render(_ result: AuditResult, to output: ReportOutput) throws {
        var json = JSONWriter()
        json.startObject()
        json.key("schema_version"); json.number(schemaVersion)
        json.key("tool"); json.object { json in
            json.key("name"); json.string("herald")
            json.key("version"); json.string(HeraldVersion.current)
        }
        json.key("organisation"); json.string(result.organisation)
        json.key("as_of"); json.string(result.asOf.description)
        json.key("inventory"); json.string(result.inventory)
        json.key("summary"); json.object { json in
            json.key("accounts"); json.number(result.accountCount)
            json.key("units"); json.number(result.units.count)
            json.key("errors"); json.number(result.errorCount)
            json.key("warnings"); json.number(result.warningCount)
            json.key("waived"); json.number(result.waivedCount)
            json.key("baselined"); json.number(result.baselinedCount)
            json.key("failing_accounts"); json.number(result.failingAccountCount)
        }
        json.key("units"); json.array { json in
            for unit in result.units { write(unit, to: &json) }
        }
        if !result.registry.impostors.isEmpty {
            json.key("impostors"); json.array { json in
                for impostor in result.registry.impostors {
                    json.object { json in
                        json.key("platform"); json.string(impostor.platform?.value.rawValue)
                        json.key("handle"); json.string(impostor.name)
                        json.key("url"); json.string(impostor.url?.value)
                        json.key("impersonates"); json.string(impostor.impersonates)
                        json.key("reported"); json.string(impostor.reported?.value.description)
                        json.key("reported_to"); json.string(impostor.reportedTo)
                        json.key("case"); json.string(impostor.caseID)
                        json.key("status"); json.string(impostor.status?.value.rawValue)
                        json.key("line"); json.number(impostor.location.line)
                    }
                }
            }
        }
        if let changes = result.changes {
            json.key("changes"); json.object { json in
                json.key("since"); json.string(changes.since.description)
                json.key("compared_with"); json.string(changes.source)
                json.key("new"); json.number(changes.newCount)
                json.key("persisting"); json.number(changes.persistingCount)
                json.key("fixed"); json.array { json in for finding in changes.fixed { write(finding, to: &json) } }
                json.key("not_rechecked"); json.array { json in for finding in changes.notRechecked { write(finding, to: &json) } }
            }
        }
        if let baseline = result.baseline {
            json.key("baseline"); json.object { json in
                json.key("file"); json.string(baseline.file)
                json.key("entries"); json.number(baseline.entryCount)
                json.key("matched"); json.number(baseline.matchedCount)
                json.key("unmatched"); json.array { json in
                    for entry in baseline.unmatched {
                        json.object { json in
                            json.key("rule"); json.string(entry.rule)
                            json.key("file"); json.string(entry.file)
                            json.key("account"); json.string(entry.account)
                            json.key("field"); json.string(entry.field)
                            json.key("fingerprint"); json.string(FindingFingerprint.text(entry.fingerprint))
                            json.key("line"); json.number(entry.location.line)
                        }
                    }
                }
            }
        }
        json.key("findings")
        json.startArray()
        try streamElements(count: result.findings.count, into: &json, to: output) { index, json in write(result.findings[index], to: &json) }
        json.endArray()
        json.endObject()
        try output(json.drain() + [UInt8(ascii: "\n")])
    }

    /// Hands what `json` holds to `output`, then writes `count` elements into the array open in it, in
    /// chunks rendered on every core and handed to `output` in order as they are done.
    static func streamElements(count: Int, into json: inout JSONWriter, to output: ReportOutput,
                               _ element: @escaping @Sendable (Int, inout JSONWriter) -> Void) throws {
        try output(json.drain())
        let depth = json.currentDepth
        try Fragments.render(count: count, { range in
            var fragment = JSONWriter(elementsAt: depth, afterOthers: range.lowerBound > 0, capacity: range.count * 400)
            for index in range { element(index, &fragment) }
            return fragment.drain()
        }, into: { bytes in try output(bytes) })
        json.elementsWereWritten(count)
    }

    private static func write(_ unit: AuditResult.UnitSummary, to json: inout JSONWriter) {
        json.object { json in
            json.key("id"); json.string(unit.id)
            json.key("name"); json.string(unit.name)
            json.key("accounts"); json.number(unit.accounts)
            json.key("failing_accounts"); json.number(unit.failingAccounts)
            json.key("errors"); json.number(unit.errors)
            json.key("warnings"); json.number(unit.warnings)
            json.key("waived"); json.number(unit.waived)
            json.key("baselined"); json.number(unit.baselined)
        }
    }

    /// A finding of the earlier audit, with the keys a finding has (its line as it was then).
    private static func write(_ finding: PreviousFinding, to json: inout JSONWriter) {
        json.object { json in
            findingKeys(rule: finding.rule, severity: finding.severity, file: finding.file, location: finding.location, account: finding.account,
                        unit: finding.unit, field: finding.field, message: finding.message, to: &json)
        }
    }

    /// The keys every finding has in Herald's JSON (report.json, the action lists), in their order.
    static func findingKeys(rule: String, severity: String, file: String, location: SourceLocation, account: String?, unit: String?,
                            field: String?, message: String, to json: inout JSONWriter) {
        json.key("rule"); json.string(rule)
        json.key("severity"); json.string(severity)
        json.key("file"); json.string(file)
        json.key("line"); json.number(location.line)
        json.key("column"); json.number(location.column)
        json.key("account"); json.string(account)
        json.key("unit"); json.string(unit)
        json.key("field"); json.string(field)
        json.key("message"); json.string(message)
    }

    static func write(_ finding: Finding, to json: inout JSONWriter) {
        json.object { json in
            findingKeys(rule: finding.rule, severity: finding.severity.rawValue, file: finding.file, location: finding.location,
                        account: finding.account, unit: finding.unit, field: finding.field, message: finding.message, to: &json)
            if let change = finding.change { json.key("change"); json.string(change.rawValue) }
            if finding.isBaselined { json.key("baselined"); json.bool(true) }
            if let waiver = finding.waiver {
                json.key("waiver"); json.object { json in
                    json.key("reason"); json.string(waiver.reason)
                    json.key("approved_by"); json.string(waiver.approvedBy)
                    json.key("expires"); json.string(waiver.expires.description)
                    json.key("line"); json.number(waiver.location.line)
                }
            }
        }
    }
}
