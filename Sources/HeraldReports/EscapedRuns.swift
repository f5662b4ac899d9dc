/// Appends `utf8` to `bytes` with every byte that `escape` answers for replaced by its answer, and the runs
/// between them copied in one piece: the one loop behind the HTML and XML writers' text. Registry text is
/// mostly runs of plain bytes with a few characters to escape (a finding's message quotes values).
/// - Parameter escape: what to write for a byte, or nil to keep it.
@inline(__always)
func appendEscapingRuns(_ utf8: UnsafeBufferPointer<UInt8>, to bytes: inout [UInt8], _ escape: (UInt8) -> StaticString?) {
    var start = 0
    for index in utf8.indices {
        guard let replacement = escape(utf8[index]) else { continue }
        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start ..< index]))
        replacement.withUTF8Buffer { bytes.append(contentsOf: $0) }
        start = index + 1
    }
    bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start...]))
}

/// `body` over `value`'s UTF-8 bytes where they lie, for the writers' text: a `var` copy of each value for
/// `withUTF8` counted a reference for every string of a report. A string whose bytes are not contiguous
/// UTF-8 (bridged from Objective-C) is copied once.
@inline(__always)
func withUTF8Bytes<Result>(of value: String, _ body: (UnsafeBufferPointer<UInt8>) throws -> Result) rethrows -> Result {
    if let result = try value.utf8.withContiguousStorageIfAvailable(body) { return result }
    var copy = value
    return try copy.withUTF8(body)
}
