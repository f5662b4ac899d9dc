import CLibXML2

/// Reads an XML document with libxml2 and validates it against an XSD: what `herald validate-report`
/// and the tests use. The parser never reaches the network and does not expand entities.
public enum XMLValidator {
    /// One reason a document is not valid, at its line.
    public struct Problem: Sendable, CustomStringConvertible, Equatable {
        public let line: Int
        public let message: String

        public var description: String { line > 0 ? "line \(line): \(message)" : message }
    }

    /// The problems of `document` against `schema`; empty when it is well-formed and valid.
    public static func validate(_ document: [UInt8], against schema: String) -> [Problem] {
        xmlInitParser()
        // libxml2 reads the schema from this buffer until it is compiled.
        let schemaBytes = Array(schema.utf8)
        return schemaBytes.withUnsafeBufferPointer { bytes in
            bytes.withMemoryRebound(to: CChar.self) { validate(document, schema: $0) }
        }
    }

    private static func validate(_ document: [UInt8], schema: UnsafeBufferPointer<CChar>) -> [Problem] {
        let collector = Collector()
        let context = Unmanaged.passUnretained(collector).toOpaque()
        guard let schemaParser = xmlSchemaNewMemParserCtxt(schema.baseAddress, Int32(schema.count)) else {
            return [Problem(line: 0, message: "the schema could not be read")]
        }
        defer { xmlSchemaFreeParserCtxt(schemaParser) }
        xmlSchemaSetParserStructuredErrors(schemaParser, Collector.callback, context)
        guard let compiled = xmlSchemaParse(schemaParser) else {
            return [Problem(line: 0, message: "the schema is not a valid XSD")] + collector.problems
        }
        defer { xmlSchemaFree(compiled) }

        guard let parsed = parse(document, collector: collector) else { return collector.problems }
        defer { xmlFreeDoc(parsed) }
        guard let validation = xmlSchemaNewValidCtxt(compiled) else { return [Problem(line: 0, message: "libxml2 ran out of memory")] }
        defer { xmlSchemaFreeValidCtxt(validation) }
        xmlSchemaSetValidStructuredErrors(validation, Collector.callback, context)
        let status = xmlSchemaValidateDoc(validation, parsed)
        if status != 0 && collector.problems.isEmpty {
            collector.problems.append(Problem(line: 0, message: "the document is not valid (libxml2 status \(status))"))
        }
        return collector.problems
    }

    private static func parse(_ document: [UInt8], collector: Collector) -> xmlDocPtr? {
        guard let parser = xmlNewParserCtxt() else { return nil }
        defer { xmlFreeParserCtxt(parser) }
        let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue)
        let parsed = document.withUnsafeBufferPointer { bytes in
            bytes.baseAddress.flatMap { base in
                base.withMemoryRebound(to: CChar.self, capacity: bytes.count) {
                    xmlCtxtReadMemory(parser, $0, Int32(bytes.count), "report.xml", "UTF-8", options)
                }
            }
        }
        if let parsed, parsed.pointee.intSubset != nil || parsed.pointee.extSubset != nil {
            // A report never has a DOCTYPE; one here could only declare entities meant to blow up the parse.
            collector.problems.append(Problem(line: 1, message: "a Herald report has no DOCTYPE; this document declares one"))
            xmlFreeDoc(parsed)
            return nil
        }
        if parsed == nil || parser.pointee.wellFormed == 0 {
            if let error = xmlCtxtGetLastError(parser) {
                collector.problems.append(Problem(error.pointee))
            } else {
                collector.problems.append(Problem(line: 0, message: "the document is not well-formed XML"))
            }
            if let parsed { xmlFreeDoc(parsed) }
            return nil
        }
        return parsed
    }

    /// Gathers libxml2's structured errors instead of letting them reach stderr.
    private final class Collector {
        var problems: [Problem] = []

        static let callback: xmlStructuredErrorFunc = { context, error in
            guard let context, let error else { return }
            Unmanaged<Collector>.fromOpaque(context).takeUnretainedValue().problems.append(Problem(error.pointee))
        }
    }
}

extension XMLValidator.Problem {
    init(_ error: xmlError) {
        let message = error.message.map { String(cString: $0) } ?? "unknown libxml2 error"
        self.init(line: Int(error.line), message: String(message.reversed().drop { $0 == "\n" }.reversed()))
    }
}
