import Foundation
import HeraldCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The set of reports the last audit swapped out of the reports folder, kept beside it as
/// `.Reports.herald-previous` (`ReportFolder.switchIn()`), and deleted by the next audit on a thread of its
/// own while that audit loads and audits the registry.
///
/// Why: deleting the previous set was the slowest step of an audit that writes the action lists. On the
/// benchmark's disk, deleting 17,646 files of about 8 KB took 1.5–2 s of wall time but only 0.47 s of
/// processor time (the rest is waiting for the file system), and it came after everything else, so the
/// audit waited for all of it. Started first, it overlaps with loading, which is busy on every core but
/// does not wait on the disk (docs/performance.md). The price is disk space: between two audits the
/// folder's previous set stays beside it (docs/reports.md, "Writing").
///
/// Nothing reads the previous set: a reader of the reports folder sees the current set at every instant.
/// It is first renamed to `.Reports.herald-<pid>-old`, so that two audits never delete the same set and a
/// later audit removes what a killed one left half deleted (`ReportFolder`, debris).
final class PreviousReportSet: Sendable {
    /// What a previous set is renamed to while an audit deletes it, after `.Reports.herald-<pid>`.
    static let claimedSuffix = "-old"

    private let removal: BackgroundWork<Void>?
    private let interruptionToken: Int?

    /// Starts deleting the previous set of the reports folder `output` (as the user named it), when there
    /// is one: a folder, not a link, owned by this user. Never fails: an audit without a previous set to
    /// delete, or one that cannot claim it, just goes on.
    init(of output: String) {
        var trimmed = output
        while trimmed.count > 1 && trimmed.hasSuffix("/") { trimmed.removeLast() }
        guard let target = ReportFolder.resolved(ReportFolder.absolute(trimmed)) else {
            removal = nil
            interruptionToken = nil
            return
        }
        let parent = (target as NSString).deletingLastPathComponent
        let name = (target as NSString).lastPathComponent
        let previous = ReportFolder.previousSet(in: parent, name: name)
        let claimed = parent + "/." + name + ".herald-" + String(getpid()) + PreviousReportSet.claimedSuffix
        var info = stat()
        guard lstat(previous, &info) == 0, info.st_mode & S_IFMT == S_IFDIR, info.st_uid == geteuid(),
              rename(previous, claimed) == 0 else {
            removal = nil
            interruptionToken = nil
            return
        }
        let removal = BackgroundWork { _ = try? FileManager.default.removeItem(atPath: claimed) }
        self.removal = removal
        // A signal waits for the deletion to end rather than leave half a set behind; it removed no report.
        interruptionToken = Interruption.shared.onInterrupt {
            removal.result()
            return false
        }
    }

    /// Waits until the previous set is deleted: before the process exits, so that it leaves no half of it.
    func wait() {
        removal?.result()
        if let interruptionToken { Interruption.shared.forget(interruptionToken) }
    }
}
