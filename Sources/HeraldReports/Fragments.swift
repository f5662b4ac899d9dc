import HeraldCore

/// Renders the long middle of a report (one element per account) in pieces on every core and hands the
/// pieces over in order, a batch at a time so that memory stays small whatever the registry's size.
enum Fragments {
    static let accountsPerChunk = 1024
    /// Pieces rendered before they are handed over: enough to keep every core busy between hand-overs,
    /// few enough that a batch stays small. At 32 pieces of 2,048 accounts, report.xml of a registry with
    /// six findings per account held 150 MB of pieces at once.
    static let batchSize = 16

    /// Accounts `0..<count`, in chunks.
    static func render<Fragment: Sendable>(count: Int, _ chunk: @Sendable (Range<Int>) throws -> Fragment, into consume: (Fragment) throws -> Void) throws {
        try render(chunks(of: 0..<count), chunk, into: consume)
    }

    static func render<Piece: Sendable, Fragment: Sendable>(_ pieces: [Piece], _ render: @Sendable (Piece) throws -> Fragment, into consume: (Fragment) throws -> Void) throws {
        for batch in stride(from: 0, to: pieces.count, by: batchSize) {
            let rendered = ParallelMap.map(Array(pieces[batch..<min(pieces.count, batch + batchSize)]), chunkSize: 1) { piece in
                Result { try render(piece) }
            }
            for fragment in rendered { try consume(try fragment.get()) }
        }
    }

    static func chunks(of range: Range<Int>) -> [Range<Int>] {
        stride(from: range.lowerBound, to: range.upperBound, by: accountsPerChunk).map { $0..<min(range.upperBound, $0 + accountsPerChunk) }
    }
}
