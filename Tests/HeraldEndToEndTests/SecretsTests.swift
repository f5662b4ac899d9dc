import Foundation
import Testing

/// A secret written into the registry is reported at its key and line, and its value appears in no report,
/// no terminal line and no annotation.
@Suite struct SecretsTests {
    static let password = "Sunflower-Correct-Horse-2026"
    static let token = "ghp_8fK2mQ9xLr4Tz7Wv1Yb3Nc6Pd0Se5Ha2Jk8U"
    static let awsKey = "AKIAQ3EGRWX7EXAMPLE7"

    func leakyInventory() throws -> HeraldProcess {
        let herald = try HeraldProcess(fixture: "CleanInventory")
        let account = herald.directory.appendingPathComponent("Inventory/accounts/parks/x-fairhavenparks.yaml")
        var text = try String(contentsOf: account, encoding: .utf8)
        text = text.replacingOccurrences(of: "credentials: \"1Password: Comms / x-fairhavenparks\"", with: "credentials: \(Self.token)")
        text += "password: \(Self.password)\n"
        try text.write(to: account, atomically: true, encoding: .utf8)
        let people = herald.directory.appendingPathComponent("Inventory/people.yaml")
        try (try String(contentsOf: people, encoding: .utf8) + "- id: ops\n  name: Ops Desk\n  aws_secret: \(Self.awsKey)\n")
            .write(to: people, atomically: true, encoding: .utf8)
        return herald
    }

    @Test func secretsAreReportedByKeyAndLineAndNeverRepeated() throws {
        let herald = try leakyInventory()
        defer { herald.remove() }
        let audit = try herald.run(["audit", "--as-of", "2026-11-24"])
        #expect(audit.status == 1, "\(audit.stdout)\(audit.stderr)")
        let report = try herald.json("Reports/report.json")
        let findings = try #require(report["findings"] as? [[String: Any]]).filter { $0["rule"] as? String == "no-secrets" }
        #expect(findings.map { "\($0["file"]!):\($0["line"]!):\($0["field"]!)" } == [
            "Inventory/accounts/parks/x-fairhavenparks.yaml:12:credentials",
            "Inventory/accounts/parks/x-fairhavenparks.yaml:14:password",
            "Inventory/people.yaml:18:aws_secret",
        ])
        #expect((findings[0]["message"] as? String)?.contains("looks like a GitHub token") == true)

        let check = try herald.run(["check", "--as-of", "2026-11-24"])
        let github = try herald.run(["check", "--format", "github", "--as-of", "2026-11-24"])
        var everything = audit.stdout + audit.stderr + check.stdout + check.stderr + github.stdout
        // Every report, the action lists in owners/ included.
        let reports = try #require(FileManager.default.enumerator(atPath: herald.directory.appendingPathComponent("Reports").path))
        var read = 0
        while let file = reports.nextObject() as? String {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: herald.directory.appendingPathComponent("Reports/" + file).path, isDirectory: &isFolder),
                  !isFolder.boolValue else { continue }
            everything += String(decoding: try herald.file("Reports/" + file), as: UTF8.self)
            read += 1
        }
        #expect(read > 10, "the action lists were read too")
        for secret in [Self.password, Self.token, Self.awsKey] {
            #expect(!everything.contains(secret), "\(secret) was repeated")
            // Attribute values may carry character references; the secrets are ASCII, so none hides that way.
            #expect(!everything.contains(String(secret.prefix(12))))
        }
    }

    /// Credentials where people really paste them, inside ordinary text: only the credential is withheld.
    static let bioToken = "ghp_Zx81mQ9xLr4Tz7Wv1Yb3Nc6Pd0Se5Ha2Jk8Q"
    static let slackToken = "xoxb-2402-88373-Lk3j4h5G6f7D8s9A"
    static let escalationPassword = "Tulip-77-Garden"
    static let waiverPassword = "Marigold-31-Path"
    static let oneWordCredentials = "Sunflower2026"
    static let linkPassword = "Pa55-Lavender-9"
    static let randomArchive = "Xk9mP2vL8qR4tN7wZ3bYq1"
    static let keyToken = "ghp_Yy9yK2mQ9xLr4Tz7Wv1Yb3Nc6Pd0Se5Ha2Jk8"
    static let handleToken = "ghp_Zz9yK2mQ9xLr4Tz7Wv1Yb3Nc6Pd0Se5Ha2Jk8"
    static let webhookSecret = "Xk9Lm2Np4Qr6St8Uv0Wx2Yz4"
    static let withheld = [bioToken, slackToken, escalationPassword, waiverPassword, oneWordCredentials, linkPassword, randomArchive,
                           keyToken, handleToken, webhookSecret]

    /// Every output of one audit, check and annotated check of a registry with secrets inside text.
    static let outputs: [String: String] = {
        guard let herald = try? HeraldProcess(fixture: "CleanInventory") else { return [:] }
        let parks = herald.directory.appendingPathComponent("Inventory/accounts/parks/x-fairhavenparks.yaml")
        let library = herald.directory.appendingPathComponent("Inventory/accounts/library/instagram-fairhavenlibrary.yaml")
        try? """
            platform: x
            handle: FairhavenParks
            url: https://fairhavenparks:\(linkPassword)@x.com/FairhavenParks
            unit: parks
            name: "Fairhaven Parks \(slackToken)"
            bio: "Fairhaven Parks: trails and pools. Not monitored 24/7. deploy \(bioToken)"
            owners: [jdoe]
            status: active
            created: 2018-05-01
            last_reviewed: 2026-09-01
            archiving: \(randomArchive)
            two_factor: true
            credentials: \(oneWordCredentials)
            escalation: "Call Jane; the password is \(escalationPassword)."
            last_post: 2026-11-01
            \(keyToken): leftover
            waivers:
              - rule: owner-assigned
                reason: "Second owner starts in January (shared login, pwd: \(waiverPassword))"
                approved_by: jdoe
                expires: 2027-01-31

            """.write(to: parks, atomically: true, encoding: .utf8)
        // Another account quoting the same link (a duplicate of the first): its message names the first file.
        try? """
            platform: x
            handle: fairhavenparks
            url: https://fairhavenparks:\(linkPassword)@x.com/fairhavenparks
            unit: library
            status: active
            escalation: "post to https://hooks.slack.com/services/T0123ABCD/B0456EFGH/\(webhookSecret)"

            """.write(to: library, atomically: true, encoding: .utf8)
        // A token pasted as the handle: the file is named after it, and its path is withheld too.
        try? """
            platform: x
            handle: \(handleToken)
            url: https://x.com/\(handleToken)
            unit: parks
            status: active

            """.write(to: herald.directory.appendingPathComponent("Inventory/accounts/parks/x-\(handleToken.lowercased()).yaml"), atomically: true, encoding: .utf8)
        let summary = herald.directory.appendingPathComponent("summary.md")
        let asOf = ["--as-of", "2026-11-24"]
        var outputs: [String: String] = [:]
        if let audit = try? herald.run(["audit"] + asOf) { outputs["audit (terminal)"] = audit.stdout + audit.stderr }
        if let check = try? herald.run(["check"] + asOf) { outputs["check (terminal)"] = check.stdout + check.stderr }
        if let github = try? herald.run(["check", "--format", "github"] + asOf, environment: ["GITHUB_STEP_SUMMARY": summary.path]) {
            outputs["check --format github"] = github.stdout + github.stderr
        }
        outputs["step summary"] = (try? String(contentsOf: summary, encoding: .utf8)) ?? ""
        for file in (try? FileManager.default.contentsOfDirectory(atPath: herald.directory.appendingPathComponent("Reports").path)) ?? [] {
            outputs[file] = String(decoding: (try? herald.file("Reports/" + file)) ?? Data(), as: UTF8.self)
        }
        herald.remove()
        return outputs
    }()

    @Test(arguments: ["report.json", "report.xml", "junit.xml", "report.sarif", "checkstyle.xml", "codequality.json", "report.html",
                      "audit (terminal)", "check (terminal)", "check --format github", "step summary"])
    func aWithheldValueAppearsInNoOutputInAnyForm(_ output: String) throws {
        let text = try #require(Self.outputs[output], "\(output) was not written")
        #expect(!text.isEmpty)
        let folded = text.lowercased()
        for secret in Self.withheld {
            #expect(!folded.contains(secret.lowercased()), "\(output) repeats \(secret)")
            #expect(!folded.contains(String(secret.lowercased().dropFirst(2).dropLast(2))), "\(output) repeats part of \(secret)")
        }
        // The accounts are still audited as written: the credentials are findings, and the rest of the text is kept.
        if output == "report.json" {
            #expect(text.contains("no-secrets") && text.contains("duplicate-account"))
        }
        if output == "report.xml" {
            #expect(text.contains("Not monitored 24/7. deploy [withheld]"))
        }
    }
}
