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

    public var organisation: File
    public var people: File
    public var units: [File]
    public var accounts: [AccountFile]

    public init(organisation: File, people: File, units: [File], accounts: [AccountFile]) {
        self.organisation = organisation
        self.people = people
        self.units = units
        self.accounts = accounts
    }
}

/// The audit cannot run: an organisation file is broken or the inventory is missing. Each problem is one
/// line to fix.
public struct InventoryError: Error, Sendable, CustomStringConvertible {
    public let problems: [Problem]

    public init(problems: [Problem]) {
        self.problems = problems
    }

    public var description: String { problems.map(\.description).joined(separator: "\n") }
}
