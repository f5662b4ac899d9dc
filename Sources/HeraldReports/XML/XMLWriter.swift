/// Writes indented XML in the order the caller gives, escaping every value as libxml2's text writer does
/// (a test compares the bytes with libxml2's own for every kind of text), so that a report stays
/// well-formed whatever the registry holds. Characters XML 1.0 cannot carry are first replaced by U+FFFD
/// (`XMLText.clean`).
///
/// Escaping: in text, `< > & "` and carriage return become `&lt; &gt; &amp; &quot; &#13;`; in attribute
/// values also line feed and tab (`&#10; &#9;`), and every character beyond ASCII becomes a character
/// reference (`&#xE9;`), as libxml2 writes a document that names no encoding.
///
/// Why Herald's own writer, beside the JSON writer, and not libxml2's: measured on 100,000 accounts
/// (docs/performance.md, "Writing XML"), libxml2's text writer used as a library, one call per element,
/// attribute and text, took several times as long as this writer for report.xml, junit.xml and
/// checkstyle.xml, and the previous design, which went around libxml2 at every hot spot to close that
/// gap, was libxml2 in name only. libxml2 stays where it is the right tool: validating report.xml against
/// its schema (`XMLValidator`) and, in the tests, parsing every report and checking this writer's bytes.
///
/// Indentation is two spaces per level. A writer started at `depth` writes a fragment that is byte for
/// byte what the same elements would be inside the whole document; `insert(_:)` places such a fragment,
/// so the long middle of a report can be written in chunks on every core.
final class XMLWriter {
    /// Why a document could not be written: the destination reported a failure.
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    // A writer is used by one thread at a time and no two of its accesses overlap: the runtime's check of
    // each access (`swift_beginAccess`, a thread-local lookup for every append) cost about a fifth of
    // rendering report.xml. SE-0176's `@exclusivity(unchecked)` turns that dynamic check off for these
    // properties only; the compiler still checks every access it can see.
    @exclusivity(unchecked) private var bytes: [UInt8] = []
    private let forward: ReportOutput?
    @exclusivity(unchecked) private var error: (any Error)?
    /// The open elements, innermost last, each with whether it holds child elements (its end tag then
    /// goes on a line of its own).
    @exclusivity(unchecked) private var open: [(name: StaticString, hasChildren: Bool)] = []
    /// `<name attributes…` written, its `>` not yet: attributes may follow.
    @exclusivity(unchecked) private var startTagOpen = false
    private let baseDepth: Int
    @exclusivity(unchecked) private var wroteElement: Bool
    /// A streaming writer hands its bytes over once this many are buffered.
    private static let flushSize = 1 << 20

    /// A writer that keeps what it writes in memory (`finish()` returns it).
    /// - Parameter depth: the nesting depth the fragment will sit at in its document.
    init(depth: Int = 0, capacity: Int = 1 << 16) {
        forward = nil
        baseDepth = depth
        wroteElement = depth > 0
        bytes.reserveCapacity(capacity)
    }

    /// A writer that hands its output to `output` as it goes (for reports of hundreds of megabytes).
    init(streamingTo output: @escaping ReportOutput) {
        forward = output
        baseDepth = 0
        wroteElement = false
        bytes.reserveCapacity(XMLWriter.flushSize + (1 << 16))
    }

    /// `<?xml version="1.0"?>` and a line break: UTF-8, the default, so no encoding is named.
    func startDocument() {
        append("<?xml version=\"1.0\"?>\n")
    }

    func startElement(_ name: StaticString) {
        markParentHasChildren()
        closeStartTag()
        if wroteElement { newline(depth: baseDepth + open.count) }
        wroteElement = true
        bytes.append(UInt8(ascii: "<"))
        append(name)
        open.append((name, false))
        startTagOpen = true
    }

    func endElement() {
        let (name, hadChildren) = open.removeLast()
        if startTagOpen {
            append("/>")
            startTagOpen = false
        } else {
            if hadChildren { newline(depth: baseDepth + open.count) }
            append("</")
            append(name)
            bytes.append(UInt8(ascii: ">"))
        }
        flushIfFull()
    }

    /// An attribute of the element just started; nil writes nothing.
    func attribute(_ name: StaticString, _ value: String?) {
        guard let value else { return }
        precondition(startTagOpen, "an attribute belongs right after its start tag")
        bytes.append(UInt8(ascii: " "))
        append(name)
        append("=\"")
        XMLText.append(value, as: .attribute, to: &bytes)
        bytes.append(UInt8(ascii: "\""))
    }

    func attribute(_ name: StaticString, _ value: Int) {
        attribute(name, String(value))
    }

    func text(_ value: String) {
        closeStartTag()
        XMLText.append(value, as: .text, to: &bytes)
        flushIfFull()
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

    /// Places a fragment another `XMLWriter` wrote (with `depth` one more than the open elements here):
    /// a streaming writer hands it straight to its output, without another copy.
    func insert(_ fragment: [UInt8]) {
        guard !fragment.isEmpty else { return }
        markParentHasChildren()
        closeStartTag()
        wroteElement = true
        guard let forward else { return bytes.append(contentsOf: fragment) }
        flush()
        guard error == nil else { return }
        do { try forward(fragment) } catch { self.error = error }
    }

    /// Closes every open element (a document gets its final line break) and returns what was kept in
    /// memory (nothing when streaming).
    /// - Throws: `Failure` when the output refused bytes.
    func finish() throws(Failure) -> [UInt8] {
        while !open.isEmpty { endElement() }
        if baseDepth == 0 { bytes.append(UInt8(ascii: "\n")) }
        if forward != nil { flush() }
        if let error { throw Failure(description: "\(error)") }
        return bytes
    }

    private func markParentHasChildren() {
        if !open.isEmpty { open[open.count - 1].hasChildren = true }
    }

    private func closeStartTag() {
        guard startTagOpen else { return }
        bytes.append(UInt8(ascii: ">"))
        startTagOpen = false
    }

    private func newline(depth: Int) {
        bytes.append(UInt8(ascii: "\n"))
        bytes.append(contentsOf: repeatElement(UInt8(ascii: " "), count: 2 * depth))
    }

    private func append(_ literal: StaticString) {
        literal.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    private func flushIfFull() {
        if forward != nil && bytes.count >= XMLWriter.flushSize { flush() }
    }

    private func flush() {
        guard let forward, !bytes.isEmpty, error == nil else { return }
        do { try forward(bytes) } catch { self.error = error }
        bytes.removeAll(keepingCapacity: true)
    }
}
