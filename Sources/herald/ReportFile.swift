import CSystemCalls
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One report on its way to disk, inside the staging folder of a `ReportFolder`: buffered, streamed,
/// flushed to disk by `finish`. Used by one thread at a time.
final class ReportFile: @unchecked Sendable {
    /// Where the report will be once the folder is switched in, as the user named it (`Reports/report.json`).
    let shownPath: String
    private let path: String
    private var descriptor: Int32
    private var buffer: [UInt8] = []
    private static let bufferSize = 1 << 20
    /// Bytes written so far, and how many of them the disk has been asked to take.
    private var written = 0, handedToDisk = 0
    private static let writebackStep = 8 << 20

    /// The length of the file written over (0 for a new file): longer than what is written, it is cut
    /// at `finish`.
    private let previousLength: Int
    /// The file's inode: `ReportFolder` keeps, in a folder taken from the spare, only the files it wrote.
    let inode: ino_t

    /// What stands at a new report's path before it is written.
    enum Standing {
        /// Nothing: the path is in a folder made by this audit.
        case nothing
        /// A file of exactly this name, in a folder report taken from the spare (`SpareReportSet`): written
        /// over, keeping its blocks, when it is a plain file with no other link that can be opened for
        /// writing; anything else (a link that would change another copy too, a folder, a file that cannot
        /// be written) is replaced by a new file.
        case sameName
        /// No entry of this exact name in a folder report taken from the spare, but perhaps one that answers
        /// to it (`JDoe.md` for `jdoe.md` on a disk that ignores case): replaced by a new file, never
        /// written through.
        case maybeOther
    }

    /// - Parameter mode: the permissions of a new file, which a file written over is given too.
    /// - Throws: `ReportFolder.Failure` when the file cannot be created.
    init(path: String, shownPath: String, standing: Standing = .nothing, mode: mode_t = 0o644) throws(ReportFolder.Failure) {
        self.path = path
        self.shownPath = shownPath
        var (before, opened) = (stat(), stat())
        if standing == .sameName, lstat(path, &before) == 0, before.st_mode & S_IFMT == S_IFREG, before.st_nlink == 1 {
            descriptor = open(path, O_WRONLY | O_NOFOLLOW | O_CLOEXEC)
            // The file opened must be the one looked at, still with no other link.
            if descriptor >= 0, fstat(descriptor, &opened) != 0 || opened.st_ino != before.st_ino || opened.st_nlink != 1
                || opened.st_mode & 0o7777 != mode && fchmod(descriptor, mode) != 0 {
                close(descriptor)
                descriptor = -1
            }
        } else {
            descriptor = -1
        }
        previousLength = descriptor >= 0 ? Int(opened.st_size) : 0
        if descriptor < 0 {
            if standing == .nothing {
                descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC, mode)
            } else {
                // Whatever stands there is removed and the file made anew (`O_EXCL`: never an existing one).
                try? ReportFolder.removeEntry(path)
                descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, mode)
            }
            guard descriptor >= 0, fstat(descriptor, &opened) == 0 else {
                let failure = ReportFolder.Failure(path: shownPath, reason: ReportFolder.lastError())
                if descriptor >= 0 { close(descriptor) }
                throw failure
            }
        }
        inode = opened.st_ino
    }

    deinit {
        if descriptor >= 0 { close(descriptor) }
    }

    func append(_ bytes: [UInt8]) throws(ReportFolder.Failure) {
        // Large pieces (chunks of accounts) go to the file without another copy, after what is buffered.
        if bytes.count >= ReportFile.bufferSize / 4 {
            try flush()
            var failure: ReportFolder.Failure?
            bytes.withUnsafeBytes { bytes in
                do throws(ReportFolder.Failure) { try writeAll(bytes) } catch { failure = error }
            }
            if let failure { throw failure }
            return
        }
        if buffer.count + bytes.count > ReportFile.bufferSize { try flush() }
        // Made on first use: a file of a folder report (an action list of a few kilobytes) needs no megabyte.
        if buffer.capacity == 0 { buffer.reserveCapacity(ReportFile.bufferSize) }
        buffer.append(contentsOf: bytes)
    }

    /// Writes what is buffered and waits until the file is on disk. With `waiting` false (one of thousands
    /// of small files of a folder report), only closes it: `ReportFolder.syncFiles()` then waits for all of
    /// them at once (one `syncfs`), before the folder is switched in. Asking the disk to start on each small
    /// file (`sync_file_range`) cost more than it saved: 17,646 action lists of about 8 KB took 1.32 s that
    /// way against 0.62 s written plainly and synced together (docs/performance.md).
    func finish(waiting: Bool = true) throws(ReportFolder.Failure) {
        try flush()
        if previousLength > written, ftruncate(descriptor, off_t(written)) != 0 {
            throw ReportFolder.Failure(path: shownPath, reason: ReportFolder.lastError())
        }
        // fdatasync: the bytes and the size must be on disk before the folder is switched; the times need not be.
        if waiting, fdatasync(descriptor) != 0 {
            throw ReportFolder.Failure(path: shownPath, reason: ReportFolder.lastError())
        }
        let closed = close(descriptor)
        descriptor = -1
        guard closed == 0 else { throw ReportFolder.Failure(path: shownPath, reason: ReportFolder.lastError()) }
    }

    private func flush() throws(ReportFolder.Failure) {
        guard !buffer.isEmpty else { return }
        var failure: ReportFolder.Failure?
        buffer.withUnsafeBytes { bytes in
            do throws(ReportFolder.Failure) { try writeAll(bytes) } catch { failure = error }
        }
        buffer.removeAll(keepingCapacity: true)
        if let failure { throw failure }
    }

    private func writeAll(_ bytes: UnsafeRawBufferPointer) throws(ReportFolder.Failure) {
        var done = 0
        while done < bytes.count {
            let result = write(descriptor, bytes.baseAddress! + done, bytes.count - done)
            if result < 0 {
                if errno == EINTR { continue }
                throw ReportFolder.Failure(path: shownPath, reason: ReportFolder.lastError())
            }
            done += result
        }
        written += done
        // A large report starts on its way to disk while the rest is rendered, so that `finish` does not
        // wait for hundreds of megabytes at the end. Only a hint: `fdatasync` still decides.
        if written - handedToDisk >= ReportFile.writebackStep {
            _ = herald_start_writeback(descriptor, Int64(handedToDisk), Int64(written - handedToDisk))
            handedToDisk = written
        }
    }
}
