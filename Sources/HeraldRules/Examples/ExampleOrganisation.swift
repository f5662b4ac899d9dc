import Foundation
import HeraldCore

/// The small organisation every rule example is audited in: the City of Fairhaven with a Parks department
/// (strict standards) under City Hall, and a Library whose only standard forbids "Official account of".
/// City Hall names the escalation contact both inherit; Jane Doe maintains Parks, Mei Chen City Hall and
/// the Library.
public enum ExampleOrganisation {
    public static let asOf = CalendarDate("2026-11-24")!

    public static let herald = """
        organisation: City of Fairhaven
        official_domains: [fairhaven.gov]
        standards:
          min_owners: 2
          review_every_days: 365

        """

    public static let people = """
        - {id: jdoe, name: Jane Doe, email: jane.doe@fairhaven.gov, unit: parks, policy_acknowledged: 2026-03-02}
        - {id: asmith, name: Alex Smith, email: alex.smith@fairhaven.gov, unit: parks, policy_acknowledged: 2026-01-15}
        - {id: mchen, name: Mei Chen, email: mei.chen@fairhaven.gov, unit: city-hall, policy_acknowledged: 2026-05-20}
        - {id: bleft, name: Bo Left, email: bo.left@fairhaven.gov, unit: parks, active: false}

        """

    public static let units: [String: String] = [
        "city-hall": """
            id: city-hall
            name: City Hall
            maintainers: [mchen]
            escalation: safety@fairhaven.gov

            """,
        "parks": """
            id: parks
            name: Parks and Recreation Department
            aliases: [Fairhaven Parks, Parks Dept]
            parent: city-hall
            maintainers: [jdoe]
            standards:
              review_every_days: 180
              platforms: [x, instagram, facebook]
              handle_pattern: "^fairhaven"
              bio_must_include: ["Not monitored 24/7"]
              require_archiving: true

            """,
        "library": """
            id: library
            name: Fairhaven Public Library
            aliases: [Library]
            parent: city-hall
            maintainers: [mchen]
            standards:
              bio_must_not_include: ["Official account of"]

            """,
    ]

    /// An account of the Parks department that passes every rule, as key/value lines.
    static let passingAccount: [(key: String, value: String)] = [
        ("platform", "instagram"),
        ("handle", "fairhavenparks"),
        ("url", "https://www.instagram.com/fairhavenparks/"),
        ("unit", "parks"),
        ("name", "Fairhaven Parks"),
        ("bio", "\"Official account of the Parks and Recreation Department, City of Fairhaven. Not monitored 24/7.\""),
        ("owners", "[jdoe, asmith]"),
        ("status", "active"),
        ("created", "2019-04-02"),
        ("last_reviewed", "2026-06-01"),
        ("archiving", "Smarsh"),
        ("two_factor", "true"),
        ("credentials", "\"1Password: Comms / Fairhaven Parks Instagram\""),
        ("recovery_email", "social@fairhaven.gov"),
        ("last_post", "2026-11-20"),
    ]

    /// The Parks unit file with `lines` added to its standards (each `key: value`).
    public static func parks(standards lines: String...) -> [String: String] {
        ["parks": units["parks"]! + lines.map { "  \($0)\n" }.joined()]
    }

    /// The Parks unit with its standards but for the platforms and the handle pattern: for examples of
    /// accounts on any platform, with any handle.
    public static let anyPlatform: [String: String] = [
        "parks": units["parks"]!.replacingOccurrences(of: "  platforms: [x, instagram, facebook]\n", with: "")
            .replacingOccurrences(of: "  handle_pattern: \"^fairhaven\"\n", with: ""),
    ]

    /// The inventory of the example, with `example` as one of its account files.
    /// Git's record of the example's file as an audit reads it, or nil when the example has none. Commit
    /// ids are made from the date (`e20260520001`): examples have no repository.
    public static func history(of example: Example) -> ReviewHistory? {
        guard let history = example.history else { return nil }
        let commits = history.commits.enumerated().map { index, commit in
            ReviewHistory.Commit(id: "e" + commit.date.filter(\.isNumber) + String(format: "%03d", index + 1), authorDate: CalendarDate(commit.date)!,
                                 committerDate: CalendarDate(commit.date)!, reviewers: commit.reviewedBy)
        }
        let file = ReviewHistory.File(lastChange: commits.first, reviews: commits.filter { !$0.reviewers.isEmpty }, isUncommitted: history.isUncommitted)
        return ReviewHistory(files: [example.file: file])
    }

    public static func sources(with example: Example) -> InventorySources {
        func file(_ path: String, _ text: String) -> InventorySources.File { .init(path: "Inventory/" + path, text: text) }
        func account(_ path: String, _ text: String) -> InventorySources.AccountFile {
            let parts = path.split(separator: "/").map(String.init)
            return .init(path: "Inventory/accounts/" + path, folder: parts.count > 1 ? parts[0] : nil,
                         fileName: parts.last ?? path, content: .bytes(Array(text.utf8)))
        }
        var people = example.people ?? people
        var units = units.merging(example.units) { $1 }
        var accounts = (example.alongside + example.alongsideImpostors).map { account($0.path, $0.yaml) }
        var impostors: InventorySources.File?
        var settings = herald
        switch example.subject {
        case .account: accounts.insert(account(example.path, example.text), at: 0)
        case .people: people = example.text
        case let .unit(id): units[id] = example.text
        case .impostors: impostors = file("impostors.yaml", example.text)
        case .export: break
        case .settingsWithoutAccounts: settings = example.text
        }
        if example.subject != .account && example.subject != .settingsWithoutAccounts {
            let passing = Example.account()
            accounts.append(account(passing.path, passing.text))
        }
        return InventorySources(
            organisation: file("herald.yaml", settings + (example.reviewsFromGit ? "reviews_from_git: true\n" : "")), people: file("people.yaml", people),
            units: units.keys.sorted().map { file("units/\($0).yaml", units[$0]!) },
            impostors: impostors,
            accounts: accounts)
    }
}
