import Foundation
@testable import HeraldReports
import HeraldCore
import HeraldRules
import Testing

@Suite struct SARIFReportTests {
    func run(_ result: AuditResult) throws -> [String: Any] {
        let report = try #require(try JSONSerialization.jsonObject(with: Data(SARIFReport.render(result))) as? [String: Any])
        let runs = try #require(report["runs"] as? [[String: Any]])
        #expect(runs.count == 1)
        #expect(report["version"] as? String == "2.1.0")
        #expect(report["$schema"] as? String == "https://json.schemastore.org/sarif-2.1.0.json")
        return runs[0]
    }

    @Test func describesEveryRuleForCodeScanning() throws {
        let run = try run(try ReportTestData.result())
        let driver = try #require((run["tool"] as? [String: Any])?["driver"] as? [String: Any])
        #expect(driver["name"] as? String == "herald")
        let rules = try #require(driver["rules"] as? [[String: Any]])
        #expect(rules.map { $0["id"] as? String } == ReportTestData.firstRules.map(\.description.id))
        for rule in rules {
            for key in ["shortDescription", "fullDescription", "help"] {
                #expect(((rule[key] as? [String: Any])?["text"] as? String)?.isEmpty == false, "\(key) of \(rule["id"] ?? "?")")
            }
            #expect((rule["help"] as? [String: Any])?["markdown"] is String)
        }
    }

    @Test func eachFindingIsAResultAtItsFileLineAndColumn() throws {
        let run = try run(try ReportTestData.result())
        let results = try #require(run["results"] as? [[String: Any]])
        #expect(results.map { $0["ruleId"] as? String } == ["inventory-schema", "review-current", "bio-states-office", "owner-assigned"])
        #expect(results.map { $0["level"] as? String } == ["error", "warning", "error", "error"])
        let owner = results[3]
        #expect(((owner["message"] as? [String: Any])?["text"] as? String)?.isEmpty == false)
        let locations = try #require(owner["locations"] as? [[String: Any]])
        #expect(locations.count == 1)
        let physical = try #require(locations[0]["physicalLocation"] as? [String: Any])
        #expect((physical["artifactLocation"] as? [String: Any])?["uri"] as? String == "Inventory/accounts/parks/x-parksfun.yaml")
        #expect((physical["region"] as? [String: Any])?["startLine"] as? Int == 6)
        #expect((physical["region"] as? [String: Any])?["startColumn"] as? Int == 9)
        let fingerprints = results.compactMap { ($0["partialFingerprints"] as? [String: String])?[SARIFReport.fingerprintKey] }
        #expect(fingerprints.count == 4 && Set(fingerprints).count == 4)
    }

    @Test func fingerprintsSurviveEditsAboveTheFinding() throws {
        func fingerprints(_ prefix: String) throws -> [String: String] {
            let result = try ReportTestData.audit(
                organisation: "organisation: Fairhaven\n", people: "- {id: jdoe, name: Jane Doe}\n", units: ["parks": "id: parks\nname: Parks\n"],
                accounts: ["parks/x-parks.yaml": prefix + "platform: x\nhandle: parks\nurl: https://x.com/parks\nunit: parks\nowners: [jdoe]\nstatus: active\n"])
            let results = try #require(try run(result)["results"] as? [[String: Any]])
            return Dictionary(uniqueKeysWithValues: results.map {
                ($0["ruleId"] as! String, ($0["partialFingerprints"] as! [String: String])[SARIFReport.fingerprintKey]!)
            })
        }
        let before = try fingerprints("")
        let after = try fingerprints("# Parks' main account\n# reviewed by the comms office\n")
        #expect(before.count >= 2)
        #expect(before == after)
    }

    @Test func fixingOneOfTwoFindingsOnAKeyKeepsTheOthersFingerprint() throws {
        func fingerprints(owners: String) throws -> [String] {
            let result = try ReportTestData.audit(
                organisation: "organisation: Fairhaven\n",
                people: """
                    - {id: jdoe, name: Jane Doe}
                    - {id: asmith, name: Alex Smith}
                    - {id: ann, name: Ann Gone, active: false}
                    - {id: bob, name: Bob Gone, active: false}

                    """,
                units: ["parks": "id: parks\nname: Parks\n"],
                accounts: ["parks/x-parks.yaml": "platform: x\nhandle: parks\nurl: https://x.com/parks\nunit: parks\nbio: Parks\nowners: \(owners)\nstatus: active\nlast_reviewed: 2026-10-01\n"])
            let results = try #require(try run(result)["results"] as? [[String: Any]])
            return results.map { ($0["partialFingerprints"] as! [String: String])[SARIFReport.fingerprintKey]! }
        }
        let both = try fingerprints(owners: "[jdoe, asmith, ann, bob]")
        let fixed = try fingerprints(owners: "[jdoe, asmith, bob]")
        #expect(both.count == 2 && fixed.count == 1)
        #expect(fixed[0] == both[1], "Bob's alert keeps its fingerprint when Ann's is fixed")
    }

    @Test func pathsBecomeURIReferences() {
        #expect(SARIFReport.uri("Inventory/accounts/parks/x-a b#1%.yaml") == "Inventory/accounts/parks/x-a%20b%231%25.yaml")
        #expect(SARIFReport.uri("Inventory/accounts/library/mastodon-lib@social.example.yaml") == "Inventory/accounts/library/mastodon-lib@social.example.yaml")
        #expect(SARIFReport.uri("/srv/Inventory/a.yaml") == "file:///srv/Inventory/a.yaml")
        #expect(SARIFReport.uri("Inventory/é.yaml") == "Inventory/%C3%A9.yaml")
    }
}
