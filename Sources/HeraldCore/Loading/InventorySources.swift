/// The files of an inventory before parsing: read from disk by `InventoryReader`, or given in memory
/// (rule examples, tests).
public struct InventorySources: Sendable {
    /// One file's name as shown to users and its bytes.
    public struct File: Sendable {
        public let path: String
        public let bytes: [UInt8]

        public init(path: String, bytes: [UInt8]) {
            self.path = path
            self.bytes = bytes
        }

        public init(path: String, text: String) {
            self.init(path: path, bytes: Array(text.utf8))
        }
    }

    /// An account file: its place in `accounts/` and where its bytes come from.
    public struct AccountFile: Sendable {
        public enum Content: Sendable {
            case bytes([UInt8])
            /// Read when parsed, so reading happens on the parsing threads.
            case disk(String)
            /// The file may not be read (a link out of the inventory); this says why.
            case refused(Problem)
            /// Parsed already, from the same bytes at the same path: a file a commit holds as the working
            /// tree does (`herald check --changed-since`), parsed once for both audits.
            case parsed(Account)
        }

        public let path: String
        /// The unit folder under `accounts/`, or nil when the file is not in one.
        public let folder: String?
        public let fileName: String
        public let content: Content

        public init(path: String, folder: String?, fileName: String, content: Content) {
            self.path = path
            self.folder = folder
            self.fileName = fileName
            self.content = content
        }
    }

    /// Account files that are found and read together: a folder on disk is listed on the same thread
    /// that parses its files, so listing 2,000 folders overlaps with parsing instead of preceding it.
    public struct AccountGroup: Sendable {
        /// The group's files, in order; listing a folder happens when this is called.
        public let files: @Sendable () -> [AccountFile]

        public init(files: @escaping @Sendable () -> [AccountFile]) {
            self.files = files
        }
    }

    public var organisation: File
    public var people: File
    public var units: [File]
    /// `impostors.yaml`, when the inventory has one.
    public var impostors: File?
    /// In file order: the accounts of the registry are these groups' files, one group after the other.
    public var accountGroups: [AccountGroup]

    public init(organisation: File, people: File, units: [File], impostors: File? = nil, accountGroups: [AccountGroup]) {
        self.organisation = organisation
        self.people = people
        self.units = units
        self.impostors = impostors
        self.accountGroups = accountGroups
    }

    /// Sources whose account files are all known already (in memory, or listed).
    public init(organisation: File, people: File, units: [File], impostors: File? = nil, accounts: [AccountFile]) {
        self.init(organisation: organisation, people: people, units: units, impostors: impostors,
                  accountGroups: accounts.map { file in AccountGroup { [file] } })
    }
}

/// The audit cannot run: an organisation file is broken or the inventory is missing. Each problem is one
/// line to fix.
public struct InventoryError: Error, Sendable, CustomStringConvertible {
    public let problems: [Problem]
    /// True when the inventory folder itself is missing or not a folder (the caller knows how the user
    /// names it, and can say how to name the right one).
    public let inventoryNotFound: Bool

    public init(problems: [Problem], inventoryNotFound: Bool = false) {
        self.problems = problems
        self.inventoryNotFound = inventoryNotFound
    }

    public var description: String { problems.map(\.description).joined(separator: "\n") }
}
