/// Finds and reads the files of an inventory folder on disk. Organisation files are read here; account
/// files are listed and read later, in parallel, while they are parsed.
enum InventoryReader {
    static func sources(root: String) throws(InventoryError) -> InventorySources {
        let display = root.count > 1 && root.hasSuffix("/") ? String(root.dropLast()) : root
        let kind = FileBytes.kind(display, followingLinks: true)
        guard kind == .directory, let realRoot = FileBytes.resolved(display) else {
            let what = kind == .missing ? "the inventory folder does not exist" : "this is not a folder"
            throw InventoryError(problems: [Problem(file: display, location: .startOfFile, message: what)], inventoryNotFound: true)
        }
        var walker = Walker(display: display, realRoot: realRoot)
        let organisation = walker.requiredFile("herald.yaml")
        let people = walker.requiredFile("people.yaml")
        let units = walker.unitFiles()
        let impostors = walker.optionalFile("impostors.yaml")
        let accounts = walker.accountGroups()
        guard walker.problems.isEmpty, let organisation, let people else { throw InventoryError(problems: walker.problems) }
        return InventorySources(organisation: organisation, people: people, units: units, impostors: impostors, accountGroups: accounts)
    }
}

/// Walks an inventory folder on disk; its rules for file names serve `InventoryTree` too.
struct Walker: Sendable {
    let display: String
    let realRoot: String
    var problems: [Problem] = []

    init(display: String, realRoot: String) {
        self.display = display
        self.realRoot = realRoot
    }

    func path(_ relative: String) -> String { display + "/" + relative }

    /// Whether `name` ends in `.yaml` or `.yml`, in any letter case. An ASCII name (nearly every one) is
    /// settled by its last bytes, without the lower-cased copy other names are compared through.
    static func isYAML(_ name: String) -> Bool {
        var name = name
        let ascii = name.withUTF8 { bytes -> Bool? in
            guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
            return yamlExtensionLength(ofASCII: bytes) > 0
        }
        if let ascii { return ascii }
        let lowered = name.lowercased()
        return lowered.hasSuffix(".yaml") || lowered.hasSuffix(".yml")
    }

    /// The length of the `.yaml` or `.yml` (in any letter case) that the ASCII file name `name` ends in, in
    /// bytes: 5, 4, or 0 when it ends in neither.
    static func yamlExtensionLength(ofASCII name: UnsafeBufferPointer<UInt8>) -> Int {
        if name.count >= 5 && ASCIICase.equal(name[(name.count - 5)...], ".yaml".utf8) { return 5 }
        if name.count >= 4 && ASCIICase.equal(name[(name.count - 4)...], ".yml".utf8) { return 4 }
        return 0
    }

    /// What an entry of the inventory is. Links are followed only to files inside the inventory.
    enum Entry {
        case file, directory
        /// A named pipe, a socket or a device: never opened (opening a pipe would wait for a writer).
        case special(FileBytes.Kind)
        /// Not read; the message says why and what to do.
        case refused(String)
    }

    func entry(_ relative: String, listedKind: FileBytes.Kind? = nil) -> Entry {
        switch listedKind ?? FileBytes.kind(path(relative)) {
        case .file: return .file
        case .directory: return .directory
        case .link: break
        case .missing: return .refused("this could not be examined (it disappeared while the inventory was read, or its name cannot be used): check the folder")
        case let kind: return .special(kind)
        }
        let full = path(relative)
        guard let target = FileBytes.resolved(full) else {
            return .refused("this is a broken link (what it points to does not exist): replace it with the file itself")
        }
        guard target == realRoot || target.hasPrefix(realRoot + "/") else {
            return .refused("this is a link to a place outside the inventory folder, which Herald does not follow: replace it with the file itself")
        }
        switch FileBytes.kind(target) {
        case .file: return .file
        case .directory: return .refused("this is a link to a folder, which Herald does not follow: put the account files in a real folder")
        case let kind: return .special(kind)
        }
    }

    func refusal(_ relative: String, _ message: String) -> Problem {
        Problem(file: path(relative), location: .startOfFile, message: message)
    }

    mutating func requiredFile(_ relative: String) -> InventorySources.File? {
        switch fileContents(relative) {
        case let .success(file)?: return file
        case let .failure(problem)?: problems.append(problem)
        case nil:
            problems.append(Problem(file: path(relative), location: .startOfFile,
                message: "\(relative) is missing: every inventory needs it (see docs/inventory-format.md)"))
        }
        return nil
    }

    /// The file at `relative` when there is one; nil, and no problem, when there is none.
    mutating func optionalFile(_ relative: String) -> InventorySources.File? {
        switch fileContents(relative) {
        case let .success(file)?: return file
        case let .failure(problem)?: problems.append(problem)
        case nil: break
        }
        return nil
    }

    /// The file's bytes, why it cannot be read, or nil when there is nothing at `relative`.
    func fileContents(_ relative: String) -> Result<InventorySources.File, Problem>? {
        guard FileBytes.kind(path(relative)) != .missing else { return nil }
        switch entry(relative) {
        case let .refused(message): return .failure(refusal(relative, message))
        case let .special(kind): return .failure(refusal(relative, FileBytes.Failure.notAFile(kind)))
        case .directory: return .failure(refusal(relative, "this is a folder, not a file: an organisation file must be a file"))
        case .file: break
        }
        do {
            return .success(InventorySources.File(path: path(relative), bytes: try FileBytes.read(path(relative), limit: FileLimits.organisationFileBytes)))
        } catch {
            return .failure(refusal(relative, error.message(what: "an organisation file", limit: FileLimits.organisationFileBytes)))
        }
    }

    static let nameNotUTF8 = "the file name is not UTF-8 text (shown here with � for each byte that is not), so it cannot be read or named in reports: rename it"

    mutating func entries(_ relative: String) -> [FileBytes.Entry] {
        guard case .directory = entry(relative) else {
            problems.append(Problem(file: path(relative), location: .startOfFile,
                message: "the \(relative)/ folder is missing: every inventory needs it (see docs/inventory-format.md)"))
            return []
        }
        do {
            return try FileBytes.visibleEntries(path(relative))
        } catch {
            problems.append(Problem(file: path(relative), location: .startOfFile, message: "the folder could not be read (\(error.reason))"))
            return []
        }
    }

    /// Unit files, read in parallel (a large organisation has thousands).
    mutating func unitFiles() -> [InventorySources.File] {
        let listed = entries("units").filter { Walker.isYAML($0.name) }
        for entry in listed where !entry.nameIsUTF8 { problems.append(refusal("units/" + entry.name, Walker.nameNotUTF8)) }
        let names = listed.filter(\.nameIsUTF8).map(\.name)
        let results = ParallelMap.map(names, chunkSize: 16) { [self] name in fileContents("units/" + name) }
        var files: [InventorySources.File] = []
        for result in results {
            switch result {
            case let .success(file)?: files.append(file)
            case let .failure(problem)?: problems.append(problem)
            case nil: continue
            }
        }
        return files
    }

    /// Account files sit in `accounts/<unit>/`; YAML files anywhere else under `accounts/` are listed
    /// too, so the schema rule can tell their owners to move them rather than silently skip them.
    mutating func accountGroups() -> [InventorySources.AccountGroup] {
        // git keeps no empty folder: a registry whose accounts/ is empty has none in a clone. That is an
        // inventory without accounts (rule inventory-has-accounts), not a broken one.
        if FileBytes.kind(path("accounts")) == .missing { return [] }
        return entries("accounts").map { [self] entry in
            InventorySources.AccountGroup {
                var files: [InventorySources.AccountFile] = []
                appendFiles(at: "accounts/" + entry.name, entry: entry, unitFolder: nil, depth: 0, to: &files)
                return files
            }
        }
    }

    /// Appends the account files at `relative` to `files`: the file itself, or the files in the folder and
    /// below it. What cannot be read, or looks like an account file but would be skipped, is appended as a
    /// refused file so the schema rule reports it: nothing under accounts/ drops out of the audit unnoticed.
    ///
    /// Appended to `files` rather than returned: a list of one for each of 100,000 files was an allocation
    /// each.
    private func appendFiles(at relative: String, entry listed: FileBytes.Entry, unitFolder: String?, depth: Int,
                             parentFolder: Int32? = nil, to files: inout [InventorySources.AccountFile]) {
        let name = listed.name
        func refused(_ message: String) {
            files.append(.init(path: path(relative), folder: unitFolder, fileName: name, content: .refused(refusal(relative, message))))
        }
        // Every file of the registry passes here: its name is lower-cased and its path built only where
        // needed (they were a tenth of the audit's allocations).
        let isYAML = Walker.isYAML(name)
        var looksLikeAccount: Bool { isYAML || Walker.looksLikeMisnamedYAML(name) }
        guard listed.nameIsUTF8 else {
            if looksLikeAccount || listed.kind == .directory { refused(Walker.nameNotUTF8) }
            return
        }
        switch entry(relative, listedKind: listed.kind) {
        case let .refused(message):
            refused(message)
        case let .special(kind):
            // A pipe, socket or device named like an account file would otherwise drop out of the audit unseen.
            if looksLikeAccount { refused(FileBytes.Failure.notAFile(kind)) }
        case .file where isYAML:
            let content: InventorySources.AccountFile.Content
            if let parentFolder, let bytes = try? FileBytes.read(name, inFolder: parentFolder, limit: FileLimits.accountFileBytes) {
                content = .bytes(bytes)
            } else {
                content = .disk(path(relative))  // read again by path, which reports why it fails
            }
            files.append(.init(path: path(relative), folder: unitFolder, fileName: name, content: content))
        case .file where Walker.looksLikeMisnamedYAML(name):
            refused("this looks like an account file but its name does not end in .yaml, so it is not read: rename it to end in .yaml, or delete it")
        case .directory where depth >= 3:
            refused("folders this deep are not read: account files belong directly in accounts/<unit-id>/")
        case .directory:
            do {
                let entries = try FileBytes.visibleEntries(path(relative))
                let folder = FileBytes.openFolder(path(relative))
                defer { folder.map(FileBytes.closeFolder) }
                // Only files directly in accounts/<unit>/ belong to that unit; deeper ones are reported as misplaced.
                for entry in entries {
                    appendFiles(at: relative + "/" + entry.name, entry: entry, unitFolder: depth == 0 ? name : nil, depth: depth + 1,
                                parentFolder: folder, to: &files)
                }
            } catch {
                refused("the folder could not be read (\(error.reason)): check its permissions")
            }
        case .file:
            break
        }
    }

    /// `x-parks.yaml.txt`, `x-parks.yaml~`: what editors leave when they save under another name.
    static func looksLikeMisnamedYAML(_ name: String) -> Bool {
        let lowered = name.lowercased()
        return lowered.contains(".yaml") || lowered.contains(".yml")
    }
}
