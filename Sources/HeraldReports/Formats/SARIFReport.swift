import HeraldCore
import HeraldRules

/// `report.sarif`: SARIF 2.1.0 for GitHub code scanning. Each finding is a result at its file, line and
/// column; its fingerprint comes from the rule, the account, the key and the message (not the line), so
/// an alert keeps its identity when lines above it are edited.
public enum SARIFReport {
    public static let version = "2.1.0"
    public static let schema = "https://json.schemastore.org/sarif-2.1.0.json"
    /// The key of Herald's entry in `partialFingerprints`; the suffix changes if the recipe ever does.
    public static let fingerprintKey = "heraldFinding/v1"

    /// report.sarif: one run, its rules and one result per finding.
    public static func render(_ result: AuditResult) -> [UInt8] {
        let ruleIndex = Dictionary(uniqueKeysWithValues: result.rules.enumerated().map { ($1.id, $0) })
        var json = JSONWriter(capacity: 8192 + result.findings.count * 700)
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
                    json.key("automationDetails"); json.object { json in
                        json.key("id"); json.string("herald/audit/")
                    }
                    json.key("properties"); json.object { json in
                        json.key("organisation"); json.string(result.organisation)
                        json.key("asOf"); json.string(result.asOf.description)
                    }
                    json.key("results"); json.array { json in
                        var seen: [String: Int] = [:]
                        for finding in result.findings {
                            let key = fingerprintSource(finding)
                            let occurrence = seen[key, default: 0]
                            seen[key] = occurrence + 1
                            write(finding, ruleIndex: ruleIndex[finding.rule], fingerprint: fingerprint(key, occurrence), to: &json)
                        }
                    }
                }
            }
        }
        return json.bytes + [UInt8(ascii: "\n")]
    }

    private static func write(_ rule: AuditedRule, to json: inout JSONWriter) {
        let description = rule.description
        json.object { json in
            json.key("id"); json.string(description.id)
            json.key("name"); json.string(description.id.split(separator: "-").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined())
            json.key("shortDescription"); json.object { json in json.key("text"); json.string(description.summary) }
            json.key("fullDescription"); json.object { json in json.key("text"); json.string(description.rationale) }
            json.key("help"); json.object { json in
                json.key("text"); json.string("\(description.rationale)\n\nRun `herald explain \(description.id)` for passing and failing examples.")
                json.key("markdown"); json.string("**\(description.summary).**\n\n\(description.rationale)\n\nRun `herald explain \(description.id)` for passing and failing examples.")
            }
            json.key("defaultConfiguration"); json.object { json in json.key("level"); json.string(level(rule.severity)) }
            json.key("properties"); json.object { json in
                json.key("tags"); json.array { json in json.string("social-media-policy") }
            }
        }
    }

    private static func write(_ finding: Finding, ruleIndex: Int?, fingerprint: String, to json: inout JSONWriter) {
        json.object { json in
            json.key("ruleId"); json.string(finding.rule)
            if let ruleIndex { json.key("ruleIndex"); json.number(ruleIndex) }
            json.key("level"); json.string(level(finding.severity))
            json.key("message"); json.object { json in json.key("text"); json.string(finding.message) }
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
            json.key("partialFingerprints"); json.object { json in json.key(fingerprintKey); json.string(fingerprint) }
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

    private static func level(_ severity: Severity) -> String {
        severity == .error ? "error" : "warning"
    }

    /// Rule, account (or file, when the account has no identity), key and message: stable under edits of
    /// other lines. The message tells apart two findings of one rule on one key (two owners who left):
    /// fixing one leaves the other's fingerprint as it was.
    private static func fingerprintSource(_ finding: Finding) -> String {
        [finding.rule, finding.account ?? finding.file, finding.field ?? "", finding.message].joined(separator: "\u{0}")
    }

    /// FNV-1a, 64 bits, as 16 hex digits; `occurrence` tells apart findings that are the same in every way.
    static func fingerprint(_ source: String, _ occurrence: Int) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in Array(source.utf8) + Array("\u{0}\(occurrence)".utf8) {
            hash ^= UInt64(byte)
            hash &*= 0x100_0000_01b3
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
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
