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
        a.count == b.count && zip(a, b).allSatisfy { lower($0) == lower($1) }
    }
}
