/// An account list exported from the organisation's social media management tool or a platform's
/// business manager (`herald reconcile`, `herald audit --export`): what the tools actually hold, to
/// reconcile with the registry. Read by `HeraldExports`; findings point at a row and a column of it (a
/// finding's line is the row, the header being row 1; its column is the column's number).
public struct ToolExport: Sendable {
    /// One account of the export.
    public struct Row: Sendable {
        /// The row's number as a spreadsheet counts it: the header is row 1.
        public let row: Int
        /// The line of the file the row starts on (a field with a line break makes a row span lines).
        public let line: Int
        public let platform: Platform?
        public let handle: String?
        public let url: String?
        public let name: String?
        public let bio: String?
        /// E-mail addresses with access to the account in the tool, lower case.
        public let admins: [String]
        public let lastPost: String?
        /// The connection status as the export says it.
        public let status: String?
        /// True when `status` is one the mapping calls disconnected.
        public let disconnected: Bool
        /// The column number of each field found (`handle`, `url`, `bio`, `admins`, `status`, …), for
        /// the place of a finding.
        public let columns: [String: Int]

        public init(row: Int, line: Int? = nil, platform: Platform?, handle: String?, url: String?, name: String?, bio: String?, admins: [String],
                    lastPost: String?, status: String?, disconnected: Bool, columns: [String: Int]) {
            self.row = row
            self.line = line ?? row
            self.platform = platform
            self.handle = handle
            self.url = url
            self.name = name
            self.bio = bio
            self.admins = admins
            self.lastPost = lastPost
            self.status = status
            self.disconnected = disconnected
            self.columns = columns
        }

        /// The identity keys of the account the row names, by its handle and its url
        /// (`AccountIdentifiers.identityKeys`); empty when neither names an account of its platform.
        public var identityKeys: [String] {
            guard let platform else { return [] }
            return AccountLookup.keys(platform: platform, handle: handle, url: url)
        }

        /// Where a finding about `field` points: the row's line, and the field's column number (the first
        /// column when absent).
        public func place(_ field: String) -> SourceLocation {
            SourceLocation(line: line, column: columns[field] ?? columns["handle"] ?? columns["url"] ?? 1)
        }

        /// `x @FairhavenParks` (the handle, or the name the url gives), else the url, for messages.
        public var shown: String {
            if let platform, let handle { return "\(platform.rawValue) @\(AccountIdentifiers.bare(handle))" }
            if let platform, let url, let identifier = AccountLookup.name(platform: platform, url: url) {
                return "\(platform.rawValue) @\(identifier)"
            }
            return url ?? "(a row without handle or url)"
        }
    }

    /// The export's path as given.
    public let file: String
    public let rows: [Row]

    public init(file: String, rows: [Row]) {
        self.file = file
        self.rows = rows
    }
}
