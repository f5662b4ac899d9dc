@testable import HeraldCore
import Testing

/// What the secret scanner takes for a secret, and what it must leave alone: every bio, link, handle,
/// vault reference and date of an ordinary registry.
@Suite struct SecretScannerTests {
    @Test(arguments: ["password", "Password", "api_key", "api-key", "instagram_password", "client_secret", "access_token", "pwd", "private_key", "backup_codes"])
    func keysNamedLikeASecret(_ key: String) {
        #expect(SecretScanner.isSecretKey(key))
    }

    @Test(arguments: ["credentials", "two_factor", "handle", "owners", "bio", "escalation", "recovery_email", "maintainers", "notes", "passport_office"])
    func ordinaryKeys(_ key: String) {
        #expect(!SecretScanner.isSecretKey(key))
    }

    @Test(arguments: [
        "ghp_8fK2mQ9xLr4Tz7Wv1Yb3Nc6Pd0Se5Ha2Jk8U", "xoxb-2402-88373-Lk3j4h5G6f7D8s9A", "AKIAQ3EGRWX7EXAMPLE7",
        "https://fairhavenparks:Sunflower2026@www.instagram.com/fairhavenparks/", "https://example.com/feed?access_token=abc123def456",
        "-----BEGIN OPENSSH PRIVATE KEY----- b3BlbnNzaC1rZXktdjEAAAAABG5vbmU=", "a8Fj3kL9qP2xZ7vB1nM4wQ", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
    ])
    func valuesShapedLikeACredential(_ value: String) {
        #expect(SecretScanner.credentialReason(value) != nil)
    }

    @Test(arguments: [
        "Official account of the Parks and Recreation Department, City of Fairhaven. Not monitored 24/7.",
        "https://www.instagram.com/fairhavenparks/", "https://social.fairhaven.gov/@fairhavenlibrary", "1Password: Comms / Parks Instagram",
        "vault://comms/parks-instagram", "Bitwarden:Comms/FairhavenParksInstagram", "fairhaven_public_library_1234", "FairhavenPublicLibrary2024",
        "jane.doe@fairhaven.gov", "2026-11-24", "fairhavenhealth.bsky.social", "Vault: Communications / FHParksAcademyNews2",
        "Passport office: opening hours, appointments and the Spanish-language pages of the parks department",
    ])
    func ordinaryValues(_ value: String) {
        #expect(SecretScanner.credentialReason(value) == nil)
    }

    /// Removing a secret key keeps everything else of the mapping for the reader: a key that is no text
    /// (reported by the reader) and the anchor of a value cleaned of a secret (its own message).
    @Test func removingASecretKeyKeepsTheOtherKeysAndAnchorsForTheReader() throws {
        func problems(_ text: String) -> [String] {
            AccountParser.parse(Array(text.utf8), file: "a.yaml", folder: "parks", fileName: "x-fairhavenparks.yaml").schemaProblems.map(\.message)
        }
        let account = "platform: x\nhandle: fairhavenparks\nurl: https://x.com/fairhavenparks\nunit: parks\nstatus: active\n"
        let afterSecret = problems(account + "password: hunter2hunter2\n[a, b]: c\n")
        #expect(afterSecret.contains { $0.hasPrefix("a key must be a plain word such as `name`, not a list") }, "\(afterSecret)")
        let anchored = problems(account + "defaults: &d\n  password: hunter2hunter2\n  note: x\n")
        #expect(anchored.contains { $0.contains("it only holds the anchor &d") }, "\(anchored)")
    }

    @Test func aSecretKeyIsRemovedOtherValuesStayAndOnlyTheSecretIsWithheld() throws {
        let text = "platform: x\nhandle: fairhavenparks\npassword: hunter2hunter2\nbio: \"Parks. Deploy key AKIAQ3EGRWX7EXAMPLE7 oops\"\n"
        guard case let .success(parsed) = YAMLText.parse(Array(text.utf8), file: "a.yaml"), let node = parsed.node else { Issue.record("not parsed"); return }
        var suspects: [SecretSuspect] = []
        var withheld: [String] = []
        let cleaned = try #require(SecretScanner.scan(node, suspects: &suspects, withheld: &withheld))
        #expect(suspects == [
            SecretSuspect(key: "password", location: SourceLocation(line: 3, column: 1), reason: .secretKey),
            SecretSuspect(key: "bio", location: SourceLocation(line: 4, column: 6), reason: .knownCredential("an AWS access key")),
        ])
        // The secret key's value and the token inside the bio are withheld, not the whole bio.
        #expect(withheld == ["hunter2hunter2", "AKIAQ3EGRWX7EXAMPLE7"])
        guard case let .mapping(pairs, _) = cleaned else { Issue.record("not a mapping"); return }
        #expect(pairs.count == 3)
        // The bio stays as written for the rules: withholding changes only what is printed.
        #expect(pairs.last?.value == .scalar("Parks. Deploy key AKIAQ3EGRWX7EXAMPLE7 oops", .quoted, SourceLocation(line: 4, column: 6)))
        // Nothing to remove: the same tree, nothing allocated.
        var none: [SecretSuspect] = []
        guard case let .success(parsed) = YAMLText.parse(Array("platform: x\nhandle: fairhavenparks\n".utf8), file: "b.yaml"), let plain = parsed.node else { return }
        #expect(SecretScanner.scan(plain, suspects: &none, withheld: &withheld) == nil && none.isEmpty)
    }

    /// Identity fields and ids are public by nature: real YouTube channel ids, Facebook page addresses and
    /// unit ids with a hexadecimal suffix look random, and are never taken for secrets there.
    @Test(arguments: [
        ("handle", "UCLA8Uj6uGfuVOG9d-fxbMdA"), ("channel_id", "UCuknj4PGn91gHDNAfboZEgQ"), ("url", "https://www.youtube.com/channel/UCLA8Uj6uGfuVOG9d-fxbMdA"),
        ("url", "https://www.facebook.com/Blackwater-Volunteer-Rescue-Squad-302585569816186"), ("id", "ak-jane-doe-6b940121"),
        ("unit", "ak-jane-doe-6b940121"), ("did", "did:plc:ewvi7nxzyoun6zhxrhs64oiz"), ("name", "xK9mP2vL8qR4tN7wZ3bY"),
        ("url", "https://www.youtube.com/watch?v=dQw4w9WgXcQ&list=PLx0sYbCqOb8TBPRdmBHs5Iftvv9TPboYG&si=Ab3dE5fG7hI9jK1l"),
    ])
    func publicValuesAreNeverTakenForSecrets(_ key: String, _ value: String) {
        #expect(SecretScanner.credentialReason(value, publicValue: SecretScanner.publicKeys.contains(key)) == nil)
    }

    /// Known credential formats count anywhere, inside text too, and only the token is withheld.
    @Test(arguments: [
        ("bio", "Parks news. ghp_8fK2mQ9xLr4Tz7Wv1Yb3Nc6Pd0Se5Ha2Jk8U", "ghp_8fK2mQ9xLr4Tz7Wv1Yb3Nc6Pd0Se5Ha2Jk8U"),
        ("name", "Fairhaven xoxb-2402-88373-Lk3j4h5G6f7D8s9A Parks", "xoxb-2402-88373-Lk3j4h5G6f7D8s9A"),
        ("escalation", "Call Jane, the password is Sunflower2026!", "Sunflower2026!"),
        ("reason", "shared login (pwd: Tulip-77-Garden) until March", "Tulip-77-Garden"),
        // The password words in any letter case, at the start, the middle or the end of the text.
        ("escalation", "PASSWORD: Sunflower2026", "Sunflower2026"), ("reason", "Old phone. Passcode = Gx7-44-Tulip", "Gx7-44-Tulip"),
        ("escalation", "Desk phone, passwort: Blume-2026-Park", "Blume-2026-Park"), ("reason", "login PWD=Rr-88-Lake", "Rr-88-Lake"),
        ("handle", "ghp_8fK2mQ9xLr4Tz7Wv1Yb3Nc6Pd0Se5Ha2Jk8U", "ghp_8fK2mQ9xLr4Tz7Wv1Yb3Nc6Pd0Se5Ha2Jk8U"),
        // Pasted as KEY=value, or after a slash: the token starts where its word does.
        ("bio", "Parks. GITHUB_TOKEN=ghp_Rr9yK2mQ9xLr4Tz7Wv1Yb3Nc6Pd0Se5Ha2Jk8", "ghp_Rr9yK2mQ9xLr4Tz7Wv1Yb3Nc6Pd0Se5Ha2Jk8"),
        ("url", "https://x.com/ghp_Qq9yK2mQ9xLr4Tz7Wv1Yb3Nc6Pd0Se5Ha2Jk8", "ghp_Qq9yK2mQ9xLr4Tz7Wv1Yb3Nc6Pd0Se5Ha2Jk8"),
        // A webhook address lets anyone post as the organisation.
        ("escalation", "webhook https://hooks.slack.com/services/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", "T0123ABCD/B0456EFGH/Xk9Lm2Np4Qr6St8Uv0Wx2Yz4"),
        // The host in any letter case, as a browser takes it.
        ("escalation", "https://Hooks.SLACK.com/services/T0123ABCD/B0456EFGH/Xk9Lm2Np4Qr6St8Uv0Wx2Yz4", "T0123ABCD/B0456EFGH/Xk9Lm2Np4Qr6St8Uv0Wx2Yz4"),
    ])
    func knownCredentialsAreFoundInsideText(_ key: String, _ value: String, _ token: String) {
        let found = SecretScanner.findings(in: value, key: key)
        #expect(found.map(\.withheld) == [token])
    }

    /// A token pasted as a key is withheld with its value, and the finding does not name the key.
    @Test func aTokenUsedAsAKeyIsRemovedAndWithheld() throws {
        let text = "platform: x\nhandle: fairhavenparks\nghp_Yy9yK2mQ9xLr4Tz7Wv1Yb3Nc6Pd0Se5Ha2Jk8: leftover\n"
        guard case let .success(parsed) = YAMLText.parse(Array(text.utf8), file: "a.yaml"), let node = parsed.node else { Issue.record("not parsed"); return }
        var suspects: [SecretSuspect] = []
        var withheld: [String] = []
        let cleaned = try #require(SecretScanner.scan(node, suspects: &suspects, withheld: &withheld))
        #expect(suspects == [SecretSuspect(key: "(a key)", location: SourceLocation(line: 3, column: 1), reason: .knownCredential("a GitHub token"))])
        #expect(withheld == ["ghp_Yy9yK2mQ9xLr4Tz7Wv1Yb3Nc6Pd0Se5Ha2Jk8", "leftover"])
        guard case let .mapping(pairs, _) = cleaned else { Issue.record("not a mapping"); return }
        #expect(pairs.count == 2)
    }
}
