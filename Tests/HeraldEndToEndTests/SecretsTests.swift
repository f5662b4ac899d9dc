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
        for file in try FileManager.default.contentsOfDirectory(atPath: herald.directory.appendingPathComponent("Reports").path) {
            everything += String(decoding: try herald.file("Reports/" + file), as: UTF8.self)
        }
        for secret in [Self.password, Self.token, Self.awsKey] {
            #expect(!everything.contains(secret), "\(secret) was repeated")
            // Attribute values may carry character references; the secrets are ASCII, so none hides that way.
            #expect(!everything.contains(String(secret.prefix(12))))
        }
    }
}
