import CLibXML2

/// Strings cleaned for XML (`XMLText.clean`) and stored once as C text in one block, for values a report
/// writes many times (JUnit writes each account's file and name once per rule): libxml2 reads them in
/// place, with no conversion on each use.
struct CTextTable: Sendable {
    private var storage: [UInt8] = []
    private var offsets: [Int] = []
    /// Per string: whether libxml2 would write it into an attribute unchanged (`XMLText.Escaping`).
    private var plain: [Bool] = []

    init(_ strings: [String]) {
        storage.reserveCapacity(strings.reduce(0) { $0 + $1.utf8.count + 1 })
        offsets.reserveCapacity(strings.count)
        for string in strings {
            offsets.append(storage.count)
            XMLText.withClean(string) { pointer, count, escaping in
                storage.append(contentsOf: UnsafeBufferPointer(start: pointer, count: count))
                plain.append(escaping.plainAttribute)
            }
            storage.append(0)
        }
    }

    var count: Int { offsets.count }

    /// Calls `body` with a function that returns the C text of string `index`, its length in bytes and
    /// whether an attribute can hold it unescaped.
    func withTexts<R>(_ body: ((Int) -> (text: UnsafePointer<xmlChar>, count: Int, plain: Bool)) throws -> R) rethrows -> R {
        try storage.withUnsafeBufferPointer { buffer in
            try offsets.withUnsafeBufferPointer { offsets in
                try plain.withUnsafeBufferPointer { plain in
                    try body { index in
                        let end = index + 1 < offsets.count ? offsets[index + 1] : buffer.count
                        return (buffer.baseAddress! + offsets[index], end - offsets[index] - 1, plain[index])
                    }
                }
            }
        }
    }
}
