/// Finds and reads the files of an inventory folder on disk. Organisation files are read here; account
/// files are listed and read later, in parallel, while they are parsed.
enum InventoryReader {
    static func sources(root: String) throws(InventoryError) -> InventorySources {
        let display = root.count > 1 && root.hasSuffix("/") ? String(root.dropLast()) : root
        guard FileBytes.kind(display, followingLinks: true) == .directory, let realRoot = FileBytes.resolved(display) else {
            throw InventoryError(problems: [Problem(file: display, location: .startOfFile,
                message: "the inventory folder does not exist: run herald from the repository's top folder or pass --inventory DIR")])
        }
        var walker = Walker(display: display, realRoot: realRoot)
        let organisation = walker.requiredFile("herald.yaml")
        let people = walker.requiredFile("people.yaml")
        let units = walker.unitFiles()
        let accounts = walker.accountFiles()
        guard walker.problems.isEmpty, let organisation, let people else { throw InventoryError(problems: walker.problems) }
        return InventorySources(organisation: organisation, people: people, units: units, accounts: accounts)
    }
}

private struct Walker: Sendable {
    let display: String
    let realRoot: String
    var problems: [Problem] = []

    init(display: String, realRoot: String) {
        self.display = display
        self.realRoot = realRoot
    }

    func path(_ relative: String) -> String { display + "/" + relative }

    static func isYAML(_ name: String) -> Bool {
        let lowered = name.lowercased()
        return lowered.hasSuffix(".yaml") || lowered.hasSuffix(".yml")
    }

    /// nil when `relative` is a link that leaves the inventory; otherwise its kind, links followed.
    func kind(_ relative: String) -> FileBytes.Kind? {
        let full = path(relative)
        let kind = FileBytes.kind(full)
        guard kind == .link else { return kind }
        guard let target = FileBytes.resolved(full), target == realRoot || target.hasPrefix(realRoot + "/") else { return nil }
        return FileBytes.kind(target)
    }

    func outsideLink(_ relative: String) -> Problem {
        Problem(file: path(relative), location: .startOfFile,
                message: "this is a link to a file outside the inventory folder, which Herald does not follow: replace it with the file itself")
    }

    mutating func requiredFile(_ relative: String) -> InventorySources.File? {
        guard let kind = kind(relative) else { problems.append(outsideLink(relative)); return nil }
        guard kind == .file else {
            problems.append(Problem(file: path(relative), location: .startOfFile,
                message: "\(relative) is missing: every inventory needs it (see docs/inventory-format.md)"))
            return nil
        }
        return readFile(relative)
    }

    mutating func readFile(_ relative: String) -> InventorySources.File? {
        do {
            return InventorySources.File(path: path(relative), bytes: try FileBytes.read(path(relative)))
        } catch {
            problems.append(Problem(file: path(relative), location: .startOfFile, message: "the file could not be read (\(error.reason))"))
            return nil
        }
    }

    mutating func entries(_ relative: String) -> [(name: String, kind: FileBytes.Kind?)] {
        guard kind(relative) == .directory else {
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

    mutating func unitFiles() -> [InventorySources.File] {
        entries("units").map(\.name).filter(Walker.isYAML).compactMap { name in
            let relative = "units/" + name
            guard let kind = kind(relative) else { problems.append(outsideLink(relative)); return nil }
            return kind == .file ? readFile(relative) : nil
        }
    }

    /// Account files sit in `accounts/<unit>/`; YAML files anywhere else under `accounts/` are listed
    /// too, so the schema rule can tell their owners to move them rather than silently skip them.
    mutating func accountFiles() -> [InventorySources.AccountFile] {
        let top = entries("accounts")
        // Unit folders are listed in parallel: with 100,000 accounts, listing is a tenth of the loading time.
        return ParallelMap.map(top, chunkSize: 4) { [self] entry in
            files(at: "accounts/" + entry.name, name: entry.name, listedKind: entry.kind, unitFolder: nil, depth: 0)
        }.flatMap { $0 }
    }

    /// The account files at `relative`: the file itself, or the files in the folder and below it.
    private func files(at relative: String, name: String, listedKind: FileBytes.Kind?, unitFolder: String?, depth: Int) -> [InventorySources.AccountFile] {
        switch listedKind ?? kind(relative) {
        case nil where Walker.isYAML(name):
            return [.init(path: path(relative), folder: unitFolder, fileName: name, content: .refused(outsideLink(relative)))]
        case .file? where Walker.isYAML(name):
            return [.init(path: path(relative), folder: unitFolder, fileName: name, content: .disk(path(relative)))]
        case .directory? where depth < 4:
            let entries = (try? FileBytes.visibleEntries(path(relative))) ?? []
            // Only files directly in accounts/<unit>/ belong to that unit; deeper ones are reported as misplaced.
            return entries.flatMap { entry in
                files(at: relative + "/" + entry.name, name: entry.name, listedKind: entry.kind,
                      unitFolder: depth == 0 ? name : nil, depth: depth + 1)
            }
        default:
            return []
        }
    }
}
