import CLibXML2

/// Writes an XML document through libxml2's text writer, which escapes markup in text and attributes.
/// Registry text is cleaned of characters XML 1.0 cannot carry before it reaches the writer
/// (`XMLText.clean`), so a report stays well-formed whatever a bio contains.
final class XMLWriter {
    /// Why a document could not be written: libxml2 reported a failure (in practice, out of memory).
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// Receives libxml2's output buffer by buffer.
    private final class Sink {
        var bytes: [UInt8] = []
    }

    private let sink = Sink()
    private let output: xmlOutputBufferPtr
    private let writer: xmlTextWriterPtr
    private var failed: String?

    /// - Parameter indent: two spaces per level, for files people read and diff.
    init(indent: Bool = true, capacity: Int = 1 << 16) throws(Failure) {
        xmlInitParser()
        sink.bytes.reserveCapacity(capacity)
        let context = Unmanaged.passUnretained(sink).toOpaque()
        guard let output = xmlOutputBufferCreateIO({ context, buffer, length in
            guard let context, let buffer, length > 0 else { return 0 }
            let sink = Unmanaged<Sink>.fromOpaque(context).takeUnretainedValue()
            buffer.withMemoryRebound(to: UInt8.self, capacity: Int(length)) {
                sink.bytes.append(contentsOf: UnsafeBufferPointer(start: $0, count: Int(length)))
            }
            return length
        }, nil, context, nil) else { throw Failure(description: "libxml2 could not create an output buffer") }
        guard let writer = xmlNewTextWriter(output) else {
            xmlOutputBufferClose(output)
            throw Failure(description: "libxml2 could not create a text writer")
        }
        self.output = output
        self.writer = writer
        if indent {
            xmlTextWriterSetIndent(writer, 1)
            _ = "  ".withCString { xmlTextWriterSetIndentString(writer, $0.xml) }
        }
    }

    deinit {
        // Frees the writer and closes (frees) the output buffer it owns.
        xmlFreeTextWriter(writer)
    }

    func startDocument() {
        check(xmlTextWriterStartDocument(writer, "1.0", "UTF-8", nil), "the XML declaration")
    }

    func startElement(_ name: String) {
        check(name.withCString { xmlTextWriterStartElement(writer, $0.xml) }, name)
    }

    func endElement() {
        check(xmlTextWriterEndElement(writer), "an end tag")
    }

    /// An attribute of the element just started; nil writes nothing.
    func attribute(_ name: String, _ value: String?) {
        guard let value else { return }
        let clean = XMLText.clean(value)
        check(name.withCString { name in clean.withCString { xmlTextWriterWriteAttribute(writer, name.xml, $0.xml) } }, name)
    }

    func attribute(_ name: String, _ value: Int) {
        attribute(name, String(value))
    }

    func text(_ value: String) {
        let clean = XMLText.clean(value)
        check(clean.withCString { xmlTextWriterWriteString(writer, $0.xml) }, "text")
    }

    /// `<name attributes…>body</name>`.
    func element(_ name: String, _ attributes: KeyValuePairs<String, String?> = [:], body: () -> Void = {}) {
        startElement(name)
        for (key, value) in attributes { attribute(key, value) }
        body()
        endElement()
    }

    /// `<name>text</name>`; nil writes nothing.
    func element(_ name: String, text value: String?) {
        guard let value else { return }
        startElement(name)
        text(value)
        endElement()
    }

    /// Closes every open element and returns the document.
    func finish() throws(Failure) -> [UInt8] {
        check(xmlTextWriterEndDocument(writer), "the end of the document")
        check(xmlTextWriterFlush(writer), "the last buffer")
        if let failed { throw Failure(description: "libxml2 could not write \(failed)") }
        return sink.bytes
    }

    private func check(_ status: Int32, _ what: String) {
        if status < 0, failed == nil { failed = what }
    }
}

extension UnsafePointer<CChar> {
    /// libxml2 spells UTF-8 text `const xmlChar *`.
    var xml: UnsafePointer<xmlChar> { UnsafeRawPointer(self).assumingMemoryBound(to: xmlChar.self) }
}
