import CLibXML2

/// Writes XML through libxml2's text writer, which escapes markup in text and attributes. Registry text
/// is cleaned of characters XML 1.0 cannot carry before it reaches the writer (`XMLText.clean`), so a
/// report stays well-formed whatever a bio contains.
///
/// Indentation is written here, not by libxml2, so that a fragment written on its own (a chunk of
/// accounts rendered on another core, started at `depth`) is byte for byte what the same elements would
/// be inside the whole document; `insert(_:)` places such a fragment.
final class XMLWriter {
    /// Why a document could not be written: libxml2 or the destination reported a failure.
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// Receives libxml2's output buffer by buffer.
    private final class Sink {
        var bytes: [UInt8] = []
        let forward: ((UnsafeRawBufferPointer) throws -> Void)?
        var error: (any Error)?

        init(forward: ((UnsafeRawBufferPointer) throws -> Void)?) {
            self.forward = forward
        }
    }

    private let sink: Sink
    private let writer: xmlTextWriterPtr
    private var failed: String?
    /// Per open element: whether it has child elements, so its end tag goes on a line of its own.
    private var open: [Bool] = []
    private let baseDepth: Int
    private var wroteElement = false

    /// A writer that keeps what it writes in memory (`finish()` returns it).
    /// - Parameter depth: the nesting depth the fragment will sit at in its document.
    convenience init(depth: Int = 0, capacity: Int = 1 << 16) throws(Failure) {
        try self.init(depth: depth, capacity: capacity, forward: nil)
    }

    /// A writer that hands its output to `output` as it goes (for reports of hundreds of megabytes).
    convenience init(streamingTo output: @escaping (UnsafeRawBufferPointer) throws -> Void) throws(Failure) {
        try self.init(depth: 0, capacity: 0, forward: output)
    }

    private init(depth: Int, capacity: Int, forward: ((UnsafeRawBufferPointer) throws -> Void)?) throws(Failure) {
        xmlInitParser()
        sink = Sink(forward: forward)
        sink.bytes.reserveCapacity(capacity)
        baseDepth = depth
        wroteElement = depth > 0
        let context = Unmanaged.passUnretained(sink).toOpaque()
        guard let output = xmlOutputBufferCreateIO({ context, buffer, length in
            guard let context, let buffer, length > 0 else { return 0 }
            let sink = Unmanaged<Sink>.fromOpaque(context).takeUnretainedValue()
            let bytes = UnsafeRawBufferPointer(start: buffer, count: Int(length))
            if let forward = sink.forward {
                do { try forward(bytes) } catch {
                    sink.error = error
                    return -1
                }
            } else {
                sink.bytes.append(contentsOf: bytes)
            }
            return length
        }, nil, context, nil) else { throw Failure(description: "libxml2 could not create an output buffer") }
        guard let writer = xmlNewTextWriter(output) else {
            xmlOutputBufferClose(output)
            throw Failure(description: "libxml2 could not create a text writer")
        }
        self.writer = writer
    }

    deinit {
        // Frees the writer and closes (frees) the output buffer it owns.
        xmlFreeTextWriter(writer)
    }

    func startDocument() {
        check(xmlTextWriterStartDocument(writer, "1.0", "UTF-8", nil), "the XML declaration")
    }

    func startElement(_ name: StaticString) {
        if !open.isEmpty { open[open.count - 1] = true }
        if wroteElement { newline(depth: baseDepth + open.count) }
        wroteElement = true
        check(xmlTextWriterStartElement(writer, name.xml), name)
        open.append(false)
    }

    func endElement() {
        if open.removeLast() { newline(depth: baseDepth + open.count) }
        check(xmlTextWriterEndElement(writer), "an end tag")
    }

    /// An attribute of the element just started; nil writes nothing.
    func attribute(_ name: StaticString, _ value: String?) {
        guard let value else { return }
        XMLText.withClean(value) { check(xmlTextWriterWriteAttribute(writer, name.xml, $0), name) }
    }

    func attribute(_ name: StaticString, _ value: Int) {
        attribute(name, String(value))
    }

    /// An attribute whose value is two pieces of text, written without joining them first.
    func attribute(_ name: StaticString, _ first: String, _ second: String) {
        check(xmlTextWriterStartAttribute(writer, name.xml), name)
        XMLText.withClean(first) { check(xmlTextWriterWriteString(writer, $0), name) }
        XMLText.withClean(second) { check(xmlTextWriterWriteString(writer, $0), name) }
        check(xmlTextWriterEndAttribute(writer), name)
    }

    func text(_ value: String) {
        XMLText.withClean(value) { check(xmlTextWriterWriteString(writer, $0), "text") }
    }

    /// `<name attributes…>body</name>`.
    func element(_ name: StaticString, _ attributes: KeyValuePairs<StaticString, String?> = [:], body: () -> Void = {}) {
        startElement(name)
        for (key, value) in attributes { attribute(key, value) }
        body()
        endElement()
    }

    /// `<name>text</name>`; nil writes nothing.
    func element(_ name: StaticString, text value: String?) {
        guard let value else { return }
        startElement(name)
        text(value)
        endElement()
    }

    /// Places a fragment another `XMLWriter` wrote (with `depth` one more than the open elements here).
    func insert(_ fragment: [UInt8]) {
        guard !fragment.isEmpty else { return }
        if !open.isEmpty { open[open.count - 1] = true }
        wroteElement = true
        fragment.withUnsafeBufferPointer { bytes in
            check(xmlTextWriterWriteRawLen(writer, bytes.baseAddress, Int32(bytes.count)), "a fragment")
        }
    }

    /// Closes every open element and returns what was kept in memory (nothing when streaming).
    func finish() throws(Failure) -> [UInt8] {
        while !open.isEmpty { endElement() }
        if baseDepth == 0 {
            check(xmlTextWriterEndDocument(writer), "the end of the document")
        }
        check(xmlTextWriterFlush(writer), "the last buffer")
        if let error = sink.error { throw Failure(description: "\(error)") }
        if let failed { throw Failure(description: "libxml2 could not write \(failed)") }
        return sink.bytes
    }

    private func newline(depth: Int) {
        let whitespace = XMLWriter.indentation[min(depth, XMLWriter.indentation.count - 1)]
        whitespace.withUnsafeBufferPointer { bytes in
            check(xmlTextWriterWriteRawLen(writer, bytes.baseAddress, Int32(bytes.count)), "whitespace")
        }
    }

    /// A line feed and two spaces per level, made once.
    private static let indentation: [[xmlChar]] = (0..<40).map { [0x0A] + Array(repeating: 0x20, count: 2 * $0) }

    private func check(_ status: Int32, _ what: StaticString) {
        if status < 0, failed == nil { failed = sink.error.map { "\($0)" } ?? "\(what)" }
    }
}

extension StaticString {
    /// libxml2 spells UTF-8 text `const xmlChar *`; element and attribute names are ASCII literals.
    var xml: UnsafePointer<xmlChar> { UnsafePointer(utf8Start) }
}
