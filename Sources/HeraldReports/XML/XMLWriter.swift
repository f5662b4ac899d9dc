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
    // Checked once per report, not on every access: only this writer's own thread touches them.
    @exclusivity(unchecked) private var failed: String?
    /// How many elements are open, and for each (a bit per depth) whether it has child elements, so its
    /// end tag goes on a line of its own. Reports nest a few levels deep; past 63 the bit is shared.
    @exclusivity(unchecked) private var openCount = 0
    @exclusivity(unchecked) private var hasChildren: UInt64 = 0
    private let baseDepth: Int
    /// A line feed and spaces for the deepest indentation; a prefix of it indents any level.
    private let indentation: UnsafeMutablePointer<xmlChar>
    private static let deepestIndentation = 64
    @exclusivity(unchecked) private var wroteElement = false

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
        indentation = .allocate(capacity: 1 + 2 * XMLWriter.deepestIndentation)
        indentation.initialize(repeating: 0x20, count: 1 + 2 * XMLWriter.deepestIndentation)
        indentation[0] = 0x0A
    }

    deinit {
        // Frees the writer and closes (frees) the output buffer it owns.
        xmlFreeTextWriter(writer)
        indentation.deallocate()
    }

    /// `<?xml version="1.0"?>`: UTF-8, the default. Naming the encoding would make libxml2 pass every byte
    /// through a converter and write non-ASCII attribute text as UTF-8 here but as character references
    /// in fragments; without it the whole document writes them as references (`&#xE9;`), text as UTF-8.
    func startDocument() {
        check(xmlTextWriterStartDocument(writer, "1.0", nil, nil), "the XML declaration")
    }

    func startElement(_ name: StaticString) {
        markParentHasChildren()
        if wroteElement { newline(depth: baseDepth + openCount) }
        wroteElement = true
        check(xmlTextWriterStartElement(writer, name.xml), name)
        openCount += 1
        hasChildren &= ~bit(openCount)
    }

    func endElement() {
        let hadChildren = hasChildren & bit(openCount) != 0
        openCount -= 1
        if hadChildren { newline(depth: baseDepth + openCount) }
        check(xmlTextWriterEndElement(writer), "an end tag")
    }

    private func bit(_ depth: Int) -> UInt64 { 1 << UInt64(min(depth, 63)) }

    private func markParentHasChildren() {
        if openCount > 0 { hasChildren |= bit(openCount) }
    }

    /// An attribute of the element just started; nil writes nothing.
    func attribute(_ name: StaticString, _ value: String?) {
        guard let value else { return }
        XMLText.withClean(value) { attribute(name, $0, count: $1, plain: $2.plainAttribute) }
    }

    func attribute(_ name: StaticString, _ value: Int) {
        attribute(name, String(value))
    }

    /// An attribute whose value is clean C text (`XMLText.withClean`). A value libxml2's escaping would
    /// leave unchanged (`plain`) skips it: the bytes are the same, and escaping attribute values was the
    /// largest part of writing a report.
    private func attribute(_ name: StaticString, _ value: UnsafePointer<xmlChar>, count: Int, plain: Bool) {
        guard plain else { return check(xmlTextWriterWriteAttribute(writer, name.xml, value), name) }
        check(xmlTextWriterStartAttribute(writer, name.xml), name)
        check(xmlTextWriterWriteRawLen(writer, value, Int32(count)), name)
        check(xmlTextWriterEndAttribute(writer), name)
    }

    /// An attribute whose value libxml2 has already escaped (`EscapedAttributeValues`).
    func attribute(_ name: StaticString, escaped value: UnsafeBufferPointer<xmlChar>) {
        check(xmlTextWriterStartAttribute(writer, name.xml), name)
        raw(value, name)
        check(xmlTextWriterEndAttribute(writer), name)
    }

    /// An attribute whose value is two pieces libxml2 has already escaped, written one after the other
    /// (escaping works character by character, so the pieces escaped apart equal the whole escaped).
    func attribute(_ name: StaticString, escaped first: UnsafeBufferPointer<xmlChar>, _ second: UnsafeBufferPointer<xmlChar>) {
        check(xmlTextWriterStartAttribute(writer, name.xml), name)
        raw(first, name)
        raw(second, name)
        check(xmlTextWriterEndAttribute(writer), name)
    }

    private func raw(_ bytes: UnsafeBufferPointer<xmlChar>, _ what: StaticString) {
        guard !bytes.isEmpty else { return }
        check(xmlTextWriterWriteRawLen(writer, bytes.baseAddress, Int32(bytes.count)), what)
    }

    func text(_ value: String) {
        XMLText.withClean(value) { text, count, escaping in
            guard escaping.plainText else { return check(xmlTextWriterWriteString(writer, text), "text") }
            check(xmlTextWriterWriteRawLen(writer, text, Int32(count)), "text")
        }
    }

    /// An attribute escaped by libxml2 whatever it holds: what the fast path must equal (tests).
    func attributeThroughLibxml2(_ name: StaticString, _ value: String) {
        value.withCString { check(xmlTextWriterWriteAttribute(writer, name.xml, UnsafeRawPointer($0).assumingMemoryBound(to: xmlChar.self)), name) }
    }

    /// Text escaped by libxml2 whatever it holds: what the fast path must equal (tests).
    func textThroughLibxml2(_ value: String) {
        value.withCString { check(xmlTextWriterWriteString(writer, UnsafeRawPointer($0).assumingMemoryBound(to: xmlChar.self)), "text") }
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

    /// Lets `build` append whole elements Herald assembles itself, at the level of this writer's open
    /// elements, straight to this fragment's bytes (an in-memory writer only), from values libxml2 escaped
    /// (`EscapedAttributeValues`) and `lineStart`: for the millions of identical-shaped elements of a large
    /// report, no writer call and no copy through libxml2's buffer.
    func appendMarkup(_ build: (inout [UInt8]) -> Void) {
        precondition(sink.forward == nil, "appendMarkup writes into an in-memory fragment")
        markParentHasChildren()
        wroteElement = true
        // Writing nothing still closes a pending start tag; the flush puts libxml2's bytes before these.
        check(xmlTextWriterWriteRawLen(writer, "", 0), "markup")
        check(xmlTextWriterFlush(writer), "markup")
        build(&sink.bytes)
    }

    /// The line break and spaces that start an element at the current level.
    var lineStart: UnsafeBufferPointer<xmlChar> {
        UnsafeBufferPointer(start: indentation, count: 1 + 2 * min(baseDepth + openCount, XMLWriter.deepestIndentation))
    }

    /// Places a fragment another `XMLWriter` wrote (with `depth` one more than the open elements here).
    /// The writer is flushed first and the fragment goes straight to the output: a report's long middle
    /// is not copied through libxml2's buffer a second time.
    func insert(_ fragment: [UInt8]) {
        guard !fragment.isEmpty else { return }
        markParentHasChildren()
        wroteElement = true
        // Writing nothing still closes a pending start tag (`<accounts` gets its `>`).
        check(xmlTextWriterWriteRawLen(writer, "", 0), "a fragment")
        check(xmlTextWriterFlush(writer), "a fragment")
        guard sink.error == nil else { return }
        if let forward = sink.forward {
            do { try fragment.withUnsafeBytes(forward) } catch {
                sink.error = error
                failed = failed ?? "a fragment"
            }
        } else {
            sink.bytes.append(contentsOf: fragment)
        }
    }

    /// Closes every open element and returns what was kept in memory (nothing when streaming).
    func finish() throws(Failure) -> [UInt8] {
        while openCount > 0 { endElement() }
        if baseDepth == 0 {
            check(xmlTextWriterEndDocument(writer), "the end of the document")
        }
        check(xmlTextWriterFlush(writer), "the last buffer")
        if let error = sink.error { throw Failure(description: "\(error)") }
        if let failed { throw Failure(description: "libxml2 could not write \(failed)") }
        return sink.bytes
    }

    private func newline(depth: Int) {
        let length = 1 + 2 * min(depth, XMLWriter.deepestIndentation)
        check(xmlTextWriterWriteRawLen(writer, indentation, Int32(length)), "whitespace")
    }

    @inline(__always)
    private func check(_ status: Int32, _ what: StaticString) {
        if status < 0, failed == nil { failed = sink.error.map { "\($0)" } ?? "\(what)" }
    }
}

extension StaticString {
    /// libxml2 spells UTF-8 text `const xmlChar *`; element and attribute names are ASCII literals.
    var xml: UnsafePointer<xmlChar> { UnsafePointer(utf8Start) }
}
