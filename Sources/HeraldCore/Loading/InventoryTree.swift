/// The files of an inventory as a git commit stores them (`herald check --changed-since`), found by the
/// rules `InventoryReader` follows on disk, so that both audits see the same registry for the same files:
/// `herald.yaml` and `people.yaml` at the top, unit files in `units/`, account files in
/// `accounts/<unit>/` (files elsewhere under `accounts/` listed so that the schema rule reports them),
/// hidden names skipped, names sorted, the same size limits.
public enum InventoryTree {
    /// One entry of the tree: a file (its bytes) or a symbolic link (git stores its target, which Herald
    /// does not follow in a commit).
    public struct Entry: Sendable {
        /// `/`-separated, relative to the inventory folder: `accounts/parks/x-fairhavenparks.yaml`.
        public let path: String
        public let isLink: Bool
        public let bytes: [UInt8]

        public init(path: String, isLink: Bool, bytes: [UInt8]) {
            self.path = path
            self.isLink = isLink
            self.bytes = bytes
        }
    }

    /// The paths of a tree worth reading: the organisation files, unit files and everything under
    /// `accounts/` (a tree may hold other files, which are never fetched).
    public static func isWanted(_ path: String) -> Bool {
        path == "herald.yaml" || path == "people.yaml" || path.hasPrefix("units/") || path.hasPrefix("accounts/")
    }

    /// The sources of the inventory in `entries`, paths shown as `root/…` as on disk.
    /// - Throws: `InventoryError` when `herald.yaml` or `people.yaml` is missing or is not a file, or when
    ///   `units/` or `accounts/` is missing: as the same inventory on disk would.
    public static func sources(root: String, entries: [Entry]) throws(InventoryError) -> InventorySources {
        let display = root.count > 1 && root.hasSuffix("/") ? String(root.dropLast()) : root
        func path(_ relative: String) -> String { display + "/" + relative }
        var problems: [Problem] = []
        let visible = entries.filter { !$0.path.split(separator: "/").contains { $0.hasPrefix(".") } }
        var byPath: [String: Entry] = [:]
        for entry in visible { byPath[entry.path] = entry }

        func required(_ name: String) -> InventorySources.File? {
            guard let entry = byPath[name] else {
                problems.append(Problem(file: path(name), location: .startOfFile, message: "\(name) is missing: every inventory needs it (see docs/inventory-format.md)"))
                return nil
            }
            if let refusal = refusal(of: entry, limit: FileLimits.organisationFileBytes, what: "an organisation file") {
                problems.append(Problem(file: path(name), location: .startOfFile, message: refusal))
                return nil
            }
            return InventorySources.File(path: path(name), bytes: entry.bytes)
        }
        let organisation = required("herald.yaml")
        let people = required("people.yaml")
        for folder in ["units", "accounts"] where !visible.contains(where: { $0.path.hasPrefix(folder + "/") }) {
            problems.append(Problem(file: path(folder), location: .startOfFile,
                                    message: "the \(folder)/ folder is missing: every inventory needs it (see docs/inventory-format.md)"))
        }

        var units: [InventorySources.File] = []
        for entry in visible.filter({ $0.path.hasPrefix("units/") && !$0.path.dropFirst(6).contains("/") && isYAML(name(of: $0.path)) })
            .sorted(by: { $0.path < $1.path }) {
            if let refusal = refusal(of: entry, limit: FileLimits.organisationFileBytes, what: "an organisation file") {
                problems.append(Problem(file: path(entry.path), location: .startOfFile, message: refusal))
            } else {
                units.append(InventorySources.File(path: path(entry.path), bytes: entry.bytes))
            }
        }
        guard problems.isEmpty, let organisation, let people else { throw InventoryError(problems: problems) }

        // Account files, grouped by the first name under accounts/ as the disk reader groups them, each
        // level sorted by name.
        var groups: [String: [Entry]] = [:]
        for entry in visible where entry.path.hasPrefix("accounts/") {
            groups[String(entry.path.dropFirst(9).split(separator: "/")[0]), default: []].append(entry)
        }
        let accountGroups = groups.keys.sorted().map { top -> InventorySources.AccountGroup in
            let files = accountFiles(groups[top]!, path: path)
            return InventorySources.AccountGroup { files }
        }
        return InventorySources(organisation: organisation, people: people, units: units, accountGroups: accountGroups)
    }

    /// The account files of one group: what the disk reader lists for the same files and folders.
    private static func accountFiles(_ entries: [Entry], path: (String) -> String) -> [InventorySources.AccountFile] {
        var files: [InventorySources.AccountFile] = []
        var refusedFolders = Set<String>()
        // Sorted component by component, as a walk of sorted folders lists them.
        let sorted = entries.sorted { $0.path.split(separator: "/").lexicographicallyPrecedes($1.path.split(separator: "/")) { $0 < $1 } }
        for entry in sorted {
            let parts = entry.path.split(separator: "/").map(String.init)  // accounts, …, name
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
            let looksLikeAccount = isYAML(name) || looksLikeMisnamedYAML(name)
            guard looksLikeAccount else { continue }
            func refused(_ message: String) {
                files.append(.init(path: path(entry.path), folder: unitFolder, fileName: name,
                                   content: .refused(Problem(file: path(entry.path), location: .startOfFile, message: message))))
            }
            if !isYAML(name) {
                refused("this looks like an account file but its name does not end in .yaml, so it is not read: rename it to end in .yaml, or delete it")
            } else if let refusal = refusal(of: entry, limit: FileLimits.accountFileBytes, what: "an account file") {
                refused(refusal)
            } else {
                files.append(.init(path: path(entry.path), folder: unitFolder, fileName: name, content: .bytes(entry.bytes)))
            }
        }
        return files
    }

    /// Why an entry is not read, or nil when it is.
    private static func refusal(of entry: Entry, limit: Int, what: String) -> String? {
        if entry.isLink {
            return "this is a symbolic link, which Herald does not follow in a git commit: replace it with the file itself"
        }
        guard entry.bytes.count <= limit else {
            return FileBytes.Failure(.tooLarge(bytes: entry.bytes.count), reason: "").message(what: what, limit: limit)
        }
        return nil
    }

    private static func name(of path: String) -> String {
        path.split(separator: "/").last.map(String.init) ?? path
    }

    private static func isYAML(_ name: String) -> Bool {
        let lowered = name.lowercased()
        return lowered.hasSuffix(".yaml") || lowered.hasSuffix(".yml")
    }

    private static func looksLikeMisnamedYAML(_ name: String) -> Bool {
        let lowered = name.lowercased()
        return lowered.contains(".yaml") || lowered.contains(".yml")
    }
}
