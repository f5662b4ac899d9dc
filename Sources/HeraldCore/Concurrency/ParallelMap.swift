import Dispatch

/// Herald's one concurrency utility: the loader, the auditor, the reports and the command line all run
/// their parallel work through it (on Dispatch), so threads are made and bounded in one place.
///
/// Maps a function over an array on every core, keeping the order. Parsing 100,000 files is the audit's
/// main cost, and it splits cleanly per file.
///
/// Public and inlinable so that each caller's element and result types are specialised in its own module:
/// Swift 6.3 does not specialise a `package` generic in another module, and there every element was
/// copied through its type's value witnesses (the people copied for their action lists, the units for
/// their facts).
public enum ParallelMap {
    /// - Parameter chunkSize: items handed to a thread at a time; small for items of uneven cost.
    @inlinable public static func map<Element: Sendable, Result: Sendable>(_ items: [Element], chunkSize: Int = 64,
                                                                 _ transform: @Sendable (Element) -> Result) -> [Result] {
        map(indices: items.indices, chunkSize: chunkSize) { transform(items[$0]) }
    }

    @inlinable static func map<Result: Sendable>(indices: Range<Int>, chunkSize: Int, _ transform: @Sendable (Int) -> Result) -> [Result] {
        let chunks = (indices.count + chunkSize - 1) / chunkSize
        guard chunks > 1 else { return indices.map(transform) }
        let slots = ResultSlots<Result>(count: indices.count)
        DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
            let start = indices.lowerBound + chunk * chunkSize
            for index in start ..< min(indices.upperBound, start + chunkSize) { slots.store(transform(index), at: index - indices.lowerBound) }
        }
        return slots.collect()
    }

    /// `map` for transforms that give several results each, flattened in order.
    @inlinable public static func flatMap<Element: Sendable, Result: Sendable>(_ items: [Element], chunkSize: Int = 64,
                                                                     _ transform: @Sendable (Element) -> [Result]) -> [Result] {
        map(items, chunkSize: chunkSize, transform).flatMap { $0 }
    }
}

/// Write-once storage for parallel results: each index is written by exactly one iteration, and read only
/// after `concurrentPerform` returns, so no two threads touch the same slot.
@usableFromInline final class ResultSlots<Value>: @unchecked Sendable {
    @usableFromInline let buffer: UnsafeMutableBufferPointer<Value?>

    @inlinable init(count: Int) {
        buffer = .allocate(capacity: count)
        buffer.initialize(repeating: nil)
    }

    @usableFromInline var collected = false

    @inlinable func store(_ value: Value, at index: Int) { buffer[index] = value }

    /// Moves the results out (copying them would retain each); call once, after every slot is stored.
    @inlinable func collect() -> [Value] {
        collected = true
        return [Value](unsafeUninitializedCapacity: buffer.count) { target, count in
            for index in buffer.indices { (target.baseAddress! + index).initialize(to: buffer.moveElement(from: index)!) }
            count = buffer.count
        }
    }

    deinit {
        if !collected { buffer.deinitialize() }
        buffer.deallocate()
    }
}

/// Work started on a thread of its own whose result is collected later: the organisation files while
/// accounts are parsed, each report while the others render.
///
/// Each piece of work gets a serial queue of its own, which Dispatch runs on a thread of its own (serial
/// queues are "overcommit": they do not wait for a free core of the global pool). On the global pool,
/// which is as wide as the machine, short reports waited behind long ones and the audit ended on one busy
/// core; the long ones spread their own inner work over the pool with `map`.
package final class BackgroundWork<Value: Sendable>: @unchecked Sendable {
    // Written once by the work item, read only after `group.wait()`: the group orders the two.
    private var value: Value?
    private let group = DispatchGroup()

    package init(_ work: @escaping @Sendable () -> Value) {
        DispatchQueue(label: "herald.background").async(group: group) { [self] in value = work() }
    }

    /// Waits for the work to end and gives its result.
    package func result() -> Value {
        group.wait()
        return value!
    }
}
