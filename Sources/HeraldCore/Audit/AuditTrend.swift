/// How the registry fared over the audits the history file (`herald audit --history FILE`) records: one
/// point per audit date, oldest first, this audit's last. Dates come from `--as-of`, never a clock, so the
/// same history and audit give the same trend.
public struct AuditTrend: Sendable, Equatable {
    /// One audit's counts.
    public struct Point: Sendable, Equatable {
        public let asOf: CalendarDate
        public let accounts: Int
        public let failingAccounts: Int
        /// Errors and warnings that count (neither waived nor baselined).
        public let errors: Int
        public let warnings: Int
        /// Per unit id: errors, warnings and failing accounts that count.
        public let units: [String: UnitPoint]
        /// Per rule id: findings that count.
        public let rules: [String: Int]

        public init(asOf: CalendarDate, accounts: Int, failingAccounts: Int, errors: Int, warnings: Int,
                    units: [String: UnitPoint], rules: [String: Int]) {
            self.asOf = asOf
            self.accounts = accounts
            self.failingAccounts = failingAccounts
            self.errors = errors
            self.warnings = warnings
            self.units = units
            self.rules = rules
        }

        /// This audit's point.
        public init(_ result: AuditResult) {
            var rules: [String: Int] = [:]
            for finding in result.findings where finding.counts { rules[finding.rule, default: 0] += 1 }
            self.init(asOf: result.asOf, accounts: result.accountCount, failingAccounts: result.failingAccountCount,
                      errors: result.errorCount, warnings: result.warningCount,
                      units: Dictionary(uniqueKeysWithValues: result.units.map {
                          ($0.id, UnitPoint(errors: $0.errors, warnings: $0.warnings, failingAccounts: $0.failingAccounts))
                      }),
                      rules: rules)
        }

        /// Errors and warnings together: what the trend draws.
        public var problems: Int { errors + warnings }
    }

    public struct UnitPoint: Sendable, Equatable {
        public let errors: Int
        public let warnings: Int
        public let failingAccounts: Int

        public init(errors: Int, warnings: Int, failingAccounts: Int) {
            self.errors = errors
            self.warnings = warnings
            self.failingAccounts = failingAccounts
        }

        public var problems: Int { errors + warnings }
    }

    /// Oldest first; one per date.
    public let points: [Point]

    /// `earlier` (any order) with `current` added; an earlier point of the same date is replaced (an audit
    /// run twice a day records its last run), and points after `current`'s date are kept in their place.
    public init(earlier: [Point], current: Point) {
        var byDate: [CalendarDate: Point] = [:]
        for point in earlier { byDate[point.asOf] = point }
        byDate[current.asOf] = current
        points = byDate.values.sorted { $0.asOf < $1.asOf }
    }

    /// The point before `date`, to say whether things got better or worse.
    public func point(before date: CalendarDate) -> Point? {
        points.last { $0.asOf < date }
    }
}

extension AuditResult {
    /// This audit with the trend the history file and this audit make.
    public func with(trend: AuditTrend) -> AuditResult {
        var result = self
        result.trend = trend
        return result
    }
}
