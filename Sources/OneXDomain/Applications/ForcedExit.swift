/// HN-8: each year in the exit period, plans applied for at least `minAgeDays` earlier with no
/// exam held are forcibly exited.
public enum ForcedExit {
    public struct Candidate: Sendable, Equatable {
        public var id: String
        public var firstApprovedOn: LocalDate
        public var examsHeld: Int
        public var active: Bool

        public init(id: String, firstApprovedOn: LocalDate, examsHeld: Int, active: Bool) {
            self.id = id
            self.firstApprovedOn = firstApprovedOn
            self.examsHeld = examsHeld
            self.active = active
        }
    }

    /// Whether `day` lies in the policy's exit period (never when the policy has none).
    public static func inExitPeriod(_ day: LocalDate, policy: Policy) -> Bool {
        guard let rule = policy.rules.forcedExit, let from = MonthDay(rule.from), let to = MonthDay(rule.to) else {
            return false
        }
        let d = MonthDay(month: day.month, day: day.day)
        return from <= d && d <= to
    }

    /// The plans to exit on `day`; already exited or closed plans are never chosen again, so
    /// running the job twice changes nothing the second time.
    public static func qualifying(_ plans: [Candidate], on day: LocalDate, policy: Policy) -> [String] {
        guard let rule = policy.rules.forcedExit else { return [] }
        return plans.filter { p in
            p.active && p.examsHeld == 0 && p.firstApprovedOn.days(until: day) >= rule.minAgeDays
        }.map(\.id)
    }
}

extension MonthDay {
    public init(month: Int, day: Int) {
        self.init("\(month)-\(day)")!
    }
}

extension LocalDate {
    /// Whole days from this day to `other` (negative if `other` is earlier).
    public func days(until other: LocalDate) -> Int {
        Shanghai.calendar.dateComponents([.day], from: startOfDay, to: other.startOfDay).day!
    }
}
