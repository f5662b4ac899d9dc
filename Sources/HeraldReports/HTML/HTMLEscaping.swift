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

    /// `source` as a template whose `{{value}}` is escaped so.
    /// - Throws: `HTMLReport.TemplateError` naming `name`, the line and the column when it is not valid
    ///   Mustache.
    static func compile(_ source: String, name: String) throws(HTMLReport.TemplateError) -> MustacheTemplate {
        registered
        do {
            return try MustacheTemplate(string: pragma + source)
        } catch let error as MustacheTemplate.ParserError {
            let line = error.context.lineNumber
            let column = line == 1 ? max(1, error.context.columnNumber - pragma.count) : error.context.columnNumber
            throw HTMLReport.TemplateError(description: "\(name):\(line):\(column): error: "
                                           + "the template is not valid Mustache (\(error.error)); check the tag on this line")
        } catch {
            throw HTMLReport.TemplateError(description: "\(name): error: the template is not valid Mustache (\(error))")
        }
    }

    func escapeText(_ text: String) -> String {
        var html = HTMLText(capacity: text.utf8.count + 16)
        html.text(text)
        return String(decoding: html.bytes, as: UTF8.self)
    }
}
