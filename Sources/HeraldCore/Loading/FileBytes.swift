#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Plain POSIX file access: the loader reads up to 100,000 small files, where Foundation's wrappers cost
/// more than the reading itself.
enum FileBytes {
    struct Failure: Error {
        enum Cause {
            /// A system call failed; `reason` is the system's message.
            case system
            /// The file is larger than the limit given: its contents were not read.
            case tooLarge(bytes: Int)
        }

        let cause: Cause
        let reason: String

        init(_ cause: Cause = .system, reason: String) {
            self.cause = cause
            self.reason = reason
        }
    }

    enum Kind: Equatable {
        case file, directory, link, fifo, socket, device, missing

        /// How users know the thing: "a named pipe (FIFO)".
        var description: String {
            switch self {
            case .file: "a file"
            case .directory: "a folder"
            case .link: "a symbolic link"
            case .fifo: "a named pipe (FIFO)"
            case .socket: "a socket"
            case .device: "a device"
            case .missing: "nothing"
            }
        }

        init(mode: mode_t) {
            switch mode & S_IFMT {
            case S_IFREG: self = .file
            case S_IFDIR: self = .directory
            case S_IFLNK: self = .link
            case S_IFIFO: self = .fifo
            case S_IFSOCK: self = .socket
            default: self = .device
            }
        }
    }

    /// The file's bytes. With `folder`, an open folder's descriptor, `path` is a name inside that folder:
    /// the kernel then skips looking up the folder's path again for each of its files.
    /// - Parameter limit: the most bytes the file may hold; a larger file is not read (`Failure.Cause.tooLarge`).
    /// - Throws: `Failure` when the file cannot be opened or read, or is too large.
    static func read(_ path: String, inFolder folder: Int32 = AT_FDCWD, limit: Int) throws(Failure) -> [UInt8] {
        // O_NONBLOCK: a named pipe put where a file should be must not hang the audit in `open`; for regular
        // files the flag changes nothing.
        let descriptor = openat(folder, path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard descriptor >= 0 else { throw Failure(reason: lastError()) }
        defer { close(descriptor) }
        // No `fstat` first (one system call more on each of 100,000 files): callers have seen the entry is a
        // regular file in its folder's listing, and the size is checked by reading at most `limit` + 1 bytes.
        // Account files are a few hundred bytes: one read into a buffer on the stack takes all, and the
        // bytes are copied into an array of their own size (a zeroed 4 KiB array per file, kept at that
        // capacity, was a twelfth of the audit's memory and page faults). A regular file returns fewer
        // bytes than asked only at its end, so a short read ends the loop without a second system call.
        let first = min(4096, limit + 1)
        let start = withUnsafeTemporaryAllocation(of: UInt8.self, capacity: first) { buffer -> Result<[UInt8], Failure> in
            while true {
                let got = posixRead(descriptor, buffer.baseAddress!, first)
                if got < 0 {
                    if errno == EINTR { continue }
                    return .failure(Failure(reason: lastError()))
                }
                return .success(Array(UnsafeBufferPointer(rebasing: buffer[..<got])))
            }
        }
        var bytes = try start.get()
        // A short read is the whole file; a full buffer may have more after it, read below.
        guard bytes.count == first else { return bytes }
        var count = bytes.count
        while true {
            if count == bytes.count {
                guard count <= limit else { throw tooLarge(descriptor, read: count) }
                bytes.append(contentsOf: repeatElement(0, count: min(bytes.count, limit + 1 - count)))
            }
            let asked = bytes.count - count
            let got = bytes.withUnsafeMutableBytes { buffer in
                posixRead(descriptor, buffer.baseAddress! + count, asked)
            }
            if got < 0 {
                if errno == EINTR { continue }
                throw Failure(reason: lastError())
            }
            count += got
            if got < asked { break }
        }
        guard count <= limit else { throw tooLarge(descriptor, read: count) }
        bytes.removeSubrange(count...)
        return bytes
    }

    /// The failure for a file that holds more than its limit, with its size as the system knows it.
    private static func tooLarge(_ descriptor: Int32, read: Int) -> Failure {
        var info = stat()
        let size = fstat(descriptor, &info) == 0 ? max(read, Int(info.st_size)) : read
        return Failure(.tooLarge(bytes: size), reason: "the file is too large")
    }

    static func kind(_ path: String, followingLinks: Bool = false) -> Kind {
        var info = stat()
        let result = followingLinks ? stat(path, &info) : lstat(path, &info)
        guard result == 0 else { return .missing }
        return Kind(mode: info.st_mode)
    }

    /// One entry of a folder listing.
    struct Entry {
        /// The name; a name that is not UTF-8 has U+FFFD in place of each bad byte.
        let name: String
        /// The kind when the listing tells it (nil: ask `kind`).
        let kind: Kind?
        /// False when the name on disk is not valid UTF-8: `name` then leads nowhere.
        let nameIsUTF8: Bool
    }

    /// The entries of a directory, sorted, hidden ones (starting with ".") left out, each with its kind when
    /// the directory listing tells it (nil: ask `kind`). Saves one `lstat` per file on 100,000 files.
    static func visibleEntries(_ path: String) throws(Failure) -> [Entry] {
        guard let directory = opendir(path) else { throw Failure(reason: lastError()) }
        defer { closedir(directory) }
        var entries: [Entry] = []
        while let entry = readdir(directory) {
            // Read the name in place, up to its NUL: a directory entry is only as long as its name
            // (`d_reclen`), so copying the whole 256-byte `d_name` could read past the end of the kernel's
            // buffer, and did crash at a page boundary.
            let (name, valid) = withUnsafeMutablePointer(to: &entry.pointee.d_name) { field in
                field.withMemoryRebound(to: CChar.self, capacity: 1) { name in
                    String(validatingCString: name).map { ($0, true) } ?? (String(cString: name), false)
                }
            }
            guard !name.hasPrefix(".") else { continue }
            let kind: Kind? = switch Int32(entry.pointee.d_type) {
            case Int32(DT_REG): .file
            case Int32(DT_DIR): .directory
            default: nil
            }
            entries.append(Entry(name: name, kind: kind, nameIsUTF8: valid))
        }
        return entries.sorted { $0.name < $1.name }
    }

    /// A descriptor of the folder for `read(_:inFolder:)`, or nil.
    static func openFolder(_ path: String) -> Int32? {
        let descriptor = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        return descriptor >= 0 ? descriptor : nil
    }

    static func closeFolder(_ descriptor: Int32) {
        close(descriptor)
    }

    /// The absolute path with every symbolic link resolved, or nil when it does not resolve.
    static func resolved(_ path: String) -> String? {
        guard let pointer = realpath(path, nil) else { return nil }
        defer { free(pointer) }
        return String(cString: pointer)
    }

    private static func lastError() -> String { String(cString: strerror(errno)) }
}

private func posixRead(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
    read(descriptor, buffer, count)
}
