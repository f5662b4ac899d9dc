/// A calendar day (no time, no time zone), as registry files and `--as-of` write it: `YYYY-MM-DD`.
///
/// The month and day are kept in a byte each: an account holds several dates, and three 64-bit numbers
/// made each one 24 bytes.
public struct CalendarDate: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let year: Int
    private let storedMonth: UInt8
    private let storedDay: UInt8

    /// 1 to 12.
    public var month: Int { Int(storedMonth) }
    /// 1 to 31.
    public var day: Int { Int(storedDay) }

    /// Parses a strict `YYYY-MM-DD` date; returns nil for anything else, including days that do not exist.
    public init?(_ text: String) {
        // Read in place, number by number: a registry has several dates per account, and an array of
        // digits per date was an allocation each.
        // In the string's own bytes: stepping a short string's `utf8` view byte by byte cost more than
        // the date.
        guard text.utf8.count == 10,
              let (year, month, day) = text.utf8.withContiguousStorageIfAvailable(CalendarDate.numbers) ?? Array(text.utf8).withUnsafeBufferPointer(CalendarDate.numbers)
        else { return nil }
        self.init(year: year, month: month, day: day)
    }

    /// Year, month and day of ten bytes `YYYY-MM-DD`, or nil when they are not digits and hyphens there.
    private static func numbers(_ bytes: UnsafeBufferPointer<UInt8>) -> (Int, Int, Int)? {
        var year = 0, month = 0, day = 0
        for index in bytes.indices {
            let byte = bytes[index]
            if index == 4 || index == 7 {
                guard byte == UInt8(ascii: "-") else { return nil }
                continue
            }
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            let digit = Int(byte - UInt8(ascii: "0"))
            switch index {
            case 0 ..< 4: year = year * 10 + digit
            case 5 ..< 7: month = month * 10 + digit
            default: day = day * 10 + digit
            }
        }
        return (year, month, day)
    }

    /// Why `text` is not a date ``init(_:)`` accepts, in words for a person (the format, or the month or
    /// the day that does not exist, e.g. "February 2026 has 28 days"); nil when it is one.
    public static func reason(rejecting text: String) -> String? {
        guard CalendarDate(text) == nil else { return nil }
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard text.utf8.count == 10, parts.count == 3, let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]) else {
            return "write the date as YYYY-MM-DD, like 2026-03-31"
        }
        guard year >= 1 else { return "there is no year 0: write the date as YYYY-MM-DD, like 2026-03-31" }
        guard (1...12).contains(month) else { return "there is no month \(parts[1]): months run from 01 to 12" }
        let names = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
        return "\(names[month - 1]) \(year) has \(daysIn(month: month, year: year)) days, so there is no day \(day)"
    }

    /// Years start at 1: XML Schema, and so report.xml and junit.xml, have no year 0.
    public init?(year: Int, month: Int, day: Int) {
        guard year >= 1, (1...12).contains(month), day >= 1, day <= CalendarDate.daysIn(month: month, year: year) else { return nil }
        self.year = year
        storedMonth = UInt8(month)
        storedDay = UInt8(day)
    }

    /// Days since 1970-01-01 in the proleptic Gregorian calendar.
    public var daysSinceEpoch: Int {
        // Howard Hinnant's days_from_civil: exact integer arithmetic, no time zones involved.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// Whole days from `self` to `other` (positive when `other` is later).
    public func days(until other: CalendarDate) -> Int {
        other.daysSinceEpoch - daysSinceEpoch
    }

    public static func < (lhs: CalendarDate, rhs: CalendarDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    /// `YYYY-MM-DD`. Reports write two dates per account, so this is built in place (ten bytes fit in a
    /// small string: no allocation).
    public var description: String {
        guard (0...9999).contains(year) else { return "\(year)-\(month)-\(day)" }
        return String(unsafeUninitializedCapacity: 10) { buffer in
            func put(_ value: Int, _ width: Int, at offset: Int) {
                var rest = value
                for position in stride(from: offset + width - 1, through: offset, by: -1) {
                    buffer[position] = UInt8(ascii: "0") + UInt8(rest % 10)
                    rest /= 10
                }
            }
            put(year, 4, at: 0)
            buffer[4] = UInt8(ascii: "-")
            put(month, 2, at: 5)
            buffer[7] = UInt8(ascii: "-")
            put(day, 2, at: 8)
            return 10
        }
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}
