/// What git records of the account files (`herald audit --git`): for each file, the last commit that
/// changed it and the commits that changed it with a `Reviewed-by:` trailer. Review dates typed in a file
/// can say anything; these cannot be back-dated without rewriting history.
public struct ReviewHistory: Sendable {
    /// One commit as the rules see it.
    public struct Commit: Sendable, Equatable {
        /// The commit id's first 12 hexadecimal digits, as messages show it.
        public let id: String
        /// The committer date, as a calendar date in the committer's own time zone.
        public let date: CalendarDate
        /// The values of its `Reviewed-by:` trailers, as written: `Jane Doe <jane.doe@fairhaven.gov>`,
        /// `jdoe`.
        public let reviewers: [String]

        public init(id: String, date: CalendarDate, reviewers: [String]) {
            self.id = id
            self.date = date
            self.reviewers = reviewers
        }
    }

    /// One account file's history.
    public struct File: Sendable {
        /// The newest commit that changed the file; nil when no commit has it yet.
        public var lastChange: Commit?
        /// The commits that changed the file and carry a `Reviewed-by:` trailer, newest first.
        public var reviews: [Commit] = []
        /// True when the working tree holds the file otherwise than the last commit (edited, or new):
        /// what it says is not recorded yet.
        public var isUncommitted = false

        public init(lastChange: Commit? = nil, reviews: [Commit] = [], isUncommitted: Bool = false) {
            self.lastChange = lastChange
            self.reviews = reviews
            self.isUncommitted = isUncommitted
        }
    }

    /// By the file's path as findings show it (`Inventory/accounts/parks/x-fairhavenparks.yaml`).
    public let files: [String: File]

    public init(files: [String: File]) {
        self.files = files
    }

    /// The file's history; a file git does not know is an uncommitted one.
    public func file(_ path: String) -> File {
        files[path] ?? File(isUncommitted: true)
    }
}
