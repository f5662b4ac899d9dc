import Mustache

/// The escaping every report.html template gets for `{{value}}`: byte by byte, like the account tables
/// (`HTMLText`). Mustache's own escaper works on whole characters, so a quote followed by a combining mark
/// (`"` + U+0301) would pass unescaped and could end an attribute early in an organisation's template.
struct HTMLEscaping: MustacheContentType {
    static let name = "HERALD_HTML"

    /// Put in front of every template (on its first line, so line numbers stay as the author sees them).
    static let pragma = "{{% CONTENT_TYPE: \(name) }}"

    /// Registers the content type with Mustache once, before the first template is parsed.
    static let registered: Void = MustacheContentTypes.register(HTMLEscaping(), named: name)

    func escapeText(_ text: String) -> String {
        var html = HTMLText(capacity: text.utf8.count + 16)
        html.text(text)
        return String(decoding: html.bytes, as: UTF8.self)
    }
}
