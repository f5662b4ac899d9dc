import Foundation
import Testing

/// Real public official accounts (Fixtures/RealAccounts/accounts.yaml, each entry with where it was seen),
/// registered in an inventory whose every governance field is filled in correctly: Herald must raise no
/// false alarm on any of them. Platform rules written only for new names or today's address forms, and a
/// secret heuristic that takes ids for passwords, fail here.
@Suite struct RealAccountsTests {
    struct Entry {
        var fields: [String: String] = [:]
        var platform: String { fields["platform"] ?? "" }
        var handle: String { fields["handle"] ?? "" }
    }

    /// The corpus, read line by line: it is a list of flat mappings of scalars, as `accounts.yaml` writes them.
    static let corpus: [Entry] = {
        let url = HeraldProcess.fixtures.appendingPathComponent("RealAccounts/accounts.yaml")
        let text = (try? String(contentsOf: url, encoding: .utf8)) ?? ""
        var entries: [Entry] = []
        for line in text.split(separator: "\n") where !line.hasPrefix("#") {
            if line.hasPrefix("- ") { entries.append(Entry()) }
            let body = line.dropFirst(2)
            guard let colon = body.firstIndex(of: ":"), !entries.isEmpty else { continue }
            var value = body[body.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            if value.hasPrefix("'") && value.hasSuffix("'") && value.count >= 2 {
                value = String(value.dropFirst().dropLast()).replacingOccurrences(of: "''", with: "'")
            }
            entries[entries.count - 1].fields[String(body[..<colon])] = value
        }
        return entries
    }()

    @Test func theCorpusCoversEveryPlatformWithTenAccountsAndEveryAddressForm() {
        let byPlatform = Dictionary(grouping: Self.corpus, by: \.platform)
        for platform in ["x", "instagram", "facebook", "youtube", "linkedin", "tiktok", "threads", "bluesky", "mastodon"] {
            #expect(byPlatform[platform, default: []].count >= 10, "\(platform): fewer than ten real accounts")
        }
        #expect(Self.corpus.allSatisfy { !($0.fields["seen_at"] ?? "").isEmpty }, "every entry names where it was seen")
        let urls = Self.corpus.compactMap { $0.fields["url"] }
        for form in ["youtube.com/channel/UC", "youtube.com/user/", "youtube.com/c/", "youtube.com/@", "facebook.com/pages/", "profile.php?id=",
                     "bsky.app/profile/", "twitter.com/", "linkedin.com/school/", "linkedin.com/company/"] {
            #expect(urls.contains { $0.contains(form) }, "no real address of the form \(form)")
        }
        #expect(Self.corpus.contains { $0.platform == "x" && $0.handle.count < 4 }, "an X name shorter than today's minimum")
        #expect(Self.corpus.contains { $0.platform == "bluesky" && $0.fields["did"] != nil })
        #expect(Self.corpus.contains { $0.platform == "mastodon" && $0.handle.contains(where: \.isUppercase) })
    }

    @Test func noRealOfficialAccountGetsAPlatformSecretOrDuplicateFinding() throws {
        let herald = try HeraldProcess()
        defer { herald.remove() }
        try Self.writeInventory(of: Self.corpus, in: herald.directory.appendingPathComponent("Inventory"))
        let output = try herald.run(["audit", "--as-of", "2026-11-24", "--format", "json"])
        let findings = try herald.json("Reports/report.json")["findings"] as? [[String: Any]] ?? []
        let described = findings.map { "\($0["file"] ?? ""): [\($0["rule"] ?? "")] \($0["message"] ?? "")" }
        #expect(described.isEmpty, "real accounts must pass:\n\(described.joined(separator: "\n"))")
        #expect(output.status == 0, "\(output.stderr)")
    }

    /// One account file per entry in `accounts/communications/`, every governance field filled in.
    static func writeInventory(of entries: [Entry], in folder: URL) throws {
        let files = FileManager.default
        let accounts = folder.appendingPathComponent("accounts/communications")
        try files.createDirectory(at: accounts, withIntermediateDirectories: true)
        try files.createDirectory(at: folder.appendingPathComponent("units"), withIntermediateDirectories: true)
        try Data("""
            organisation: Real Official Accounts
            official_domains: [example.gov]
            standards:
              min_owners: 2

            """.utf8).write(to: folder.appendingPathComponent("herald.yaml"))
        try Data("""
            - {id: adoe, name: Alex Doe, email: alex.doe@example.gov, unit: communications, policy_acknowledged: 2026-06-01}
            - {id: bsmith, name: Blair Smith, email: blair.smith@example.gov, unit: communications, policy_acknowledged: 2026-06-01}

            """.utf8).write(to: folder.appendingPathComponent("people.yaml"))
        try Data("""
            id: communications
            name: Communications Office
            maintainers: [adoe]
            escalation: safety@example.gov

            """.utf8).write(to: folder.appendingPathComponent("units/communications.yaml"))
        for entry in entries {
            var yaml = ""
            for key in ["platform", "handle", "url", "channel_id", "page_id", "did"] {
                guard let value = entry.fields[key] else { continue }
                yaml += "\(key): \(quoted(value))\n"
            }
            yaml += """
                unit: communications
                name: \(quoted(entry.fields["organisation"] ?? "Official account"))
                bio: "Official account of the Communications Office"
                owners: [adoe, bsmith]
                status: active
                created: 2019-04-02
                last_reviewed: 2026-06-01
                archiving: ArchiveSocial
                two_factor: true
                credentials: "1Password: Communications / \(entry.platform) \(entry.handle)"
                recovery_email: social@example.gov
                last_post: 2026-11-20

                """
            let name = "\(entry.platform)-\(entry.handle.lowercased()).yaml"
            try Data(yaml.utf8).write(to: accounts.appendingPathComponent(name))
        }
    }

    private static func quoted(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}
