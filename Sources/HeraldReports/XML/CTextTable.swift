import CLibXML2

/// Strings cleaned for XML (`XMLText.clean`) and stored once as C text in one block, for values a report
/// writes many times (JUnit writes each account's file and name once per rule): libxml2 reads them in
/// place, with no conversion on each use.
struct CTextTable: Sendable {
    private var storage: [UInt8] = []
    private var offsets: [Int] = []

    init(_ strings: [String]) {
        storage.reserveCapacity(strings.reduce(0) { $0 + $1.utf8.count + 1 })
        offsets.reserveCapacity(strings.count)
        for string in strings {
            offsets.append(storage.count)
            XMLText.withClean(string) { pointer in
                var index = 0
                while pointer[index] != 0 { index += 1 }
                storage.append(contentsOf: UnsafeBufferPointer(start: pointer, count: index))
            }
            storage.append(0)
        }
    }

    var count: Int { offsets.count }

    /// Calls `body` with a function that returns the C text of string `index` and its length in bytes.
    func withTexts<R>(_ body: ((Int) -> (text: UnsafePointer<xmlChar>, count: Int)) throws -> R) rethrows -> R {
        try storage.withUnsafeBufferPointer { buffer in
            try offsets.withUnsafeBufferPointer { offsets in
                try body { index in
                    let end = index + 1 < offsets.count ? offsets[index + 1] : buffer.count
                    return (buffer.baseAddress! + offsets[index], end - offsets[index] - 1)
                }
            }
        }
    }
}
