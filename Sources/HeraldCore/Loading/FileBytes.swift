#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Plain POSIX file access: the loader reads up to 100,000 small files, where Foundation's wrappers cost
/// more than the reading itself.
enum FileBytes {
    struct Failure: Error {
        let reason: String
    }

    enum Kind {
        case file, directory, link, other, missing
    }

    /// The file's bytes. With `folder`, an open folder's descriptor, `path` is a name inside that folder:
    /// the kernel then skips looking up the folder's path again for each of its files.
    static func read(_ path: String, inFolder folder: Int32 = AT_FDCWD) throws(Failure) -> [UInt8] {
        let descriptor = openat(folder, path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw Failure(reason: lastError()) }
        defer { close(descriptor) }
        // Account files are a few hundred bytes: one read takes all. A regular file returns fewer bytes than
        // asked only at its end, so a short read ends the loop without a second system call.
        var bytes = [UInt8](repeating: 0, count: 4096)
        var count = 0
        while true {
            if count == bytes.count { bytes.append(contentsOf: repeatElement(0, count: bytes.count)) }
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
        bytes.removeSubrange(count...)
        return bytes
    }

    static func kind(_ path: String, followingLinks: Bool = false) -> Kind {
        var info = stat()
        let result = followingLinks ? stat(path, &info) : lstat(path, &info)
        guard result == 0 else { return .missing }
        switch info.st_mode & S_IFMT {
        case S_IFREG: return .file
        case S_IFDIR: return .directory
        case S_IFLNK: return .link
        default: return .other
        }
    }

    /// The entries of a directory, sorted, hidden ones (starting with ".") left out, each with its kind when
    /// the directory listing tells it (nil: ask `kind`). Saves one `lstat` per file on 100,000 files.
    static func visibleEntries(_ path: String) throws(Failure) -> [(name: String, kind: Kind?)] {
        guard let directory = opendir(path) else { throw Failure(reason: lastError()) }
        defer { closedir(directory) }
        var entries: [(name: String, kind: Kind?)] = []
        while let entry = readdir(directory) {
            // Read the name in place, up to its NUL: a directory entry is only as long as its name
            // (`d_reclen`), so copying the whole 256-byte `d_name` could read past the end of the kernel's
            // buffer, and did crash at a page boundary.
            let name = withUnsafeMutablePointer(to: &entry.pointee.d_name) { field in
                field.withMemoryRebound(to: CChar.self, capacity: 1) { String(cString: $0) }
            }
            guard !name.hasPrefix(".") else { continue }
            let kind: Kind? = switch Int32(entry.pointee.d_type) {
            case Int32(DT_REG): .file
            case Int32(DT_DIR): .directory
            default: nil
            }
            entries.append((name, kind))
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
