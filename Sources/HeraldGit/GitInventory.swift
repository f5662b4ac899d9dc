import Foundation
import HeraldCore

/// An inventory as a commit stores it, read through git in one pass without touching the working tree:
/// `git ls-tree` lists the inventory's files at the commit, `git diff` names those the working tree holds
/// otherwise, and one `git cat-file --batch` hands over the organisation files and the changed account
/// files, however many files the registry has (not one process per file). Account files the working tree
/// holds unchanged are not fetched: their parsed accounts are the working tree's.
public enum GitInventory {
    /// The inventory folder `inventory` (as the user gives it, relative to the working folder) at
    /// `revision`.
    /// - Parameter workingTree: the working tree's parsed account at a path shown as `inventory/…`.
    /// - Returns: the commit's id, and the sources or why the commit's organisation files cannot be
    ///   used; both nil when the commit has no such folder (the registry began after it).
    /// - Throws: `Git.Failure` when git is missing, the folder is not in a repository, or `revision` names
    ///   no commit.
    public static func sources(at revision: String, inventory: String, workingTree: (String) -> Account?) async throws(Git.Failure)
        -> (commit: String, sources: InventorySources?, error: InventoryError?) {
        let git = Git(folder: inventory)
        let commit = try await git.commit(revision)
        // Paths come relative to the inventory folder, since git runs in it.
        // Without sizes (`-l`): git would open every object to find its size, which for a registry of
        // loose objects took seconds. Sizes come from cat-file, and unchanged files are the working tree's.
        let listing = try await git.run(["ls-tree", "-r", "-z", "--end-of-options", commit, "--", "."], outputLimit: 1 << 30)
        let all = parse(listing)
        let listed = all.filter { InventoryTree.isWanted($0.path) }
        guard !listed.isEmpty else { return (commit, nil, nil) }
        let changedPaths = try await git.run(["diff", "--name-only", "-z", "--no-renames", "--relative", "--end-of-options", commit, "--", "."],
                                             outputLimit: 1 << 30)
        let changed = Set(changedPaths.split(separator: 0).map { String(decoding: $0, as: UTF8.self) })
        // Organisation files always; account files only when the working tree holds them otherwise; links
        // always (the file a link leads to may have changed while the link did not).
        let fetched = listed.filter { !$0.path.hasPrefix("accounts/") || changed.contains($0.path) || $0.isLink }
        var contents = try await cat(fetched.map(\.object), git)
        // A symbolic link is followed, as the disk reader follows it, when it stays inside the inventory:
        // its blob is its target, whose bytes are fetched in a second, small request.
        var links: [String: Link] = [:]
        var byPath: [String: Listed] = [:]
        for item in all { byPath[item.path] = item }
        for (position, item) in fetched.enumerated() where item.isLink {
            links[item.path] = follow(item.path, target: String(decoding: contents[position], as: UTF8.self), in: byPath, listed: all)
        }
        let targets = Array(Set(links.values.compactMap(\.target?.object))).sorted()
        let targetBytes = Dictionary(uniqueKeysWithValues: zip(targets, try await cat(targets, git)))
        var entries: [InventoryTree.Entry] = []
        entries.reserveCapacity(listed.count)
        var next = 0
        for item in listed {
            var bytes: [UInt8]?
            if next < fetched.count && fetched[next].path == item.path {
                bytes = contents[next]
                contents[next] = []
                next += 1
            }
            if let link = links[item.path] {
                let resolved = link.target.flatMap { targetBytes[$0.object] }
                entries.append(InventoryTree.Entry(path: item.path, isLink: false, size: resolved?.count ?? 0, bytes: resolved ?? [], refusal: link.refusal))
                continue
            }
            // An unchanged file's size is the working tree's, whose reading applied the limits already.
            entries.append(InventoryTree.Entry(path: item.path, isLink: item.isLink, size: bytes?.count ?? 0, bytes: bytes))
        }
        do {
            return (commit, try InventoryTree.sources(root: inventory, entries: entries, workingTree: workingTree), nil)
        } catch {
            return (commit, nil, error)
        }
    }

    /// The blobs of `objects`, in order, from one `git cat-file --batch`.
    private static func cat(_ objects: [String], _ git: Git) async throws(Git.Failure) -> [[UInt8]] {
        guard !objects.isEmpty else { return [] }
        let output = try await git.run(["cat-file", "--batch"], input: Array((objects.joined(separator: "\n") + "\n").utf8), outputLimit: 1 << 34)
        return try split(output, count: objects.count)
    }

    /// Where a symbolic link of the tree leads: a file of the tree, or why it is not followed (the messages
    /// the disk reader gives for the same link).
    struct Link {
        var target: Listed?
        var refusal: String?
    }

    /// Follows the link at `path` (targets are relative to the link's folder) through at most 8 links.
    static func follow(_ path: String, target: String, in byPath: [String: Listed], listed: [Listed]) -> Link {
        var current = path, destination = target
        for _ in 0 ..< 8 {
            guard !destination.hasPrefix("/") else { break }
            var parts = current.split(separator: "/").dropLast().map(String.init)
            for part in destination.split(separator: "/") {
                if part == ".." {
                    guard !parts.isEmpty else {
                        return Link(refusal: "this is a link to a place outside the inventory folder, which Herald does not follow: replace it with the file itself")
                    }
                    parts.removeLast()
                } else if part != "." {
                    parts.append(String(part))
                }
            }
            let resolved = parts.joined(separator: "/")
            guard let item = byPath[resolved] else {
                if listed.contains(where: { $0.path.hasPrefix(resolved + "/") }) {
                    return Link(refusal: "this is a link to a folder, which Herald does not follow: put the account files in a real folder")
                }
                return Link(refusal: "this is a broken link (what it points to does not exist): replace it with the file itself")
            }
            guard item.isLink else { return Link(target: item) }
            // A link to a link: its own target is needed, which the first request did not fetch.
            return Link(refusal: "this is a link to another link, which Herald does not follow in a git commit: link to the file itself")
        }
        return Link(refusal: "this is a link to a place outside the inventory folder, which Herald does not follow: replace it with the file itself")
    }

    /// One line of `git ls-tree -r -z`: `<mode> SP <type> SP <object> TAB <path> NUL`.
    struct Listed {
        let isLink: Bool
        let object: String
        let path: String
    }

    /// The blobs and links of a listing (submodules, which are commits, are left out).
    static func parse(_ listing: [UInt8]) -> [Listed] {
        listing.split(separator: 0).compactMap { record in
            guard let tab = record.firstIndex(of: UInt8(ascii: "\t")) else { return nil }
            let fields = record[..<tab].split(separator: UInt8(ascii: " ")).map { String(decoding: $0, as: UTF8.self) }
            guard fields.count == 3, fields[1] == "blob" else { return nil }
            return Listed(isLink: fields[0] == "120000", object: fields[2], path: String(decoding: record[record.index(after: tab)...], as: UTF8.self))
        }
    }

    /// The contents of `git cat-file --batch` output: `<object> SP <type> SP <size> LF <bytes> LF` each.
    static func split(_ output: [UInt8], count: Int) throws(Git.Failure) -> [[UInt8]] {
        var contents: [[UInt8]] = []
        contents.reserveCapacity(count)
        var position = output.startIndex
        while contents.count < count {
            guard let newline = output[position...].firstIndex(of: UInt8(ascii: "\n")) else { break }
            let header = output[position ..< newline].split(separator: UInt8(ascii: " "))
            guard header.count == 3, let size = Int(String(decoding: header[2], as: UTF8.self)), newline + 1 + size <= output.endIndex else {
                throw Git.Failure("git cat-file answered \"\(String(decoding: output[position ..< newline], as: UTF8.self))\": the repository may be damaged (run `git fsck`)")
            }
            contents.append(Array(output[(newline + 1) ..< (newline + 1 + size)]))
            position = newline + 1 + size + 1
        }
        guard contents.count == count else { throw Git.Failure("git cat-file gave \(contents.count) of \(count) files: the repository may be damaged (run `git fsck`)") }
        return contents
    }
}
