import HeraldCore

/// Renders the long middle of a report (one element per account) in chunks on every core and hands the
/// chunks over in order, a few at a time so that memory stays small whatever the registry's size.
enum Fragments {
    static let accountsPerChunk = 2048

    static func render(count: Int, _ chunk: @Sendable (Range<Int>) throws -> [UInt8], into consume: ([UInt8]) -> Void) throws {
        let ranges = stride(from: 0, to: count, by: accountsPerChunk).map { $0..<min(count, $0 + accountsPerChunk) }
        for batch in stride(from: 0, to: ranges.count, by: 8) {
            let rendered = ParallelMap.map(Array(ranges[batch..<min(ranges.count, batch + 8)]), chunkSize: 1) { range in
                Result { try chunk(range) }
            }
            for fragment in rendered { consume(try fragment.get()) }
        }
    }
}
