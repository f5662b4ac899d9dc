import Dispatch

/// Maps a function over an array on every core, keeping the order. Parsing 100,000 files is the audit's
/// main cost, and it splits cleanly per file.
package enum ParallelMap {
    /// - Parameter chunkSize: items handed to a thread at a time; small for items of uneven cost.
    package static func map<Element: Sendable, Result: Sendable>(_ items: [Element], chunkSize: Int = 64,
                                                                 _ transform: @Sendable (Element) -> Result) -> [Result] {
        let chunks = (items.count + chunkSize - 1) / chunkSize
        guard chunks > 1 else { return items.map(transform) }
        let slots = ResultSlots<Result>(count: items.count)
        DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
            let range = chunk * chunkSize ..< min(items.count, (chunk + 1) * chunkSize)
            for index in range { slots.store(transform(items[index]), at: index) }
        }
        return slots.collect()
    }
}

/// Write-once storage for parallel results: each index is written by exactly one iteration, and read only
/// after `concurrentPerform` returns, so no two threads touch the same slot.
private final class ResultSlots<Value>: @unchecked Sendable {
    private let buffer: UnsafeMutableBufferPointer<Value?>

    init(count: Int) {
        buffer = .allocate(capacity: count)
        buffer.initialize(repeating: nil)
    }

    func store(_ value: Value, at index: Int) { buffer[index] = value }

    func collect() -> [Value] { buffer.map { $0! } }

    deinit {
        buffer.deinitialize()
        buffer.deallocate()
    }
}

/// Work started on another thread whose result is collected later.
package final class BackgroundWork<Value: Sendable>: @unchecked Sendable {
    // Written once by the work item, read only after `group.wait()`: the group orders the two.
    private var value: Value?
    private let group = DispatchGroup()

    package init(_ work: @escaping @Sendable () -> Value) {
        DispatchQueue.global().async(group: group) { [self] in value = work() }
    }

    package func result() -> Value {
        group.wait()
        return value!
    }
}
