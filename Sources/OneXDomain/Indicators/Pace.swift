/// Expected pace (AH22-8): by a given day a plan should have completed its planned count times
/// the share of its year gone. A school below `warnBelowExpectedPace` of that is warned.
public struct Pace: Sendable, Equatable {
    public var planned: Int
    /// Σ min(attended, planned), as in the completion rate.
    public var completed: Int
    public var shareOfYearGone: Double

    public init(planned: Int, completed: Int, year: Int, on day: LocalDate) {
        self.planned = planned
        self.completed = completed
        shareOfYearGone = Pace.shareOfYearGone(year: year, on: day)
    }

    public var expected: Double { Double(planned) * shareOfYearGone }

    /// completed / expected; nil before the year starts or with nothing planned.
    public var ratio: Double? { expected > 0 ? Double(completed) / expected : nil }

    /// How many completions the school is short of its expected pace (0 when ahead).
    public var shortfall: Double { max(0, expected - Double(completed)) }

    public func isBehind(threshold: Double) -> Bool {
        guard let ratio else { return false }
        return ratio < threshold
    }

    /// Days of the plan year elapsed by the end of `day`, over the days of the year; 0 before
    /// the year, 1 after it (an unfinished plan carries over and is then fully due).
    public static func shareOfYearGone(year: Int, on day: LocalDate) -> Double {
        if day.year < year { return 0 }
        if day.year > year { return 1 }
        var elapsed = day.day
        for m in 1..<day.month { elapsed += LocalDate.daysIn(month: m, year: year) }
        let total = (1...12).reduce(0) { $0 + LocalDate.daysIn(month: $1, year: year) }
        return Double(elapsed) / Double(total)
    }
}

extension Policy.Monitoring {
    /// Snapshots are taken on the first day of every `snapshotEveryMonths`-th month, counted
    /// from January (every 2 months: 1 Jan, 1 Mar, 1 May …).
    public func isSnapshotDay(_ day: LocalDate) -> Bool {
        guard snapshotEveryMonths > 0 else { return false }
        return day.day == 1 && (day.month - 1) % snapshotEveryMonths == 0
    }
}
