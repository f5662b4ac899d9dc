import CWriteback
import HeraldCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes report files atomically: each report streams into a temporary file in the same folder, is
/// flushed to disk, and only when every report is complete are they renamed over the old ones. A crash, a
/// full disk or a failed report leaves the last good set of reports.
enum ReportWriter {
    struct Failure: Error, CustomStringConvertible {
        let path: String
        let reason: String
        var description: String { "\(path): \(reason)" }
    }

    static func createFolder(_ path: String) throws(Failure) {
        var built = path.hasPrefix("/") ? "" : "."
        for component in path.split(separator: "/") {
            built += "/" + component
            if mkdir(built, 0o755) != 0 && errno != EEXIST { throw Failure(path: path, reason: lastError()) }
        }
        var info = stat()
        guard stat(path, &info) == 0, info.st_mode & S_IFMT == S_IFDIR else {
            throw Failure(path: path, reason: "exists but is not a folder")
        }
    }

    /// Runs `body` for every format at once, each on a thread of its own; results in the order given.
    /// Threads, not tasks of Dispatch's pool: the pool is as wide as the machine, so small reports waited
    /// for large ones and the audit ended on one busy core; reports split their own work across the pool.
    /// Every thread is joined before this returns, so none is still ending when the process exits.
    /// - Parameter order: the order to start them in (results still come in the order given).
    static func inParallel<Item: Sendable>(_ items: [Item], order: (Range<Int>) -> [Int] = { Array($0) },
                                           _ body: @escaping @Sendable (Item) throws(Failure) -> Pending) -> [Result<Pending, Failure>] {
        let jobs = items.map { item in Job { Result { () throws(Failure) in try body(item) } } }
        var threads: [Int: pthread_t] = [:]
        for index in order(items.indices) {
            var thread = pthread_t()
            let context = Unmanaged.passRetained(jobs[index]).toOpaque()
            if pthread_create(&thread, nil, { context in
                let job = Unmanaged<Job<Pending>>.fromOpaque(context!).takeRetainedValue()
                job.run()
                return nil
            }, context) == 0 {
                threads[index] = thread
            } else {
                Unmanaged<Job<Pending>>.fromOpaque(context).release()
                jobs[index].run()  // no thread to be had: here, then
            }
        }
        for thread in threads.values { pthread_join(thread, nil) }
        return jobs.map { $0.result! }
    }

    /// Work for one thread, and its result: written by that thread, read after it has been joined.
    private final class Job<Value>: @unchecked Sendable {
        private let work: @Sendable () -> Result<Value, Failure>
        private(set) var result: Result<Value, Failure>?

        init(_ work: @escaping @Sendable () -> Result<Value, Failure>) { self.work = work }

        func run() { result = work() }
    }

    /// Renames every finished report over its previous version. The previous versions are kept (as hard
    /// links) until all renames succeeded; if one fails, those already renamed are put back, so the folder
    /// never mixes reports of two audits.
    static func commit(_ reports: [Pending]) throws(Failure) {
        var previous: [(path: String, kept: String?)] = []
        do throws(Failure) {
            for report in reports {
                let kept = "\(report.path).previous-\(getpid())"
                if link(report.path, kept) == 0 {
                    previous.append((report.path, kept))
                } else if errno == ENOENT {
                    previous.append((report.path, nil))
                } else {
                    throw Failure(path: report.path, reason: "the previous report cannot be kept while the new one replaces it: \(lastError())")
                }
                try report.commit()
            }
        } catch {
            for (path, kept) in previous.reversed() {
                if let kept { rename(kept, path) } else { unlink(path) }
            }
            for report in reports { report.discard() }
            throw error
        }
        for case let (_, kept?) in previous { unlink(kept) }
    }

    /// One report on its way to disk; used by one thread at a time.
    final class Pending: @unchecked Sendable {
        let path: String
        private let temporary: String
        private var descriptor: Int32
        private var buffer: [UInt8] = []
        private static let bufferSize = 1 << 20
        /// Bytes written so far, and how many of them the disk has been asked to take.
        private var written = 0, handedToDisk = 0
        private static let writebackStep = 8 << 20

        init(path: String) throws(Failure) {
            self.path = path
            temporary = "\(path).tmp-\(getpid())"
            descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
            guard descriptor >= 0 else { throw Failure(path: path, reason: lastError()) }
            buffer.reserveCapacity(Pending.bufferSize)
        }

        func append(_ bytes: UnsafeRawBufferPointer) throws(Failure) {
            // Large pieces (chunks of accounts) go to the file without another copy, after what is buffered.
            if bytes.count >= Pending.bufferSize / 4 {
                try flush()
                return try writeAll(bytes)
            }
            if buffer.count + bytes.count > Pending.bufferSize { try flush() }
            buffer.append(contentsOf: bytes)
        }

        /// Writes what is buffered and waits until the file is on disk.
        func finish() throws(Failure) {
            try flush()
            // fdatasync: the bytes and the size must be on disk before the rename; the times need not be.
            guard fdatasync(descriptor) == 0 else { throw Failure(path: path, reason: lastError()) }
            let closed = close(descriptor)
            descriptor = -1
            guard closed == 0 else { throw Failure(path: path, reason: lastError()) }
        }

        func commit() throws(Failure) {
            guard rename(temporary, path) == 0 else { throw Failure(path: path, reason: lastError()) }
        }

        func discard() {
            if descriptor >= 0 { close(descriptor) }
            descriptor = -1
            unlink(temporary)
        }

        private func flush() throws(Failure) {
            guard !buffer.isEmpty else { return }
            var failure: Failure?
            buffer.withUnsafeBytes { bytes in
                do throws(Failure) { try writeAll(bytes) } catch { failure = error }
            }
            buffer.removeAll(keepingCapacity: true)
            if let failure { throw failure }
        }

        private func writeAll(_ bytes: UnsafeRawBufferPointer) throws(Failure) {
            var done = 0
            while done < bytes.count {
                let result = write(descriptor, bytes.baseAddress! + done, bytes.count - done)
                if result < 0 {
                    if errno == EINTR { continue }
                    throw Failure(path: path, reason: lastError())
                }
                done += result
            }
            written += done
            // A large report starts on its way to disk while the rest is rendered, so that `finish` does not
            // wait for hundreds of megabytes at the end. Only a hint: `fdatasync` still decides.
            if written - handedToDisk >= Pending.writebackStep {
                _ = herald_start_writeback(descriptor, Int64(handedToDisk), Int64(written - handedToDisk))
                handedToDisk = written
            }
        }
    }

    fileprivate static func lastError() -> String { String(cString: strerror(errno)) }
}

private func lastError() -> String { ReportWriter.lastError() }
