/// The files of an inventory as a git commit stores them (`herald check --changed-since`), found by the
/// rules `InventoryReader` follows on disk, so that both audits see the same registry for the same files:
/// `herald.yaml` and `people.yaml` at the top, unit files in `units/`, account files in
/// `accounts/<unit>/` (files elsewhere under `accounts/` listed so that the schema rule reports them),
/// hidden names skipped, names sorted, the same size limits.
public enum InventoryTree {
    /// One entry of the tree: a file or a symbolic link (git stores its target, which Herald does not
    /// follow in a commit).
    public struct Entry: Sendable {
        /// `/`-separated, relative to the inventory folder: `accounts/parks/x-fairhavenparks.yaml`.
        public let path: String
        public let isLink: Bool
        /// Its size in bytes, as the tree lists it.
        public let size: Int
        /// Its bytes; nil for an account file the working tree holds unchanged, which is not fetched.
        public let bytes: [UInt8]?
        /// Why the file is not read, when the tree's reader knows (a link that leads outside the inventory).
        public let refusal: String?

        public init(path: String, isLink: Bool, size: Int, bytes: [UInt8]?, refusal: String? = nil) {
            self.path = path
            self.isLink = isLink
            self.size = size
            self.bytes = bytes
            self.refusal = refusal
        }
    }

    /// The paths of a tree worth reading: the organisation files, unit files and everything under
    /// `accounts/` (a tree may hold other files, which are never fetched).
    public static func isWanted(_ path: String) -> Bool {
        path == "herald.yaml" || path == "people.yaml" || path == "impostors.yaml" || path.hasPrefix("units/") || path.hasPrefix("accounts/")
    }

    /// The sources of the inventory in `entries`, paths shown as `root/…` as on disk.
    /// - Parameter workingTree: the working tree's parsed account at a path shown as `root/…`, for the
    ///   account files whose bytes are not given (unchanged); one it does not know is read from disk.
    /// - Throws: `InventoryError` when `herald.yaml` or `people.yaml` is missing or is not a file, or when
    ///   `units/` or `accounts/` is missing: as the same inventory on disk would.
    public static func sources(root: String, entries: [Entry], workingTree: (String) -> Account? = { _ in nil }) throws(InventoryError) -> InventorySources {
        let display = root.count > 1 && root.hasSuffix("/") ? String(root.dropLast()) : root
        func path(_ relative: String) -> String { display + "/" + relative }
        var problems: [Problem] = []
        // One pass: hidden names are skipped, the rest sorted into what the disk reader looks at.
        var top: [String: Entry] = [:]
        var unitEntries: [Entry] = []
        var groups: [String: [(parts: [String], entry: Entry)]] = [:]
        for entry in entries {
            // Split as UTF-8: "/" and "." are one byte each, and this runs once per file of the registry.
            let parts = entry.path.utf8.split(separator: UInt8(ascii: "/")).map { String(Substring($0)) }
            guard !parts.contains(where: { $0.utf8.first == UInt8(ascii: ".") }) else { continue }
            switch parts.first {
            case "accounts" where parts.count > 1: groups[parts[1], default: []].append((parts, entry))
            case "units" where parts.count == 2: if Walker.isYAML(parts[1]) { unitEntries.append(entry) }
            case "units": continue
            default: top[entry.path] = entry
            }
        }

        func required(_ name: String) -> InventorySources.File? {
            guard let entry = top[name] else {
                problems.append(Problem(file: path(name), location: .startOfFile, message: "\(name) is missing: every inventory needs it (see docs/inventory-format.md)"))
                return nil
            }
            if let refusal = refusal(of: entry, limit: FileLimits.organisationFileBytes, what: "an organisation file") {
                problems.append(Problem(file: path(name), location: .startOfFile, message: refusal))
                return nil
            }
            return InventorySources.File(path: path(name), bytes: entry.bytes ?? [])
        }
        let organisation = required("herald.yaml")
        let people = required("people.yaml")
        let impostors = top["impostors.yaml"] == nil ? nil : required("impostors.yaml")
        let hasUnits = !unitEntries.isEmpty || entries.contains { $0.path.utf8.starts(with: "units/".utf8) }
        // An empty accounts/ is no folder at all in git: inventory-has-accounts reports it, not the loader.
        for (folder, present) in [("units", hasUnits)] where !present {
            problems.append(Problem(file: path(folder), location: .startOfFile,
                                    message: "the \(folder)/ folder is missing: every inventory needs it (see docs/inventory-format.md)"))
        }

        var units: [InventorySources.File] = []
        for entry in unitEntries.sorted(by: { $0.path < $1.path }) {
            if let refusal = refusal(of: entry, limit: FileLimits.organisationFileBytes, what: "an organisation file") {
                problems.append(Problem(file: path(entry.path), location: .startOfFile, message: refusal))
            } else {
                units.append(InventorySources.File(path: path(entry.path), bytes: entry.bytes ?? []))
            }
        }
        guard problems.isEmpty, let organisation, let people else { throw InventoryError(problems: problems) }

        // Account groups by the first name under accounts/, as the disk reader groups them.
        let accountGroups = groups.keys.sorted().map { top -> InventorySources.AccountGroup in
            let files = accountFiles(groups[top]!, path: path, workingTree: workingTree)
            return InventorySources.AccountGroup { files }
        }
        return InventorySources(organisation: organisation, people: people, units: units, impostors: impostors, accountGroups: accountGroups)
    }

    /// The account files of one group: what the disk reader lists for the same files and folders.
    /// - Parameter entries: each entry with its path's names (`accounts`, …, the file's name).
    private static func accountFiles(_ entries: [(parts: [String], entry: Entry)], path: (String) -> String,
                                     workingTree: (String) -> Account?) -> [InventorySources.AccountFile] {
        var files: [InventorySources.AccountFile] = []
        var refusedFolders = Set<String>()
        // Sorted name by name, as a walk of sorted folders lists them.
        for (parts, entry) in entries.sorted(by: { $0.parts.lexicographicallyPrecedes($1.parts) }) {
            let depth = parts.count - 2  // accounts/x.yaml is depth 0
            // A folder four levels down is refused once, as the disk reader refuses it.
            if depth >= 4 {
                let folder = parts.prefix(5).joined(separator: "/")
                if refusedFolders.insert(folder).inserted {
                    files.append(.init(path: path(folder), folder: nil, fileName: parts[4], content: .refused(Problem(
                        file: path(folder), location: .startOfFile, message: "folders this deep are not read: account files belong directly in accounts/<unit-id>/"))))
                }
                continue
            }
            let name = parts.last!
            let unitFolder = depth == 1 ? parts[1] : nil
            let looksLikeAccount = Walker.isYAML(name) || Walker.looksLikeMisnamedYAML(name)
            guard looksLikeAccount else { continue }
            func refused(_ message: String) {
                files.append(.init(path: path(entry.path), folder: unitFolder, fileName: name,
                                   content: .refused(Problem(file: path(entry.path), location: .startOfFile, message: message))))
            }
            if !Walker.isYAML(name) {
                refused("this looks like an account file but its name does not end in .yaml, so it is not read: rename it to end in .yaml, or delete it")
            } else if let refusal = refusal(of: entry, limit: FileLimits.accountFileBytes, what: "an account file") {
                refused(refusal)
            } else if let bytes = entry.bytes {
                files.append(.init(path: path(entry.path), folder: unitFolder, fileName: name, content: .bytes(bytes)))
            } else {
                let shown = path(entry.path)
                files.append(.init(path: shown, folder: unitFolder, fileName: name, content: workingTree(shown).map { .parsed($0) } ?? .disk(shown)))
            }
        }
        return files
    }

    /// Why an entry is not read, or nil when it is.
    private static func refusal(of entry: Entry, limit: Int, what: String) -> String? {
        if let refusal = entry.refusal { return refusal }
        // An unchanged file is the working tree's, read by the disk reader's rules.
        if entry.isLink && entry.bytes != nil {
            return "this is a symbolic link, which Herald does not follow in a git commit: replace it with the file itself"
        }
        guard entry.size <= limit else {
            return FileBytes.Failure(.tooLarge(bytes: entry.size), reason: "").message(what: what, limit: limit)
        }
        return nil
    }
}
