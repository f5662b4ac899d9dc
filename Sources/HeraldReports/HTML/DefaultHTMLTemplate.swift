/// The built-in template of report.html (Mustache; `{{value}}` is HTML-escaped, which is why registry
/// text can never become markup). `herald template` prints it as a starting point for `--template`. Its
/// source is `Resources/report.mustache` in this target, embedded in the binary by SwiftPM at build time.
public enum DefaultHTMLTemplate {
    /// The template as UTF-8 text.
    public static let text = String(decoding: PackageResources.report_mustache, as: UTF8.self)
}
