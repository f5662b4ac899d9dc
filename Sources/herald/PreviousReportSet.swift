import Foundation
import HeraldCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The set of reports the last audit swapped out of the reports folder, kept beside it as
/// `.Reports.herald-previous` (`ReportFolder.switchIn()`), and recycled by the next audit: its folder
/// reports (`owners/`, an action list per person) are written over file by file, and the rest is deleted
/// on a thread of its own while the audit loads and audits the registry.
///
/// Why: replacing the action lists was the slowest step of an audit with every report. On the benchmark's
/// disk (ext4 mounted with `discard`, on a virtual disk), writing 17,646 new files of about 8 KB and
/// deleting the previous 17,646 took 2.6 s a night, of which deleting took 1.9 s; writing over the
/// previous files took 0.31 s (steady state, six nights each, docs/performance.md). Deleting a file with
/// data frees its blocks, and that is what is slow; a file written over keeps them.
///
/// Nothing reads the previous set: a reader of the reports folder sees the current set at every instant.
/// Only a reader that opened an action list two audits ago and is still reading it would see it change.
/// The set is first renamed to `.Reports.herald-<pid>-old`, so that two audits never take the same set and
/// a later audit removes what a killed one left (`ReportFolder`, debris). The price is disk space: between
/// two audits the folder's previous set stays beside it (docs/reports.md, "Writing").
final class PreviousReportSet: Sendable {
    /// What a previous set is renamed to while an audit recycles it, after `.Reports.herald-<pid>`.
    static let claimedSuffix = "-old"

    /// The claimed set, or nil when there was none to claim.
    private let claimed: String?
    /// The folder reports kept for `take(_:to:)`; everything else is deleted by `removal`.
    private let kept: Set<String>
    private let removal: BackgroundWork<Void>?
    private let interruptionToken: Int?

    /// Claims the previous set of the reports folder `output` (as the user named it), when there is one (a
    /// folder, not a link, owned by this user), and starts deleting all of it but the folder reports named
    /// in `folders`. Never fails: an audit without a previous set, or one that cannot claim it, writes
    /// every report anew.
    init(of output: String, keeping folders: Set<String>) {
        kept = folders
        var trimmed = output
        while trimmed.count > 1 && trimmed.hasSuffix("/") { trimmed.removeLast() }
        var info = stat()
        guard let target = ReportFolder.resolved(ReportFolder.absolute(trimmed)) else {
            (claimed, removal, interruptionToken) = (nil, nil, nil)
            return
        }
        let parent = (target as NSString).deletingLastPathComponent
        let name = (target as NSString).lastPathComponent
        let previous = ReportFolder.previousSet(in: parent, name: name)
        let claimed = parent + "/." + name + ".herald-" + String(getpid()) + PreviousReportSet.claimedSuffix
        guard lstat(previous, &info) == 0, info.st_mode & S_IFMT == S_IFDIR, info.st_uid == geteuid(),
              rename(previous, claimed) == 0 else {
            (self.claimed, removal, interruptionToken) = (nil, nil, nil)
            return
        }
        self.claimed = claimed
        let removal = BackgroundWork {
            let entries = (try? FileManager.default.contentsOfDirectory(atPath: claimed)) ?? []
            for entry in entries where !PreviousReportSet.isKept(entry, in: claimed, folders: folders) {
                try? FileManager.default.removeItem(atPath: claimed + "/" + entry)
            }
        }
        self.removal = removal
        // A signal waits for the deletion and ends it, rather than leave half a set behind; it removed no
        // report of this audit's.
        interruptionToken = Interruption.shared.onInterrupt {
            removal.result()
            try? FileManager.default.removeItem(atPath: claimed)
            return false
        }
    }

    private static func isKept(_ entry: String, in claimed: String, folders: Set<String>) -> Bool {
        var info = stat()
        return folders.contains(entry) && lstat(claimed + "/" + entry, &info) == 0 && info.st_mode & S_IFMT == S_IFDIR
    }

    /// Moves the previous set's folder report `name` (`owners`) to `destination`, to be written over.
    /// - Returns: false when there is none (no previous set, or it had no such folder): make a new one.
    func take(_ name: String, to destination: String) -> Bool {
        guard let claimed, kept.contains(name), PreviousReportSet.isKept(name, in: claimed, folders: kept) else { return false }
        return rename(claimed + "/" + name, destination) == 0
    }

    /// Waits until the rest of the previous set is deleted, and deletes what was not taken: before the
    /// process exits, so that it leaves nothing behind.
    func wait() {
        removal?.result()
        if let claimed { try? FileManager.default.removeItem(atPath: claimed) }
        if let interruptionToken { Interruption.shared.forget(interruptionToken) }
    }
}
