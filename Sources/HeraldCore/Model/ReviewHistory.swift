/// What git records of the account files (`herald audit --git`): for each file, the last commit that
/// changed it and the commits that changed it with a `Reviewed-by:` trailer. Review dates typed in a file
/// can say anything; these cannot be back-dated without rewriting history.
public struct ReviewHistory: Sendable {
    /// One commit as the rules see it.
    public struct Commit: Sendable, Equatable {
        /// The commit id's first 12 hexadecimal digits, as messages show it.
        public let id: String
        /// When the change was written: the author date, as a calendar date in the author's own time
        /// zone. A rebase or a cherry-pick keeps it.
        public let authorDate: CalendarDate
        /// When the commit was made (or last rebased), in the committer's own time zone.
        public let committerDate: CalendarDate
        /// The values of its `Reviewed-by:` trailers, as written: `Jane Doe <jane.doe@fairhaven.gov>`,
        /// `jdoe`.
        public let reviewers: [String]

        public init(id: String, authorDate: CalendarDate, committerDate: CalendarDate, reviewers: [String]) {
            self.id = id
            self.authorDate = authorDate
            self.committerDate = committerDate
            self.reviewers = reviewers
        }

        /// The later of the two dates: the last day the commit could have recorded something. A review
        /// typed in Auckland and committed by someone in London on what is still the day before there
        /// is not a review "no commit recorded".
        public var latestDate: CalendarDate { max(authorDate, committerDate) }
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
