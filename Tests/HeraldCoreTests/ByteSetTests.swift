import HeraldCore
import Testing

/// The eight-at-a-time search must never pass over a byte of the set, and must stop only at a word that
/// holds one (or at the last few bytes).
@Suite struct ByteSetTests {
    static let sets: [(ByteSet, @Sendable (UInt8) -> Bool)] = [
        (ByteSet(below: 0x20, [0x22, 0x5C, 0x7F, 0xE2]), { $0 < 0x20 || [0x22, 0x5C, 0x7F, 0xE2].contains($0) }),
        (ByteSet(below: 0x20, [0x22, 0x26, 0x3C, 0x3E], nonASCII: true), { $0 < 0x20 || $0 >= 0x80 || [0x22, 0x26, 0x3C, 0x3E].contains($0) }),
        (ByteSet(below: 0x80, [0xFF]), { $0 < 0x80 || $0 == 0xFF }),
        (ByteSet(below: 0, [0x00, 0x01, 0x7F, 0x80, 0xFE, 0xFF]), { [0x00, 0x01, 0x7F, 0x80, 0xFE, 0xFF].contains($0) }),
    ]

    @Test(arguments: 0 ..< sets.count)
    func stopsAtTheFirstWordWithAByteOfTheSet(_ set: Int) {
        let (bytes, isMember) = Self.sets[set]
        var generator = SplitMix64(seed: UInt64(set))
        for _ in 0 ..< 2_000 {
            // Mostly bytes outside the set, as text is, with an occasional one of every kind.
            let count = Int(generator.next() % 40)
            let buffer = (0 ..< count).map { _ -> UInt8 in
                generator.next() % 16 == 0 ? UInt8(truncatingIfNeeded: generator.next()) : UInt8(0x41 + generator.next() % 26)
            }
            let start = count == 0 ? 0 : Int(generator.next() % UInt64(count))
            let stop = buffer.withUnsafeBufferPointer { bytes.skip(in: $0, from: start) }
            #expect(stop >= start && stop <= count)
            #expect(!buffer[start ..< stop].contains(where: isMember), "passed over a byte of the set in \(buffer)")
            #expect((stop - start) % 8 == 0, "steps of eight")
            if stop + 8 <= count { #expect(buffer[stop ..< stop + 8].contains(where: isMember), "stopped at a word without one in \(buffer)") }
        }
    }

    /// Every single byte value, alone in a word at each of its eight places.
    @Test(arguments: 0 ..< sets.count)
    func findsEveryMemberAtEveryPlace(_ set: Int) {
        let (bytes, isMember) = Self.sets[set]
        for value in 0 ... 255 {
            let filler = [0x41, 0xC0].first { !isMember($0) }!
            for place in 0 ..< 8 {
                var buffer = [UInt8](repeating: filler, count: 16)
                buffer[place] = UInt8(value)
                let stop = buffer.withUnsafeBufferPointer { bytes.skip(in: $0, from: 0) }
                #expect((stop == 0) == isMember(UInt8(value)), "byte \(value) at \(place)")
            }
        }
    }
}

/// A set built from a writer's table holds every byte the table names, so the two cannot disagree.
@Suite struct ByteSetCoveringTests {
    @Test func holdsEveryMemberOfTablesOfEveryShape() {
        var generator = SplitMix64(seed: 7)
        var tables: [[Bool]] = [
            (0 ... 255).map { $0 < 0x20 || [0x22, 0x5C, 0x7F, 0xE2].contains($0) },  // report.json's
            (0 ... 255).map { ($0 < 0x20 && $0 != 0x09 && $0 != 0x0A) || [0x22, 0x26, 0x3C, 0x3E, 0xEF].contains($0) },  // XML text's
            (0 ... 255).map { $0 < 0x20 || $0 >= 0x80 || [0x22, 0x26, 0x3C, 0x3E].contains($0) },  // XML attributes'
            (0 ... 255).map { [0xC3] .contains($0) },
        ]
        // Random tables of a few members anywhere, and of many from 0x80.
        for _ in 0 ..< 200 {
            var table = [Bool](repeating: false, count: 256)
            for _ in 0 ..< Int(generator.next() % 7) { table[Int(generator.next() % 256)] = true }
            if generator.next() % 2 == 0 { for _ in 0 ..< 20 { table[Int(0x80 + generator.next() % 128)] = true } }
            tables.append(table)
        }
        var built = 0
        for table in tables {
            guard let set = ByteSet(covering: { table[Int($0)] }) else {
                // Only a table with more than six members from 0x20 to 0x7F, or none at all, has no such set.
                #expect((0x20 ..< 0x80).count { table[$0] } > 6 || !table.contains(true))
                continue
            }
            built += 1
            for value in 0 ... 255 where table[value] {
                for place in 0 ..< 8 {
                    var buffer = [UInt8](repeating: 0x41, count: 16)
                    buffer[place] = UInt8(value)
                    #expect(buffer.withUnsafeBufferPointer { set.skip(in: $0, from: 0) } == 0, "byte \(value) at \(place) passed over")
                }
            }
        }
        #expect(built > 150)
    }
}

/// A small seeded generator, so that every run tests the same buffers.
struct SplitMix64 {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
