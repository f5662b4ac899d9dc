/// A small set of bytes looked for eight at a time: every byte below a bound, up to six single bytes and,
/// optionally, every byte from 0x80. The report writers copy text in runs between the bytes they must
/// escape, and nearly every run has none: skipping a word of eight bytes with a few integer operations
/// (the "has a zero byte" test of Hacker's Delight, section 6-1) replaced a table lookup per byte, which
/// was most of the time spent writing report.json and report.xml.
public struct ByteSet: Sendable {
    @usableFromInline static let ones: UInt64 = 0x0101_0101_0101_0101
    @usableFromInline static let highs: UInt64 = 0x8080_8080_8080_8080

    /// The bound repeated in every byte: a byte below it is in the set.
    @usableFromInline let below: UInt64
    /// The single bytes, each repeated in every byte of a word (unused ones repeat the first).
    @usableFromInline let first: UInt64, second: UInt64, third: UInt64, fourth: UInt64, fifth: UInt64, sixth: UInt64
    /// The high bit of every byte when bytes from 0x80 are in the set, else 0.
    @usableFromInline let nonASCII: UInt64

    /// - Parameters:
    ///   - bound: every byte below it is in the set; at most 0x80 (the test is exact only up to there).
    ///   - bytes: one to six more bytes of the set.
    ///   - nonASCII: whether every byte from 0x80 is in the set.
    public init(below bound: UInt8, _ bytes: [UInt8], nonASCII: Bool = false) {
        precondition(bound <= 0x80 && !bytes.isEmpty && bytes.count <= 6, "a bound up to 0x80 and one to six bytes")
        let words = (bytes + Array(repeating: bytes[0], count: 6 - bytes.count)).map { UInt64($0) &* ByteSet.ones }
        below = UInt64(bound) &* ByteSet.ones
        (first, second, third, fourth, fifth, sixth) = (words[0], words[1], words[2], words[3], words[4], words[5])
        self.nonASCII = nonASCII ? ByteSet.highs : 0
    }

    /// The set of this shape that holds every byte `isMember` names, built from the writer's own table so
    /// that the two cannot disagree: every byte below 0x20 when any of them is a member, each member from
    /// 0x20 to 0x7F, and the members from 0x80 one by one, or all of 0x80–0xFF when the single bytes would
    /// be more than six. nil when the members from 0x20 to 0x7F alone are more than six, or there are none.
    public init?(covering isMember: (UInt8) -> Bool) {
        let bound: UInt8 = (0 ..< 0x20).contains(where: isMember) ? 0x20 : 0
        let ascii = (bound ..< 0x80).filter(isMember), high = (0x80 ... 0xFF).filter(isMember)
        if !(ascii + high).isEmpty, ascii.count + high.count <= 6 {
            self.init(below: bound, ascii + high)
        } else if !high.isEmpty, ascii.count <= 6 {
            self.init(below: bound, ascii.isEmpty ? [0x80] : ascii, nonASCII: true)
        } else if ascii.isEmpty && high.isEmpty && bound > 0 {
            self.init(below: bound, [0x00])
        } else {
            return nil
        }
    }

    /// True when one of the eight bytes of `word` is in the set.
    @inlinable func holds(_ word: UInt64) -> Bool {
        // A byte of `x` is zero exactly when the word has a byte of the set there; the test finds whether
        // any is, not which.
        @inline(__always) func zeroByte(_ x: UInt64) -> UInt64 { (x &- ByteSet.ones) & ~x & ByteSet.highs }
        var found = (word &- below) & ~word & ByteSet.highs
        found |= zeroByte(word ^ first) | zeroByte(word ^ second) | zeroByte(word ^ third)
        found |= zeroByte(word ^ fourth) | zeroByte(word ^ fifth) | zeroByte(word ^ sixth)
        return found | (word & nonASCII) != 0
    }

    /// The first position at or after `start` from which `bytes` must be looked at byte by byte: the
    /// start of the first group of eight that holds a byte of the set, or of the last few bytes (fewer than
    /// eight), or `bytes.count`. No byte before it is in the set.
    @inlinable public func skip(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        guard let base = bytes.baseAddress else { return start }
        var index = start
        while index + 8 <= bytes.count {
            if holds(UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)) { return index }
            index += 8
        }
        return index
    }
}
