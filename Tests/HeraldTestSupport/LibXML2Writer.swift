import CLibXML2

/// libxml2's own text writer, as the oracle Herald's `XMLWriter` is compared with: the same document
/// written through `xmlTextWriter`, with libxml2's escaping of attribute values and text.
public enum LibXML2Writer {
    /// `<?xml version="1.0"?>`, then `<element attribute="…">text</element>` (each only when given), as
    /// libxml2 writes them; nil when libxml2 fails.
    public static func document(element: String, attribute: (name: String, value: String)?, text: String?) -> [UInt8]? {
        xmlInitParser()
        guard let buffer = xmlBufferCreate() else { return nil }
        defer { xmlBufferFree(buffer) }
        guard let writer = xmlNewTextWriterMemory(buffer, 0) else { return nil }
        var ok = xmlTextWriterStartDocument(writer, "1.0", nil, nil) >= 0
        ok = ok && xmlTextWriterStartElement(writer, element) >= 0
        if let attribute { ok = ok && xmlTextWriterWriteAttribute(writer, attribute.name, attribute.value) >= 0 }
        if let text { ok = ok && xmlTextWriterWriteString(writer, text) >= 0 }
        ok = ok && xmlTextWriterEndElement(writer) >= 0
        ok = ok && xmlTextWriterEndDocument(writer) >= 0
        xmlFreeTextWriter(writer)  // flushes into the buffer
        guard ok, let content = xmlBufferContent(buffer) else { return nil }
        return Array(UnsafeBufferPointer(start: content, count: Int(xmlBufferLength(buffer))))
    }
}
