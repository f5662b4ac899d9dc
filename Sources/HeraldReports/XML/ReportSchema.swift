/// `herald-report.xsd`, the XML schema of report.xml. Its source is `Resources/herald-report.xsd` in this
/// target, embedded in the binary by SwiftPM at build time (`.embedInCode`), so `herald validate-report`
/// and `herald audit` (which writes it beside the report) work wherever the binary is copied.
public enum ReportSchema {
    public static let fileName = "herald-report.xsd"

    /// The schema as UTF-8 text.
    public static let text = String(decoding: PackageResources.herald_report_xsd, as: UTF8.self)
}
