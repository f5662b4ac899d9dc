import HeraldCore

/// `report.sarif`: SARIF 2.1.0 for GitHub code scanning. Each finding is a result at its file, line and
/// column; its fingerprint is `FindingFingerprint` (not the line), so an alert keeps its identity when lines
/// above it are edited. The file stays within what GitHub accepts, because GitHub rejects the whole upload
/// above any limit: one run, 22 rules, one location per result, and at most `maximumResults` results.
/// Above that, warnings are left out before errors and waived findings first of all, and the run says so
/// in a tool execution notification.
public enum SARIFReport {
    /// GitHub code scanning's limit of results per run ("SARIF support for code scanning", docs.github.com:
    /// 25,000 results per run; a file over any limit is rejected whole).
    public static let maximumResults = 25_000
    /// GitHub also refuses a file over 10 MB gzipped. Herald does not compress; SARIF's JSON, its keys
    /// repeated in every result, gzips to well under a quarter, so the file is kept under 40 MB as written
    /// (fewer results, by the same order, when longer messages would pass it).
    public static let maximumBytes = 40_000_000
    /// A message longer than this is cut (with `…`) in SARIF: one value quoted in a message cannot fill
    /// the upload. Every other report has the whole message.
    public static let maximumMessageCharacters = 1_000

    public static let version = "2.1.0"
    public static let schema = "https://json.schemastore.org/sarif-2.1.0.json"
    /// The key of Herald's entry in `partialFingerprints`; the suffix changes if the recipe ever does.
    /// v2 hides the message's volatile parts (a day count that grows each day no longer reopens an alert)
    /// and names a file without an account by its path inside the inventory folder.
    public static let fingerprintKey = "heraldFinding/v2"

    /// The findings a SARIF run can hold: all of them up to `limit`; above it, errors before warnings and
    /// waived and baselined findings last, in report order within each. Returns the indices kept, in report order.
    public static func kept(_ findings: [Finding], limit: Int = maximumResults) -> [Int] {
        guard findings.count > limit else { return Array(findings.indices) }
        // One pass, not a sort: a registry adopting Herald has hundreds of thousands of findings.
        var byRank: [[Int]] = [[], [], []]
        for index in findings.indices {
            let finding = findings[index]
            byRank[!finding.counts ? 2 : finding.severity == .error ? 0 : 1].append(index)
        }
        var kept: [Int] = []
        kept.reserveCapacity(limit)
        for rank in byRank where kept.count < limit { kept += rank.prefix(limit - kept.count) }
        return kept.sorted()
    }

    /// What the run says about findings it leaves out, or nil when it holds them all.
    public static func leftOutNotice(total: Int, kept: [Int], findings: [Finding]) -> String? {
        guard kept.count < total else { return nil }
        let keptSet = Set(kept)
        let left = findings.indices.filter { !keptSet.contains($0) }.map { findings[$0] }
        let errors = left.count { $0.severity == .error && $0.counts }
        let warnings = left.count { $0.severity == .warning && $0.counts }
        return "report.sarif holds \(kept.count) of \(total) findings, the most GitHub code scanning accepts in a run: left out are \(errors) errors, \(warnings) warnings and \(left.count - errors - warnings) waived or baselined findings (warnings before errors, waived and baselined first). Every finding is in report.json, report.xml and report.html."
    }

    /// report.sarif: one run, its rules and one result per finding (at most `maximumResults`, and at most
    /// `maximumBytes` in all).
    public static func render(_ result: AuditResult) -> [UInt8] {
        var limit = maximumResults
        let fingerprints = FindingFingerprint.all(result.findings, inventory: result.inventory)
        while true {
            let bytes = render(result, limit: limit, fingerprints: fingerprints)
            guard bytes.count > maximumBytes, limit > 1 else { return bytes }
            limit = max(1, Int(Double(limit) * Double(maximumBytes) / Double(bytes.count) * 0.95))
        }
    }

    private static func render(_ result: AuditResult, limit: Int, fingerprints: [UInt64]) -> [UInt8] {
        let ruleIndex = Dictionary(uniqueKeysWithValues: result.rules.enumerated().map { ($1.id, $0) })
        let kept = kept(result.findings, limit: limit)
        let notice = leftOutNotice(total: result.findings.count, kept: kept, findings: result.findings)
        var json = JSONWriter(capacity: 8192 + kept.count * 700)
        json.object { json in
            json.key("$schema"); json.string(schema)
            json.key("version"); json.string(version)
            json.key("runs"); json.array { json in
                json.object { json in
                    json.key("tool"); json.object { json in
                        json.key("driver"); json.object { json in
                            json.key("name"); json.string("herald")
                            json.key("version"); json.string(HeraldVersion.current)
                            json.key("semanticVersion"); json.string(HeraldVersion.current)
                            json.key("rules"); json.array { json in
                                for rule in result.rules { write(rule, to: &json) }
                            }
                        }
                    }
                    json.key("invocations"); json.array { json in
                        json.object { json in
                            json.key("executionSuccessful"); json.bool(true)
                            if let notice {
                                json.key("toolExecutionNotifications"); json.array { json in
                                    json.object { json in
                                        json.key("descriptor"); json.object { json in json.key("id"); json.string("herald/results-left-out") }
                                        json.key("level"); json.string("warning")
                                        json.key("message"); json.object { json in json.key("text"); json.string(notice) }
                                    }
                                }
                            }
                        }
                    }
                    json.key("automationDetails"); json.object { json in
                        json.key("id"); json.string("herald/audit/")
                    }
                    json.key("properties"); json.object { json in
                        json.key("organisation"); json.string(result.organisation)
                        json.key("asOf"); json.string(result.asOf.description)
                    }
                    json.key("results"); json.array { json in
                        for index in kept {
                            let finding = result.findings[index]
                            write(finding, ruleIndex: ruleIndex[finding.rule], fingerprint: fingerprints[index], to: &json)
                        }
                    }
                }
            }
        }
        return json.bytes + [UInt8(ascii: "\n")]
    }

    private static func write(_ rule: AuditedRule, to json: inout JSONWriter) {
        json.object { json in
            json.key("id"); json.string(rule.id)
            json.key("name"); json.string(rule.id.split(separator: "-").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined())
            json.key("shortDescription"); json.object { json in json.key("text"); json.string(rule.summary) }
            json.key("fullDescription"); json.object { json in json.key("text"); json.string(rule.rationale) }
            json.key("help"); json.object { json in
                json.key("text"); json.string("\(rule.rationale)\n\nRun `herald explain \(rule.id)` for passing and failing examples.")
                json.key("markdown"); json.string("**\(rule.summary).**\n\n\(rule.rationale)\n\nRun `herald explain \(rule.id)` for passing and failing examples.")
            }
            json.key("defaultConfiguration"); json.object { json in json.key("level"); json.string(level(rule.severity)) }
            json.key("properties"); json.object { json in
                json.key("tags"); json.array { json in json.string("social-media-policy") }
            }
        }
    }

    private static func write(_ finding: Finding, ruleIndex: Int?, fingerprint: UInt64, to json: inout JSONWriter) {
        json.object { json in
            json.key("ruleId"); json.string(finding.rule)
            if let ruleIndex { json.key("ruleIndex"); json.number(ruleIndex) }
            json.key("level"); json.string(level(finding.severity))
            json.key("message"); json.object { json in json.key("text"); json.string(truncated(finding.message)) }
            json.key("locations"); json.array { json in
                json.object { json in
                    json.key("physicalLocation"); json.object { json in
                        json.key("artifactLocation"); json.object { json in json.key("uri"); json.string(uri(finding.file)) }
                        json.key("region"); json.object { json in
                            json.key("startLine"); json.number(finding.location.line)
                            json.key("startColumn"); json.number(finding.location.column)
                        }
                    }
                }
            }
            json.key("partialFingerprints"); json.object { json in json.key(computed: fingerprintKey); json.string(FindingFingerprint.text(fingerprint)) }
            // SARIF's own words for a comparison with an earlier run (§3.27.24).
            if let change = finding.change {
                json.key("baselineState"); json.string(change == .new ? "new" : "unchanged")
            }
            if finding.isBaselined && !finding.isWaived {
                json.key("suppressions"); json.array { json in
                    json.object { json in
                        json.key("kind"); json.string("external")
                        json.key("status"); json.string("accepted")
                        json.key("justification"); json.string("in the baseline: accepted when Herald was adopted, to be fixed")
                    }
                }
            }
            if let waiver = finding.waiver {
                // SARIF's own word for an accepted exception: code scanning shows the result as dismissed.
                json.key("suppressions"); json.array { json in
                    json.object { json in
                        json.key("kind"); json.string("external")
                        json.key("status"); json.string("accepted")
                        json.key("justification"); json.string("\(waiver.reason) (approved by \(waiver.approvedBy), until \(waiver.expires))")
                        json.key("properties"); json.object { json in
                            json.key("approvedBy"); json.string(waiver.approvedBy)
                            json.key("expires"); json.string(waiver.expires.description)
                        }
                    }
                }
            }
        }
    }

    private static func truncated(_ message: String) -> String {
        guard message.utf8.count > maximumMessageCharacters, message.count > maximumMessageCharacters else { return message }
        return String(message.prefix(maximumMessageCharacters - 1)) + "…"
    }

    private static func level(_ severity: Severity) -> String {
        severity == .error ? "error" : "warning"
    }

    /// A relative path as a URI reference (RFC 3986): reserved and non-ASCII bytes are percent-encoded,
    /// slashes kept. An absolute path becomes a `file://` URI.
    static func uri(_ path: String) -> String {
        var encoded = path.hasPrefix("/") ? "file://" : ""
        for byte in path.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "/"), UInt8(ascii: "@"):
                encoded.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                let hex = String(byte, radix: 16, uppercase: true)
                encoded += "%" + (hex.count == 1 ? "0" + hex : hex)
            }
        }
        return encoded
    }
}
