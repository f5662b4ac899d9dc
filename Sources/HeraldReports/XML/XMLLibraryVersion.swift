import CLibXML2

/// The version of the libxml2 the process runs with, for `herald --version --verbose`: `xmlParserVersion`
/// holds it as digits (`21004` for 2.10.4; libxml2's xmlversion.h), written here as 2.10.4.
public enum XMLLibraryVersion {
    public static var current: String {
        let digits = String(cString: __xmlParserVersion().pointee!)
        guard let number = Int(digits.prefix { $0.isNumber }) else { return digits }
        return "\(number / 10000).\(number / 100 % 100).\(number % 100)"
    }
}
