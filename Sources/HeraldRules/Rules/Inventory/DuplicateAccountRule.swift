import HeraldCore

/// No two files may register the same account.
public struct DuplicateAccountRule: Rule {
    public static let description = RuleDescription(
        id: "duplicate-account",
        summary: "Each account is registered once",
        rationale: """
            Two files for one account (the same platform and handle, in any letter case) disagree sooner \
            or later about its owners, bio or status, and nobody knows which one is true.
            """,
        severity: .error,
        appliesToRetired: true,
        passing: [
            .account(alongside: [.init(path: "parks/x-fairhavenparks.yaml", yaml: "platform: x\nhandle: FairhavenParks\nurl: https://x.com/FairhavenParks\nunit: parks\nstatus: active\n")]),
        ],
        failing: [
            .account(["handle": "↓fairhavenparks"], alongside: [
                .init(path: "library/instagram-fairhavenparks.yaml",
                      yaml: "platform: instagram\nhandle: FairhavenParks\nurl: https://www.instagram.com/fairhavenparks/\nunit: library\nstatus: active\n"),
            ]),
        ])

    public init() {}

    public func check(_ account: Account, in context: AuditContext) -> [Violation] {
        guard let identity = account.identity, let handle = account.handle,
              let files = context.filesByIdentity[identity], files.count > 1 else { return [] }
        let others = files.filter { $0 != account.file }
        return [Violation(at: handle.location,
                          "\(identity) is also registered in \(others.joined(separator: ", ")): keep one file for the account and delete the other",
                          field: "handle")]
    }
}
