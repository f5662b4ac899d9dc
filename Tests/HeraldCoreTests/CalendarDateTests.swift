import HeraldCore
import Testing

@Suite struct CalendarDateTests {
    @Test func parsesOnlyRealDays() {
        #expect(CalendarDate("2024-02-29")?.description == "2024-02-29")
        #expect(CalendarDate("2025-02-29") == nil)
        #expect(CalendarDate("2026-1-5") == nil)
        #expect(CalendarDate("2026-01-05T10:00") == nil)
        #expect(CalendarDate("２０２６-01-05") == nil)
    }

    @Test func countsDaysAcrossLeapYears() {
        let from = CalendarDate("2024-02-28")!
        #expect(from.days(until: CalendarDate("2024-03-01")!) == 2)
        #expect(from.days(until: CalendarDate("2025-02-28")!) == 366)
        #expect(CalendarDate("1970-01-01")!.daysSinceEpoch == 0)
        #expect(CalendarDate("2000-03-01")!.daysSinceEpoch == 11_017)
    }
}
