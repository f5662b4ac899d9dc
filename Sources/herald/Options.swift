import ArgumentParser
import Foundation
import HeraldCore

/// Options every auditing command shares.
struct AuditOptions: ParsableArguments {
    @Option(help: "The inventory folder.")
    var inventory = "Inventory"

    @Option(help: "Exit 1 when a finding is at or above this severity: error, warning or never.")
    var failOn: FailThreshold = .error

    @Option(help: "The audit date, YYYY-MM-DD (default: today). Reports depend on nothing else that changes.")
    var asOf: CalendarDate?

    /// The audit date: `--as-of`, or today on this machine's calendar (the only place time enters).
    var auditDate: CalendarDate {
        if let asOf { return asOf }
        let today = Calendar.current.dateComponents([.year, .month, .day], from: Date())
        return CalendarDate(year: today.year!, month: today.month!, day: today.day!)!
    }
}

enum FailThreshold: String, ExpressibleByArgument, CaseIterable {
    case error, warning, never

    var severity: Severity? {
        switch self {
        case .error: return .error
        case .warning: return .warning
        case .never: return nil
        }
    }
}

extension CalendarDate: ExpressibleByArgument {
    public init?(argument: String) {
        self.init(argument)
    }
}
