import Foundation
import HeraldCore

/// Git's record of the account files (`herald audit --git`), read in one pass: one `git log` over
/// `accounts/` for the last commit of every file and the commits with `Reviewed-by:` trailers, and two
/// commands for what the working tree holds uncommitted.
public enum GitHistory {
    /// The history of the account files of the inventory folder `inventory` (as the user gives it).
    /// - Throws: `Git.Failure` when git is missing, the folder is not in a repository, the repository has
    ///   no commit yet, or the clone is shallow: its history stops early, and dates read from it would be
    ///   wrong.
    public static func read(inventory: String) async throws(Git.Failure) -> ReviewHistory {
        let git = Git(folder: inventory)
        do {
            _ = try await git.commit("HEAD")
        } catch where error.unknownRevision {
            throw Git.Failure("the repository has no commit yet, so there is no history to read: commit the inventory first")
        }
        let shallow = try await git.run(["rev-parse", "--is-shallow-repository"])
        if String(decoding: shallow, as: UTF8.self).hasPrefix("true") {
            throw Git.Failure("this clone is shallow, so its history stops early and review dates read from it would be wrong: fetch the whole history (`git fetch --unshallow`, or actions/checkout with fetch-depth: 0)")
        }
        let log = try await git.run([
            // A merge commit lists what it changed against its first parent, so the Reviewed-by: trailers
            // that GitLab's and other forges' merge commits carry count too.
            "log", "-z", "--name-only", "--relative", "--no-renames", "--diff-merges=first-parent", "--date=format:%Y-%m-%d",
            "--format=%x1e%H%x1f%ad%x1f%cd%x1f%(trailers:key=Reviewed-by,valueonly,separator=%x1f)", "--", "accounts",
        ], outputLimit: 1 << 31)
        let edited = try await git.run(["diff", "--name-only", "-z", "--relative", "HEAD", "--", "accounts"], outputLimit: 1 << 30)
        let untracked = try await git.run(["ls-files", "-z", "--others", "--exclude-standard", "--", "accounts"], outputLimit: 1 << 30)
        let display = inventory.count > 1 && inventory.hasSuffix("/") ? String(inventory.dropLast()) : inventory
        var files = parse(log, display: display)
        for path in (edited + [0] + untracked).split(separator: 0) {
            files[display + "/" + String(decoding: path, as: UTF8.self), default: ReviewHistory.File()].isUncommitted = true
        }
        return ReviewHistory(files: files)
    }

    /// Each commit of the log: RS, the id, US, the author date, US, the committer date, US, the trailer
    /// values separated by US, NUL, a line feed, then the names of the files it changed, each ended by NUL.
    /// Newest commit first.
    static func parse(_ log: [UInt8], display: String) -> [String: ReviewHistory.File] {
        var files: [String: ReviewHistory.File] = [:]
        for record in log.split(separator: 0x1E) {
            guard let end = record.firstIndex(of: 0) else { continue }
            let header = record[..<end].split(separator: 0x1F, omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }
            guard header.count >= 3, let authorDate = CalendarDate(header[1]), let committerDate = CalendarDate(header[2]) else { continue }
            let reviewers = header.dropFirst(3).map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
            let commit = ReviewHistory.Commit(id: String(header[0].prefix(12)), authorDate: authorDate, committerDate: committerDate, reviewers: reviewers)
            for name in record[(end + 1)...].split(separator: 0) {
                let trimmed = name.drop { $0 == UInt8(ascii: "\n") }
                guard !trimmed.isEmpty else { continue }
                let path = display + "/" + String(decoding: trimmed, as: UTF8.self)
                var file = files[path] ?? ReviewHistory.File()
                if file.lastChange == nil { file.lastChange = commit }
                if !reviewers.isEmpty { file.reviews.append(commit) }
                files[path] = file
            }
        }
        return files
    }
}
