import CSystemCalls
import Foundation
import HeraldReports
import Synchronization
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
/// `RENAME_SWAP` on macOS) and the old set is kept beside it as its spare (`.Reports.herald-spare`), which
/// the next audit recycles (`SpareReportSet`). A kill at any point leaves the old set or the new one, and at
/// most a staging folder, which the next audit removes once its owner is gone. Two audits writing the same
/// folder at once each swap in a complete set: the last one wins.
///
/// Where the folder cannot be swapped — it is a mount point (a container's volume), its parent folder
/// cannot be written, or the file system cannot swap two folders (NFS, SMB) — the reports are staged
/// inside it (`Reports/.herald-<pid>`) and renamed into it one by one, under a lock that keeps two audits'
/// renames apart; there a kill during those renames can leave reports of two audits side by side
/// (docs/reports.md, "Writing").
///
/// Whether the owner of a staging folder still runs is asked of a lock it holds (`<staging>.lock`, `flock`),
/// not of its process id: two containers sharing a volume have process ids of their own.
final class ReportFolder: @unchecked Sendable {
    struct Failure: Error, CustomStringConvertible {
        let path: String
        let reason: String
        /// True when some reports of the new set were already in the folder (renaming one by one).
        var folderChanged = false
        var description: String { "\(path): \(reason)" }
    }

    /// The folder as the user named it, for messages: `Reports`.
    let shown: String
    /// The folder the reports end up in: absolute, with symbolic links resolved (a `Reports` link to a
    /// web server's folder keeps pointing there).
    private let target: String
    private let staging: String
    /// True when the staging folder is swapped with the folder; false when its reports are renamed into it.
    private let swapsWhole: Bool
    private let fileNames: [String]
    /// Those of `fileNames` that are folder reports (`owners`).
    private let folderNames: Set<String>
    /// The descriptor of the lock that tells other audits this staging folder is alive.
    private var liveness: Int32
    private var interruptionToken: Int?
    /// Set, under the interruption lock, once the new set is in place.
    private let switched = Atomic(false)
    /// The spare, whose folder reports are written over rather than made anew.
    private let spare: SpareReportSet?
    /// The folder reports taken from the spare, with the names they held; and the files written into
    /// them, by inode (on a disk that ignores case, `jdoe.md` may be written over `JDoe.md`) and by path
    /// inside the staging folder: what was not written is removed before the switch.
    private let recycled = Mutex<(folders: [String: Set<String>], written: Set<ino_t>, writtenPaths: Set<String>)>(([:], [], []))
    /// The permissions a new file and a new folder get (0644 and 0755 less the process's umask): a file
    /// written over gets them too.
    private let fileMode: mode_t, folderMode: mode_t

    /// Creates the staging folder (for a swap, holding what the current folder holds except `fileNames`).
    /// - Parameter protected: folders the reports folder may not be or contain (the inventory, the working
    ///   folder): swapping it would move them away.
    /// - Parameter folders: those of `fileNames` that are folder reports.
    /// - Parameter reportNames: the file names of every report format (debris of earlier versions is
    ///   recognised by them).
    /// - Parameter spare: the spare, claimed when the command started; its folder reports are written over.
    /// - Throws: `Failure` when the folder cannot be created or prepared.
    init(_ output: String, replacing fileNames: [String], folders: Set<String> = [], protected: [String], reportNames: [String],
         recycling spare: SpareReportSet? = nil) throws(Failure) {
        self.spare = spare
        let given = Name(output)
        let (shown, absolute) = (given.shown, given.absolute)
        self.shown = shown
        self.fileNames = fileNames
        folderNames = folders
        // Read while no other thread creates files (umask has no read-only form).
        let mask = umask(0o022)
        umask(mask)
        (fileMode, folderMode) = (0o644 & ~mask, 0o755 & ~mask)
        var info = stat()
        if lstat(absolute, &info) != 0 {
            try ReportFolder.createFolders(absolute, shown: shown)
        }
        guard stat(absolute, &info) == 0, info.st_mode & S_IFMT == S_IFDIR, let resolved = ReportFolder.resolved(absolute) else {
            throw Failure(path: shown, reason: "exists but is not a folder (or is a link to nothing): name a folder for the reports")
        }
        target = resolved
        for folder in protected.compactMap(ReportFolder.resolved) where target == "/" || folder == target || folder.hasPrefix(target + "/") {
            throw Failure(path: shown, reason: "the reports folder is replaced as a whole at the end of each audit, and \(folder) is in it: name a folder of its own for the reports, like Reports")
        }
        let parent = (target as NSString).deletingLastPathComponent
        let name = (target as NSString).lastPathComponent
        var parentInfo = stat()
        ReportFolder.removeDebris(in: parent, prefix: ReportFolder.stagingPrefix(name))
        ReportFolder.removeDebris(in: target, prefix: ".herald-")
        ReportFolder.removeEarlierDebris(in: target, reportNames: reportNames)
        let mode = info.st_mode & 0o7777
        (staging, swapsWhole, liveness) = try ReportFolder.makeStaging(
            beside: ReportFolder.staging(of: target, pid: getpid()), inside: target + "/.herald-" + String(getpid()),
            swappable: stat(parent, &parentInfo) == 0 && parentInfo.st_dev == info.st_dev && !ReportFolder.stagesInside, shown: shown)
        interruptionToken = Interruption.shared.onInterrupt { [self] in
            // After the swap the staging path holds the old set: removing it changes nothing a reader sees.
            ReportFolder.remove(staging)
            unlink(staging + ".lock")
            return !switched.load(ordering: .sequentiallyConsistent)
        }
        guard swapsWhole else { return }
        do throws(Failure) {
            try carryOver(from: target)
            // The folder keeps the old one's group (a web server may read it through the group; best effort:
            // only a member of the group may give it) and permissions; it was made private while it was filled.
            _ = chown(staging, uid_t.max, info.st_gid)
            guard chmod(staging, mode) == 0 else { throw Failure(path: shown, reason: ReportFolder.lastError()) }
        } catch {
            discard()
            throw error
        }
    }

    /// `HERALD_STAGE_INSIDE=1` writes as on a mount point (staged inside the folder, renamed report by
    /// report): for a file system whose swap misbehaves, and for the tests of that way of writing.
    private static var stagesInside: Bool { ProcessInfo.processInfo.environment["HERALD_STAGE_INSIDE"] == "1" }

    /// The staging folder and its liveness lock: beside the folder when it can be swapped with it, else
    /// inside it. The lock is taken before the folder exists, so no other audit ever sees the folder
    /// without a held lock (and takes it for debris).
    /// - Parameter swappable: false for a mount point (a swap would move the mount): its reports are
    ///   staged inside.
    private static func makeStaging(beside: String, inside: String, swappable: Bool, shown: String) throws(Failure)
    -> (staging: String, swapsWhole: Bool, liveness: Int32) {
        if swappable, let lock = takeLiveness(beside + ".lock") {
            if mkdir(beside, 0o700) == 0 { return (beside, true, lock) }
            release(lock, beside + ".lock")  // the parent folder cannot be written: stage inside
        }
        let lock = takeLiveness(inside + ".lock") ?? -1
        guard mkdir(inside, 0o700) == 0 else {
            if lock >= 0 { release(lock, inside + ".lock") }
            throw Failure(path: shown, reason: "the new reports cannot be prepared in it (\(inside)): \(lastError())")
        }
        return (inside, false, lock)
    }

    /// A new report named `fileName`, written into the staging folder; `owners/jdoe.md` for a file of a
    /// folder report, once `folder(_:)` has made its folder.
    func file(_ fileName: String) throws(Failure) -> ReportFile {
        let standing = recycled.withLock { recycled -> ReportFile.Standing in
            guard let slash = fileName.firstIndex(of: "/"), let names = recycled.folders[String(fileName[..<slash])] else { return .nothing }
            // Only a file of exactly this name is written over; any other that answers to its name (`JDoe.md`
            // on a disk that ignores case) is replaced.
            return names.contains(String(fileName[fileName.index(after: slash)...])) ? .sameName : .maybeOther
        }
        let file = try ReportFile(path: staging + "/" + fileName, shownPath: shown + "/" + fileName, standing: standing, mode: fileMode)
        if fileName.contains("/") {
            recycled.withLock {
                $0.written.insert(file.inode)
                $0.writtenPaths.insert(fileName)
            }
        }
        return file
    }

    /// A folder report named `name` (`owners`) in the staging folder: the spare's, whose files are written
    /// over and whose files not written again are removed before the switch, or a new one.
    func folder(_ name: String) throws(Failure) {
        let path = staging + "/" + name
        if spare?.take(name, to: path) == true {
            let names = Set((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? [])
            recycled.withLock { $0.folders[name] = names }
            _ = chmod(path, folderMode)
            return
        }
        guard mkdir(path, 0o755) == 0 else { throw Failure(path: shown + "/" + name, reason: ReportFolder.lastError()) }
    }

    /// Removes from the folder reports taken from the spare every entry this audit did not write (the
    /// action list of a person who has nothing left to do).
    private func removeUnwritten() throws(Failure) {
        let (folders, written, writtenPaths) = recycled.withLock { ($0.folders.keys.sorted(), $0.written, $0.writtenPaths) }
        for folder in folders {
            for (entry, listed) in try listedEntries(of: staging + "/" + folder, shown: shown + "/" + folder) {
                // A file this audit wrote, under the name it wrote and with the inode it wrote, is settled by
                // the folder's own record: an `lstat` of each of 17,646 action lists was 40 ms at the end of
                // every audit. Anything else (a name that differs in case on a disk that ignores it, a file
                // system whose listing numbers inodes otherwise) is looked at before it goes.
                if listed.isRegularFile && written.contains(listed.inode) && writtenPaths.contains(folder + "/" + entry) { continue }
                let path = staging + "/" + folder + "/" + entry
                var info = stat()
                guard lstat(path, &info) == 0 else { continue }  // gone meanwhile
                if info.st_mode & S_IFMT == S_IFREG && written.contains(info.st_ino) { continue }
                do { try ReportFolder.removeEntry(path) } catch {
                    throw Failure(path: shown + "/" + folder + "/" + entry, reason: "left from the audit before last and cannot be removed: \(error.localizedDescription)")
                }
            }
        }
    }

    /// Waits until every file written into the staging folder is on disk: the files finished with
    /// `finish(waiting: false)`. One `syncfs` of the file system; where there is none, each file is
    /// synced in turn.
    func syncFiles() throws(Failure) {
        let descriptor = open(staging, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { throw Failure(path: shown, reason: ReportFolder.lastError()) }
        defer { close(descriptor) }
        if herald_sync_file_system(descriptor) == 0 { return }
        guard errno == ENOSYS else { throw Failure(path: shown, reason: ReportFolder.lastError()) }
        let files = FileManager.default.enumerator(atPath: staging)
        while let name = files?.nextObject() as? String {
            // Never blocks on a named pipe, never follows a link out of the folder.
            let file = open(staging + "/" + name, O_RDONLY | O_NONBLOCK | O_NOFOLLOW | O_CLOEXEC)
            guard file >= 0 else { continue }
            defer { close(file) }
            var info = stat()
            if fstat(file, &info) == 0, info.st_mode & S_IFMT == S_IFREG, fsync(file) != 0 {
                throw Failure(path: shown + "/" + name, reason: ReportFolder.lastError())
            }
        }
    }

    /// Puts the new set in place of the old. After a swap the old set becomes the spare, which the next
    /// audit recycles; otherwise what is left in the staging folder is deleted now.
    /// - Throws: `Failure` when that fails: with `folderChanged` false, the folder is as it was.
    func switchIn() throws(Failure) {
        try removeUnwritten()
        syncFolder(staging)
        var swapped = false
        try Interruption.shared.uninterrupted { () throws(Failure) in
            if swapsWhole, herald_exchange_paths(staging, target) == 0 {
                switched.store(true, ordering: .sequentiallyConsistent)
                swapped = true
                return
            }
            guard !swapsWhole || [EINVAL, ENOSYS, ENOTSUP, EOPNOTSUPP, EXDEV, EBUSY].contains(errno) else {
                throw Failure(path: shown, reason: ReportFolder.lastError())
            }
            try renameReportByReport()
            switched.store(true, ordering: .sequentiallyConsistent)
        }
        syncFolder(target)
        let parent = (target as NSString).deletingLastPathComponent
        // Kept rather than deleted (`SpareReportSet` says why), and private: nothing reads it, and a web
        // server must not serve an old set. An empty old set (the first audit into a new folder) is simply
        // removed. Where a spare is still there (another audit's, finishing at the same time), the rename
        // fails and `discard()` deletes this one now.
        if swapped, rmdir(staging) != 0, chmod(staging, 0o700) == 0 {
            _ = rename(staging, ReportFolder.spare(of: target))
        }
        syncFolder(parent)
        discard()
    }

    /// Renames each new report into the folder, holding `.herald.lock` in it so that two audits' renames
    /// never interleave.
    private func renameReportByReport() throws(Failure) {
        let lock = ReportFolder.holdLock(target + "/.herald.lock", waiting: true)
        defer { if lock >= 0 { close(lock) } }
        // What stands where a report goes is checked before anything moves, as a swap checks it.
        for fileName in fileNames {
            var info = stat()
            let isFolderReport = folderNames.contains(fileName)
            if lstat(target + "/" + fileName, &info) == 0, info.st_mode & S_IFMT != (isFolderReport ? S_IFDIR : S_IFREG) {
                throw Failure(path: shown + "/" + fileName, reason: "this is not a \(isFolderReport ? "folder" : "file"), and the report of this name would replace it: move it away or delete it")
            }
        }
        for (number, fileName) in fileNames.enumerated() {
            let new = staging + "/" + fileName, old = target + "/" + fileName
            var info = stat()
            if stat(new, &info) == 0, info.st_mode & S_IFMT == S_IFDIR, lstat(old, &info) == 0 {
                // A folder report replaces the old folder: swapped in one step where the file system can,
                // else the old one is moved aside first (a reader may then see no folder for an instant).
                if herald_exchange_paths(new, old) == 0 { continue }
                guard rename(old, new + ".old") == 0 else {
                    throw Failure(path: shown + "/" + fileName, reason: ReportFolder.lastError(), folderChanged: number > 0)
                }
            }
            if rename(new, old) != 0 {
                throw Failure(path: shown + "/" + fileName, reason: ReportFolder.lastError(), folderChanged: number > 0)
            }
        }
    }

    /// Deletes the staging folder (the new reports before a swap, the old ones after it) and its lock.
    func discard() {
        ReportFolder.remove(staging)
        if liveness >= 0 {
            ReportFolder.release(liveness, staging + ".lock")
            liveness = -1
        }
        if let token = interruptionToken { Interruption.shared.forget(token) }
        interruptionToken = nil
    }

    // MARK: Carrying over what the audit does not replace

    /// Links (or, where links cannot be made, copies) every entry of `source` but the new reports into
    /// the staging folder: reports of formats not asked for, and whatever else people keep there. What
    /// cannot be carried over stops the audit's writing rather than be lost.
    private func carryOver(from source: String) throws(Failure) {
        for entry in try entries(of: source, shown: shown) {
            guard fileNames.contains(entry) else {
                try carry(source + "/" + entry, to: staging + "/" + entry, shown: shown + "/" + entry)
                continue
            }
            // A report replaces a file of its name, and a folder report a folder; anything else there is
            // someone's, and is not thrown away.
            var info = stat()
            let isFolderReport = folderNames.contains(entry)
            if lstat(source + "/" + entry, &info) == 0, info.st_mode & S_IFMT != (isFolderReport ? S_IFDIR : S_IFREG) {
                throw Failure(path: shown + "/" + entry, reason: "this is not a \(isFolderReport ? "folder" : "file"), and the report of this name would replace it: move it away or delete it")
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
            // Made private and writable while it is filled, then given the original's permissions.
            guard mkdir(destination, 0o700) == 0 else { throw Failure(path: shown, reason: ReportFolder.lastError()) }
            for entry in try entries(of: source, shown: shown) {
                try carry(source + "/" + entry, to: destination + "/" + entry, shown: shown + "/" + entry)
            }
            _ = chown(destination, uid_t.max, info.st_gid)
            guard chmod(destination, info.st_mode & 0o7777) == 0 else { throw Failure(path: shown, reason: ReportFolder.lastError()) }
        case S_IFLNK:
            guard let link = try? FileManager.default.destinationOfSymbolicLink(atPath: source),
                  (try? FileManager.default.createSymbolicLink(atPath: destination, withDestinationPath: link)) != nil else {
                throw Failure(path: shown, reason: "the link cannot be kept in the new report folder")
            }
        default:
            throw Failure(path: shown, reason: "this is not a file, a folder or a link, so it cannot be kept when the reports are replaced: move it out of the report folder")
        }
    }

    /// The entries of `folder`, sorted by name, each with the inode number and whether it is a regular
    /// file as the folder's listing records them (`readdir`), which takes no system call per entry.
    private func listedEntries(of folder: String, shown: String) throws(Failure) -> [(String, (inode: ino_t, isRegularFile: Bool))] {
        guard let directory = opendir(folder) else {
            throw Failure(path: shown, reason: "its contents cannot be listed, so they could not be kept when the reports are replaced: \(ReportFolder.lastError())")
        }
        defer { closedir(directory) }
        var listed: [(String, (inode: ino_t, isRegularFile: Bool))] = []
        while let entry = readdir(directory) {
            // The name is read where it lies in the entry: a copy of `d_name` would read its full 256 bytes,
            // past the end of a short entry.
            let name = String(cString: UnsafeRawPointer(entry).advanced(by: MemoryLayout<dirent>.offset(of: \.d_name)!).assumingMemoryBound(to: CChar.self))
            guard name != ".", name != ".." else { continue }
            listed.append((name, (ino_t(entry.pointee.d_ino), entry.pointee.d_type == UInt8(DT_REG))))
        }
        return listed.sorted { $0.0 < $1.0 }
    }

    private func entries(of folder: String, shown: String) throws(Failure) -> [String] {
        do { return try FileManager.default.contentsOfDirectory(atPath: folder).sorted() } catch {
            throw Failure(path: shown, reason: "its contents cannot be listed, so they could not be kept when the reports are replaced: \(error.localizedDescription)")
        }
    }

    // MARK: Debris

    /// `.Reports.herald-`: staging folders beside the reports folder are named this, then the process id.
    private static func stagingPrefix(_ name: String) -> String { "." + name + ".herald-" }

    /// Removes the staging folders (`<prefix><pid>`, `<prefix><pid>-discarded`) and the spares being
    /// recycled (`<prefix><pid>-old`) in `folder` whose audit no longer runs: it held a lock while it lived
    /// (`<prefix><pid>.lock` for a staging folder, `<prefix><pid>-old.lock` for a spare), or, without one,
    /// its process is gone.
    private static func removeDebris(in folder: String, prefix: String) {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        for name in names where name.hasPrefix(prefix) {
            let entry = name.hasSuffix(".lock") ? String(name.dropLast(5)) : name
            let rest = entry.dropFirst(prefix.count)
            guard let pid = pid_t(rest.prefix { $0.isASCIIDigit }) else { continue }
            let suffix = String(rest.dropFirst(String(pid).count))
            guard ["", "-discarded", SpareReportSet.claimedSuffix].contains(suffix) else { continue }
            let lock = folder + "/" + prefix + String(pid) + (suffix == SpareReportSet.claimedSuffix ? suffix : "") + ".lock"
            guard !isAlive(lock: lock, pid: pid) else { continue }
            try? FileManager.default.removeItem(atPath: folder + "/" + name)
            unlink(lock)
        }
    }

    /// Herald before the folder swap wrote `<report>.tmp-<pid>` and `<report>.previous-<pid>` inside the
    /// folder; those of a process that no longer runs are removed. Only Herald's own report names match.
    private static func removeEarlierDebris(in folder: String, reportNames: [String]) {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        for name in names {
            for report in reportNames {
                for marker in [".tmp-", ".previous-"] where name.hasPrefix(report + marker) {
                    let digits = name.dropFirst(report.count + marker.count)
                    guard !digits.isEmpty, digits.allSatisfy(\.isASCIIDigit), let pid = pid_t(digits), !isRunning(pid) else { continue }
                    unlink(folder + "/" + name)
                }
            }
        }
    }

    private static func isAlive(lock path: String, pid: pid_t) -> Bool {
        let descriptor = open(path, O_RDWR | O_CLOEXEC)
        guard descriptor >= 0 else { return isRunning(pid) }
        defer { close(descriptor) }
        return flock(descriptor, LOCK_EX | LOCK_NB) != 0
    }

    private static func isRunning(_ pid: pid_t) -> Bool {
        kill(pid, 0) == 0 || errno == EPERM
    }

    /// Opens (creating) and locks `path`, waiting for another holder; the lock lasts while the descriptor
    /// is open and ends with the process however it ends. -1 when no lock can be had.
    private static func holdLock(_ path: String, waiting: Bool = false) -> Int32 {
        let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { return -1 }
        guard flock(descriptor, waiting ? LOCK_EX : LOCK_EX | LOCK_NB) == 0 else {
            close(descriptor)
            return -1
        }
        return descriptor
    }

    /// The lock `path` that says a staging folder's audit is alive, created already locked: it is locked
    /// under a name of its own and then renamed into place, so no other audit can open it unlocked.
    static func takeLiveness(_ path: String) -> Int32? {
        let pending = path + ".new-" + String(getpid())
        let descriptor = holdLock(pending)
        guard descriptor >= 0 else { return nil }
        guard rename(pending, path) == 0 else {
            release(descriptor, pending)
            return nil
        }
        return descriptor
    }

    static func release(_ descriptor: Int32, _ path: String) {
        unlink(path)
        close(descriptor)
    }

    /// Removes whatever stands at `path`: a file or a link (unlinked, never followed), or a folder with all
    /// it holds. Nothing there is not an error.
    static func removeEntry(_ path: String) throws {
        if unlink(path) == 0 || errno == ENOENT { return }
        try FileManager.default.removeItem(atPath: path)
    }

    /// Removes a folder and all it holds. It is first renamed aside, so that report threads still
    /// running cannot create files in it while it is being emptied.
    static func remove(_ path: String) {
        let aside = path + "-discarded"
        let doomed = rename(path, aside) == 0 ? aside : path
        try? FileManager.default.removeItem(atPath: doomed)
    }

    // MARK: Plumbing

    /// The reports folder as the user named it, without trailing slashes (`Reports`, for messages), and
    /// made absolute against the working folder.
    struct Name {
        let shown: String
        let absolute: String

        init(_ output: String) {
            var shown = output
            while shown.count > 1 && shown.hasSuffix("/") { shown.removeLast() }
            self.shown = shown
            absolute = shown.hasPrefix("/") ? shown : FileManager.default.currentDirectoryPath + "/" + shown
        }
    }

    /// The staging folder beside the reports folder `target` (absolute, links resolved) of the process
    /// `pid`: `.Reports.herald-<pid>`.
    static func staging(of target: String, pid: pid_t) -> String {
        (target as NSString).deletingLastPathComponent + "/" + stagingPrefix((target as NSString).lastPathComponent) + String(pid)
    }

    /// The spare of the reports folder `target`: `.Reports.herald-spare`.
    static func spare(of target: String) -> String {
        (target as NSString).deletingLastPathComponent + "/" + stagingPrefix((target as NSString).lastPathComponent) + "spare"
    }

    private static func createFolders(_ path: String, shown: String) throws(Failure) {
        var built = ""
        for component in path.split(separator: "/") {
            built += "/" + component
            if mkdir(built, 0o755) != 0 && errno != EEXIST { throw Failure(path: shown, reason: lastError()) }
        }
    }

    static func resolved(_ path: String) -> String? {
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
