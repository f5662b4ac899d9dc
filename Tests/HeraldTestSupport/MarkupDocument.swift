import CLibXML2
import Foundation

/// A report parsed by libxml2 (as XML, or as HTML the way browsers read it) for tests to query with XPath.
public final class MarkupDocument {
    private let document: xmlDocPtr

    /// Parses XML; nil when it is not well-formed.
    public convenience init?(xml bytes: [UInt8]) {
        self.init(bytes) { xmlReadMemory($0, $1, "report.xml", "UTF-8", Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue)) }
    }

    /// Parses HTML with libxml2's HTML parser, which recovers from anything, as a browser does.
    public convenience init?(html bytes: [UInt8]) {
        self.init(bytes) { htmlReadMemory($0, $1, "report.html", "UTF-8", Int32(HTML_PARSE_NONET.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue)) }
    }

    private init?(_ bytes: [UInt8], parse: (UnsafePointer<CChar>?, Int32) -> xmlDocPtr?) {
        let parsed = bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { parse($0.baseAddress, Int32($0.count)) }
        }
        guard let parsed else { return nil }
        document = parsed
    }

    deinit { xmlFreeDoc(document) }

    /// The string value of each node `path` selects (text of elements, values of attributes).
    /// - Parameter namespaces: prefix → URI, for documents with a default namespace.
    public func values(_ path: String, namespaces: [String: String] = [:]) -> [String] {
        guard let context = xmlXPathNewContext(document) else { return [] }
        defer { xmlXPathFreeContext(context) }
        for (prefix, uri) in namespaces { xmlXPathRegisterNs(context, prefix, uri) }
        guard let result = xmlXPathEvalExpression(path, context) else { return [] }
        defer { xmlXPathFreeObject(result) }
        guard let nodes = result.pointee.nodesetval, nodes.pointee.nodeNr > 0 else { return [] }
        return (0..<Int(nodes.pointee.nodeNr)).map { index in
            guard let content = xmlNodeGetContent(nodes.pointee.nodeTab[index]) else { return "" }
            // libxml2 allocates with malloc unless a program installs its own allocator; Herald does not.
            defer { free(content) }
            return String(cString: content)
        }
    }

    public func count(_ path: String, namespaces: [String: String] = [:]) -> Int {
        values(path, namespaces: namespaces).count
    }
}

/// Where the package's files are, for tests that read the repository (schemas, fixtures).
public enum Repository {
    public static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    public static func file(_ path: String) throws -> [UInt8] {
        Array(try Data(contentsOf: root.appendingPathComponent(path)))
    }

    public static func text(_ path: String) throws -> String {
        String(decoding: try file(path), as: UTF8.self)
    }
}
