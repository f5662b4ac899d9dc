import HeraldCore

/// No two files may register the same account.
public struct DuplicateAccountRule: Rule {
    public static let description = RuleDescription(
        id: "duplicate-account",
        summary: "Each account is registered once",
        rationale: """
            Two files for one account disagree sooner or later about its owners, bio or status, and nobody \
            knows which one is true. Accounts are compared by what identifies them on the platform: the \
            handle, in any letter case where the platform ignores case (every platform's names do; ids such \
            as YouTube channel ids do not), a leading `@` ignored, and the stable id (`channel_id`, \
            `page_id`, `did`, or a handle that is one). Two files whose stable ids differ register two accounts \
            even when their names are alike: a YouTube legacy username and a handle of the same text may be \
            two channels'. The message names at most \(Self.filesNamed) other \
            files and counts the rest.
            """,
        severity: .error,
        appliesToRetired: true,
        passing: [
            .account(alongside: [.init(path: "parks/x-fairhavenparks.yaml", yaml: "platform: x\nhandle: FairhavenParks\nurl: https://x.com/FairhavenParks\nunit: parks\nstatus: active\n")]),
            .account(["platform": "youtube", "handle": "UCxAbCdEfGhIjKlMnOpQrStU", "url": "https://www.youtube.com/channel/UCxAbCdEfGhIjKlMnOpQrStU"], alongside: [
                .init(path: "library/youtube-ucxabcdefghijklmnopqrstu.yaml",
                      yaml: "platform: youtube\nhandle: UCxAbCdEfGhIjKlMnOpQrStu\nurl: https://www.youtube.com/channel/UCxAbCdEfGhIjKlMnOpQrStu\nunit: library\nstatus: active\n"),
            ], units: ExampleOrganisation.anyPlatform),
            .account(["platform": "youtube", "handle": "FairhavenParks", "url": "https://www.youtube.com/user/FairhavenParks", "channel_id": "UCxAbCdEfGhIjKlMnOpQrStU"], alongside: [
                .init(path: "library/youtube-fairhavenparks.yaml",
                      yaml: "platform: youtube\nhandle: FairhavenParks\nurl: https://www.youtube.com/@FairhavenParks\nchannel_id: UCzZyYxXwWvVuUtTsSrRqQpP\nunit: library\nstatus: active\n"),
            ], units: ExampleOrganisation.anyPlatform),
        ],
        failing: [
            .account(["handle": "↓fairhavenparks"], alongside: [
                .init(path: "library/instagram-fairhavenparks.yaml",
                      yaml: "platform: instagram\nhandle: FairhavenParks\nurl: https://www.instagram.com/fairhavenparks/\nunit: library\nstatus: active\n"),
            ]),
            .account(["platform": "youtube", "handle": "↓FairhavenParks", "url": "https://www.youtube.com/user/FairhavenParks", "channel_id": "UCxAbCdEfGhIjKlMnOpQrStU"], alongside: [
                .init(path: "library/youtube-ucxabcdefghijklmnopqrstu.yaml",
                      yaml: "platform: youtube\nhandle: UCxAbCdEfGhIjKlMnOpQrStU\nurl: https://www.youtube.com/channel/UCxAbCdEfGhIjKlMnOpQrStU\nunit: library\nstatus: active\n"),
            ]),
        ])

    /// How many other files a message names before it counts the rest: a message stays small whatever
    /// the registry's size.
    static let filesNamed = 3

    public init() {}

    public func check(_ account: Account, in context: AuditContext) -> [Violation] {
        // Nearly every account shares no key with another file: settled with one lookup per key.
        guard let handle = account.handle, account.identityKeys.contains(where: { context.filesByIdentity[$0] != nil }) else { return [] }
        var others: [String] = []
        var seen: Set<String> = [account.file]
        let ownID = context.stableIDsByFile[account.file]
        for key in account.identityKeys {
            for file in context.filesByIdentity[key] ?? [] where seen.insert(file).inserted {
                // Both files name the account's permanent id, and the ids differ: two accounts.
                if let ownID, let otherID = context.stableIDsByFile[file], ownID != otherID { continue }
                others.append(file)
            }
        }
        guard !others.isEmpty, let identity = account.identity else { return [] }
        let named = others.prefix(Self.filesNamed).joined(separator: ", ")
        let rest = others.count > Self.filesNamed ? " and \(others.count - Self.filesNamed) more files" : ""
        return [Violation(at: handle.location,
                          "\(identity) is also registered in \(named)\(rest): keep one file for the account and delete the other",
                          field: "handle")]
    }
}
