import Foundation
import HeraldCore
import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The set of reports the last audit swapped out of the reports folder, kept beside it as its spare
/// (`.Reports.herald-spare`, `ReportFolder.switchIn()`) and recycled by the next audit: the spare's folder
/// reports (`owners/`, an action list per person) are written over file by file, and the rest of it is
/// deleted on a thread of its own while the audit loads and audits the registry.
///
/// Why: replacing the action lists was the slowest step of an audit with every report. On the benchmark's
/// disk (ext4 mounted with `discard`, on a virtual disk), writing 17,646 new files of about 8 KB and
/// deleting the 17,646 of the night before took 2.6 s a night, of which deleting took 1.9 s; writing over
/// the files of the night before took 0.31 s (six nights each, docs/performance.md). Deleting a file that
/// holds data frees its blocks, and that is what is slow; a file written over keeps them.
///
/// Nothing reads the spare: a reader of the reports folder sees the current set at every instant. A reader
/// that opened an action list before the last audit and still reads it while the next one writes could
/// see the new bytes (docs/reports.md, "Writing"). The spare is claimed by renaming it to
/// `.Reports.herald-<pid>-old`, under a lock of its own (`<that>.lock`), so that two audits never take the
/// same set and a later audit removes what a killed one left (`ReportFolder`, debris). The price is disk
/// space: between two audits the reports take twice their room.
final class SpareReportSet: Sendable {
    /// What a spare is renamed to while an audit recycles it, after `.Reports.herald-<pid>`.
    static let claimedSuffix = "-old"

    /// The claimed set and where it came from, or nil when there was none to claim.
    private let paths: (claimed: String, spare: String)?
    /// The folder reports kept for `take(_:to:)`; everything else is deleted by `removal`.
    private let kept: Set<String>
    private let removal: BackgroundWork<Void>?
    private let liveness: Int32
    private let interruptionToken: Int?
    private let finished = Atomic(false)

    /// Claims the spare of the reports folder `output` (as the user named it), when there is one (a folder,
    /// not a link, owned by this user), and starts deleting all of it but the folder reports named in
    /// `folders`. Never fails: an audit without a spare, or one that cannot claim it, writes every report
    /// anew.
    init(of output: String, keeping folders: Set<String>) {
        kept = folders
        var info = stat()
        guard let target = ReportFolder.resolved(ReportFolder.Name(output).absolute) else {
            (paths, removal, liveness, interruptionToken) = (nil, nil, -1, nil)
            return
        }
        let spare = ReportFolder.spare(of: target)
        let claimed = ReportFolder.staging(of: target, pid: getpid()) + SpareReportSet.claimedSuffix
        guard lstat(spare, &info) == 0, info.st_mode & S_IFMT == S_IFDIR, info.st_uid == geteuid(),
              let lock = ReportFolder.takeLiveness(claimed + ".lock") else {
            (paths, removal, liveness, interruptionToken) = (nil, nil, -1, nil)
            return
        }
        // Claimed, then looked at again: what was renamed must be the folder looked at, not a link put there
        // meanwhile (its target would be deleted through it).
        guard rename(spare, claimed) == 0 else {
            ReportFolder.release(lock, claimed + ".lock")
            (paths, removal, liveness, interruptionToken) = (nil, nil, -1, nil)
            return
        }
        guard lstat(claimed, &info) == 0, info.st_mode & S_IFMT == S_IFDIR else {
            _ = rename(claimed, spare)  // someone's link: given back as it was
            ReportFolder.release(lock, claimed + ".lock")
            (paths, removal, liveness, interruptionToken) = (nil, nil, -1, nil)
            return
        }
        paths = (claimed, spare)
        liveness = lock
        removal = BackgroundWork {
            let entries = (try? FileManager.default.contentsOfDirectory(atPath: claimed)) ?? []
            for entry in entries where SpareReportSet.isKept(entry, in: claimed, folders: folders) {
                SpareReportSet.startReading(claimed + "/" + entry)
            }
            for entry in entries where !SpareReportSet.isKept(entry, in: claimed, folders: folders) {
                try? FileManager.default.removeItem(atPath: claimed + "/" + entry)
            }
        }
        // A signal puts the set back (or leaves it, to the next audit) rather than wait for the deletion.
        interruptionToken = Interruption.shared.onInterrupt {
            // Where it cannot be put back (a newer spare stands there), the lock stays: a lock nobody holds
            // tells the next audit that this set is debris.
            if SpareReportSet.putBack(claimed, as: spare) { unlink(claimed + ".lock") }
            return false
        }
    }

    private static func isKept(_ entry: String, in claimed: String, folders: Set<String>) -> Bool {
        var info = stat()
        return folders.contains(entry) && lstat(claimed + "/" + entry, &info) == 0 && info.st_mode & S_IFMT == S_IFDIR
    }

    /// Asks the system to read the files of `folder` into memory, without waiting (`posix_fadvise` with
    /// `POSIX_FADV_WILLNEED`). Writing over a file ends in a block the write covers only in part, which the
    /// file system must read first: from the disk, a night after the files were written, one at a time.
    /// Asked for while the registry loads, the reads are done before the lists are written: the ordinary
    /// shape's audit with every report took 3.96–4.20 s with the spare's lists out of memory against
    /// 2.92–3.09 s with them in it (docs/performance.md). Elsewhere (macOS) nothing is asked.
    private static func startReading(_ folder: String) {
        #if os(Linux)
        guard let directory = opendir(folder) else { return }
        defer { closedir(directory) }
        let folderDescriptor = dirfd(directory)
        while let entry = readdir(directory) {
            // Files only; a file system that does not say what an entry is (DT_UNKNOWN) has its entries
            // opened too, without blocking (a named pipe) or following a link.
            guard entry.pointee.d_type == UInt8(DT_REG) || entry.pointee.d_type == UInt8(DT_UNKNOWN) else { continue }
            // The name is read where it lies in the entry: a copy of `d_name` would read its full 256 bytes,
            // past the end of a short entry.
            let name = UnsafeRawPointer(entry).advanced(by: MemoryLayout<dirent>.offset(of: \.d_name)!).assumingMemoryBound(to: CChar.self)
            let file = openat(folderDescriptor, name, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
            guard file >= 0 else { continue }
            _ = posix_fadvise(file, 0, 0, POSIX_FADV_WILLNEED)
            close(file)
        }
        #endif
    }

    /// Moves the spare's folder report `name` (`owners`) to `destination`, to be written over.
    /// - Returns: false when there is none (no spare, or it had no such folder): make a new one.
    func take(_ name: String, to destination: String) -> Bool {
        guard let paths, kept.contains(name), SpareReportSet.isKept(name, in: paths.claimed, folders: kept) else { return false }
        return rename(paths.claimed + "/" + name, destination) == 0
    }

    /// Waits until the rest of the spare is deleted, before the process exits. What was not taken (an
    /// audit that stopped before writing its folder reports) becomes the spare again, for the next audit;
    /// where a newer spare is already there, it is deleted.
    func wait() {
        guard let paths, !finished.exchange(true, ordering: .sequentiallyConsistent) else { return }
        removal?.result()
        if rmdir(paths.claimed) != 0 && !SpareReportSet.putBack(paths.claimed, as: paths.spare) {
            try? FileManager.default.removeItem(atPath: paths.claimed)
        }
        ReportFolder.release(liveness, paths.claimed + ".lock")
        if let interruptionToken { Interruption.shared.forget(interruptionToken) }
    }

    /// Renames the claimed set back to the spare's name; false when that name is taken (a folder that is not
    /// empty stands there).
    @discardableResult
    private static func putBack(_ claimed: String, as spare: String) -> Bool {
        rename(claimed, spare) == 0
    }
}
