import CLibXML2

/// Attribute values escaped by libxml2 once and kept, for values a report writes many times: JUnit writes
/// each account's file and name once per rule. libxml2's `xmlAttrSerializeTxtContent` is the escaping its
/// text writer applies to attribute values, so writing these bytes as they are gives the same document.
struct EscapedAttributeValues: Sendable {
    private var storage: [UInt8] = []
    private var ends: [Int] = []

    init(_ strings: [String]) {
        xmlInitParser()
        guard let buffer = xmlBufferCreate() else { return }
        defer { xmlBufferFree(buffer) }
        ends.reserveCapacity(strings.count)
        for string in strings {
            xmlBufferEmpty(buffer)
            XMLText.withClean(string) { text, _, _ in xmlAttrSerializeTxtContent(buffer, nil, nil, text) }
            if let content = xmlBufferContent(buffer) {
                storage.append(contentsOf: UnsafeBufferPointer(start: content, count: Int(xmlBufferLength(buffer))))
            }
            ends.append(storage.count)
        }
    }

    /// Calls `body` with a function that returns the escaped bytes of value `index`.
    func withValues<R>(_ body: ((Int) -> UnsafeBufferPointer<xmlChar>) throws -> R) rethrows -> R {
        try storage.withUnsafeBufferPointer { storage in
            try ends.withUnsafeBufferPointer { ends in
                try body { index in
                    let start = index == 0 ? 0 : ends[index - 1]
                    return UnsafeBufferPointer(rebasing: storage[start..<ends[index]])
                }
            }
        }
    }
}
