/// ASCII letter case on UTF-8 bytes, for the checks that run on every account (urls, handles, secrets):
/// lower-casing a `String` allocates a copy, and these compare in place. Bytes outside A–Z are kept as they
/// are, so non-ASCII text compares exactly.
///
/// Inlinable: the rules call these from another module, where an unspecialised generic comparison of
/// official e-mail domains cost 2.5% of an audit's processor time.
public enum ASCIICase {
    /// `byte` with A–Z made a–z.
    @inlinable public static func lower(_ byte: UInt8) -> UInt8 {
        (0x41...0x5A).contains(byte) ? byte + 0x20 : byte
    }

    /// True when the two byte sequences are equal but for the case of ASCII letters.
    @inlinable public static func equal<A: Collection, B: Collection>(_ a: A, _ b: B) -> Bool where A.Element == UInt8, B.Element == UInt8 {
        guard a.count == b.count else { return false }
        // Strings and byte buffers are compared in their own storage: stepping two `String.UTF8View`s
        // together cost more than the comparison (the url check compares hosts and handles this way).
        if let answer = a.withContiguousStorageIfAvailable({ a in b.withContiguousStorageIfAvailable { b in equal(buffer: a, b) } }),
           let answer {
            return answer
        }
        return zip(a, b).allSatisfy { lower($0) == lower($1) }
    }

    @inlinable static func equal(buffer a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
        for index in a.indices where lower(a[index]) != lower(b[index]) { return false }
        return true
    }
}
