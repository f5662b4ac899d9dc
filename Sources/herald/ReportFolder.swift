import CSystemCalls
import Foundation
import Synchronization
import HeraldReports
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The folder `herald audit` writes its reports into, replaced as a whole so that a reader (a person, a web
/// server, the next CI step) sees one audit's complete set of reports at every instant.
///
/// The new reports are written into a staging folder beside it (`.Reports.herald-<pid>`), which also
/// receives, as hard links, everything of the old folder that this audit does not replace (reports of
/// formats not asked for, files people put there). When every report is on disk, the two folders are
/// swapped in one system call (`renameat2` with `RENAME_EXCHANGE` on Linux, `renamex_np` with
/// `RENAME_SWAP` on macOS) and the old set is deleted. A kill at any point leaves the old set or the new
/// one, and at most a staging folder, which the next audit removes once its process is gone. Two audits
/// writing the same folder at once each swap in a complete set: the last one wins.
///
/// On a file system that cannot swap (NFS, SMB), the reports are renamed into the folder one by one; a
/// kill during those renames can then leave reports of two audits side by side (docs/reports.md).
final class ReportFolder: @unchecked Sendable {
    struct Failure: Error, CustomStringConvertible {
        let path: String
        let reason: String
        var description: String { "\(path): \(reason)" }
    }

    /// The folder as the user named it, for messages: `Reports`.
    let shown: String
    /// The folder that is swapped: absolute, with symbolic links resolved (a `Reports` link to a web
    /// server's folder keeps pointing there).
    private let target: String
    private let staging: String
    private let fileNames: [String]
    private var interruptionToken: Int?
    /// Set, under the interruption lock, once the new set is in place.
    private let switched = Atomic(false)

    /// Creates the staging folder, holding what the current folder holds except `fileNames`.
    /// - Parameter protected: folders the reports folder may not be or contain (the inventory, the working
    ///   folder): swapping it would move them away.
    /// - Throws: `Failure` when the folder cannot be created or prepared.
    init(_ output: String, replacing fileNames: [String], protected: [String]) throws(Failure) {
        var shown = output
        while shown.count > 1 && shown.hasSuffix("/") { shown.removeLast() }
        self.shown = shown
        self.fileNames = fileNames
        let absolute = shown.hasPrefix("/") ? shown : FileManager.default.currentDirectoryPath + "/" + shown
        let existed: Bool
        var info = stat()
        if lstat(absolute, &info) == 0 {
            guard stat(absolute, &info) == 0, info.st_mode & S_IFMT == S_IFDIR, let resolved = ReportFolder.resolved(absolute) else {
                throw Failure(path: shown, reason: "exists but is not a folder (or is a link to nothing): name a folder for the reports")
            }
            target = resolved
            existed = true
        } else {
            let parent = (absolute as NSString).deletingLastPathComponent
            try ReportFolder.createFolders(parent, shown: shown)
            guard let resolvedParent = ReportFolder.resolved(parent) else { throw Failure(path: shown, reason: ReportFolder.lastError()) }
            target = (resolvedParent == "/" ? "" : resolvedParent) + "/" + (absolute as NSString).lastPathComponent
            existed = false
        }
        for folder in protected.compactMap(ReportFolder.resolved) where target == "/" || folder == target || folder.hasPrefix(target + "/") {
            throw Failure(path: shown, reason: "the reports folder is replaced as a whole at the end of each audit, and \(folder) is in it: name a folder of its own for the reports, like Reports")
        }
        let parent = (target as NSString).deletingLastPathComponent
        let name = (target as NSString).lastPathComponent
        ReportFolder.removeDebris(in: parent, name: name, target: existed ? target : nil)
        staging = parent + "/" + ReportFolder.stagingPrefix(name) + String(getpid())
        let mode = existed ? info.st_mode & 0o7777 : 0o755
        guard mkdir(staging, mode) == 0 else {
            throw Failure(path: shown, reason: "the new reports cannot be prepared beside it (\(staging)): \(ReportFolder.lastError())")
        }
        chmod(staging, mode)  // mkdir applies the umask; the folder keeps the old one's permissions
        interruptionToken = Interruption.shared.onInterrupt { [self] in
            // After the swap the staging path holds the old set: removing it changes nothing a reader sees.
            ReportFolder.remove(staging)
            return !switched.load(ordering: .sequentiallyConsistent)
        }
        if existed {
            do throws(Failure) { try carryOver(from: target) } catch {
                discard()
                throw error
            }
        }
    }

    /// A new report named `fileName`, written into the staging folder.
    func file(_ fileName: String) throws(Failure) -> ReportFile {
        try ReportFile(path: staging + "/" + fileName, shownPath: shown + "/" + fileName)
    }

    /// Puts the new set in place of the old in one step, then deletes the old set.
    /// - Throws: `Failure` when the swap fails; the old folder is then as it was.
    func switchIn() throws(Failure) {
        syncFolder(staging)
        try Interruption.shared.uninterrupted { () throws(Failure) in
            try swap()
            switched.store(true, ordering: .sequentiallyConsistent)
        }
        syncFolder((target as NSString).deletingLastPathComponent)
        discard()  // after the swap, the staging path holds the old set
    }

    private func swap() throws(Failure) {
        if rename(staging, target) == 0 { return }  // there was no folder yet
        guard errno == EEXIST || errno == ENOTEMPTY || errno == EISDIR || errno == ENOTDIR else {
            throw Failure(path: shown, reason: ReportFolder.lastError())
        }
        if herald_exchange_paths(staging, target) == 0 { return }
        guard errno == EINVAL || errno == ENOSYS || errno == ENOTSUP || errno == EOPNOTSUPP else {
            throw Failure(path: shown, reason: ReportFolder.lastError())
        }
        // This file system cannot swap two folders: rename report by report (see the type's comment).
        for fileName in fileNames where rename(staging + "/" + fileName, target + "/" + fileName) != 0 {
            throw Failure(path: shown + "/" + fileName, reason: ReportFolder.lastError())
        }
    }

    /// Deletes the staging folder (the new reports before a swap, the old ones after it).
    func discard() {
        ReportFolder.remove(staging)
        if let token = interruptionToken { Interruption.shared.forget(token) }
        interruptionToken = nil
    }

    // MARK: Carrying over what the audit does not replace

    /// Links (or, where links cannot be made, copies) every entry of `source` but the new reports into
    /// the staging folder: reports of formats not asked for, and whatever else people keep there.
    private func carryOver(from source: String) throws(Failure) {
        let entries: [String]
        do { entries = try FileManager.default.contentsOfDirectory(atPath: source) } catch {
            throw Failure(path: shown, reason: "its files cannot be listed: \(error.localizedDescription)")
        }
        for entry in entries.sorted() {
            guard fileNames.contains(entry) else {
                try carry(source + "/" + entry, to: staging + "/" + entry, shown: shown + "/" + entry)
                continue
            }
            // A report replaces a file of its name; anything else there is someone's, and is not thrown away.
            var info = stat()
            if lstat(source + "/" + entry, &info) == 0, info.st_mode & S_IFMT != S_IFREG {
                throw Failure(path: shown + "/" + entry, reason: "this is not a file, and the report of this name would replace it: move it away or delete it")
            }
        }
    }

    private func carry(_ source: String, to destination: String, shown: String) throws(Failure) {
        var info = stat()
        guard lstat(source, &info) == 0 else { return }  // gone meanwhile
        switch info.st_mode & S_IFMT {
        case S_IFREG:
            if link(source, destination) == 0 { return }
            do { try FileManager.default.copyItem(atPath: source, toPath: destination) } catch {
                throw Failure(path: shown, reason: "cannot be kept in the new report folder: \(error.localizedDescription)")
            }
        case S_IFDIR:
            guard mkdir(destination, info.st_mode & 0o7777) == 0 else { throw Failure(path: shown, reason: ReportFolder.lastError()) }
            let entries = (try? FileManager.default.contentsOfDirectory(atPath: source)) ?? []
            for entry in entries.sorted() { try carry(source + "/" + entry, to: destination + "/" + entry, shown: shown + "/" + entry) }
        case S_IFLNK:
            guard let link = try? FileManager.default.destinationOfSymbolicLink(atPath: source),
                  (try? FileManager.default.createSymbolicLink(atPath: destination, withDestinationPath: link)) != nil else {
                throw Failure(path: shown, reason: "the link cannot be kept in the new report folder")
            }
        default:
            Console.error(TerminalText.safe("herald: warning: \(shown): not a file, a folder or a link, so it is not kept in the new report folder"))
        }
    }

    // MARK: Debris

    /// `.Reports.herald-`: staging folders are named this, then the process id.
    private static func stagingPrefix(_ name: String) -> String { "." + name + ".herald-" }

    /// Removes what audits killed before they could clean up left behind: their staging folders beside
    /// the reports folder and, from Herald versions that wrote reports inside the folder, its
    /// `<report>.tmp-<pid>` and `<report>.previous-<pid>` files. Only when that process no longer runs.
    private static func removeDebris(in parent: String, name: String, target: String?) {
        let prefix = stagingPrefix(name)
        for entry in (try? FileManager.default.contentsOfDirectory(atPath: parent)) ?? [] where entry.hasPrefix(prefix) {
            if let pid = leadingProcessID(entry.dropFirst(prefix.count)), !isRunning(pid) { remove(parent + "/" + entry) }
        }
        guard let target else { return }
        for entry in (try? FileManager.default.contentsOfDirectory(atPath: target)) ?? [] {
            for marker in [".tmp-", ".previous-"] {
                guard let range = entry.range(of: marker, options: .backwards),
                      let pid = leadingProcessID(entry[range.upperBound...]), entry[range.upperBound...].allSatisfy(\.isASCIIDigit),
                      !isRunning(pid) else { continue }
                unlink(target + "/" + entry)
            }
        }
    }

    private static func leadingProcessID(_ text: Substring) -> pid_t? {
        pid_t(text.prefix { $0.isASCIIDigit })
    }

    private static func isRunning(_ pid: pid_t) -> Bool {
        kill(pid, 0) == 0 || errno == EPERM
    }

    /// Removes a folder and all it holds. It is first renamed aside, so that report threads still
    /// running cannot create files in it while it is being emptied.
    static func remove(_ path: String) {
        let aside = path + "-discarded"
        let doomed = rename(path, aside) == 0 ? aside : path
        try? FileManager.default.removeItem(atPath: doomed)
    }

    // MARK: Plumbing

    private static func createFolders(_ path: String, shown: String) throws(Failure) {
        var built = ""
        for component in path.split(separator: "/") {
            built += "/" + component
            if mkdir(built, 0o755) != 0 && errno != EEXIST { throw Failure(path: shown, reason: lastError()) }
        }
    }

    private static func resolved(_ path: String) -> String? {
        guard let pointer = realpath(path, nil) else { return nil }
        defer { free(pointer) }
        return String(cString: pointer)
    }

    /// Asks the disk to keep the folder's entries (the new files' names, the swap).
    private func syncFolder(_ path: String) {
        let descriptor = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { return }
        fsync(descriptor)
        close(descriptor)
    }

    static func lastError() -> String { String(cString: strerror(errno)) }
}

private extension Character {
    var isASCIIDigit: Bool { ("0" ... "9").contains(self) }
}
