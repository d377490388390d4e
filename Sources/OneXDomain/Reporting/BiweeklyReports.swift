/// Biweekly progress reports (AH41-9, 001 §三(二)): every pilot school reports “于每月12日、27日前”
/// — by the policy's due days of each month (`reporting.biweeklyDueDays`) — and a school that
/// fails to file three times in a row (`reporting.maxConsecutiveMisses`) goes on the notice
/// list. A report filed on its due day is on time (“12日前” read as “by the 12th”).
public struct BiweeklySchedule: Sendable, Equatable {
    public var dueDays: [Int]

    public init(dueDays: [Int]) {
        self.dueDays = dueDays.sorted()
    }

    /// Every due date from `from` through `through`, both included, oldest first.
    public func dueDates(from: LocalDate, through: LocalDate) -> [LocalDate] {
        guard from <= through else { return [] }
        var out: [LocalDate] = []
        var year = from.year
        var month = from.month
        while (year, month) <= (through.year, through.month) {
            for day in dueDays {
                let due = LocalDate(
                    year: year, month: month, day: min(day, LocalDate.daysIn(month: month, year: year)))
                if due >= from && due <= through { out.append(due) }
            }
            month += 1
            if month > 12 {
                month = 1
                year += 1
            }
        }
        return out
    }

    /// The due date a report filed on `day` is for, when the school does not say: the first
    /// due date on or after it.
    public func dueDate(forFilingOn day: LocalDate) -> LocalDate {
        let next = LocalDate(
            year: day.month == 12 ? day.year + 1 : day.year, month: day.month % 12 + 1, day: 1)
        let candidates = dueDates(from: day, through: LocalDate(year: next.year, month: next.month, day: 28))
        return candidates.first ?? day
    }
}

/// Where a school stands with its reports over a span of due dates (indicators.md: report
/// compliance = reports filed by their due date / reports due).
public struct ReportCompliance: Sendable, Equatable {
    /// Due dates that have passed (before today), oldest first.
    public var due: [LocalDate]
    /// Of those, filed by their due date.
    public var onTime: Int
    /// Filed after their due date: kept, and counted as filed for the notice list, not as on time.
    public var late: [LocalDate]
    /// Nothing filed for them at all.
    public var missed: [LocalDate]
    /// Misses in a row up to the latest due date that has passed.
    public var consecutiveMisses: Int
    /// On the notice list: `consecutiveMisses` reached the policy's limit.
    public var flagged: Bool

    public var rate: Double? { due.isEmpty ? nil : Double(onTime) / Double(due.count) }

    /// `filed` maps each due date a report was filed for to the day it was filed; a due date
    /// counts once it has passed (today is after it), so today's due date is still open.
    public static func of(
        filed: [LocalDate: LocalDate], schedule: BiweeklySchedule, since: LocalDate, today: LocalDate,
        maxConsecutiveMisses: Int
    ) -> ReportCompliance {
        let yesterday = LocalDate(today.startOfDay.addingTimeInterval(-43_200))
        let due = schedule.dueDates(from: since, through: yesterday)
        var onTime = 0
        var late: [LocalDate] = []
        var missed: [LocalDate] = []
        var streak = 0
        for d in due {
            if let day = filed[d] {
                if day <= d { onTime += 1 } else { late.append(d) }
                streak = 0
            } else {
                missed.append(d)
                streak += 1
            }
        }
        return ReportCompliance(
            due: due, onTime: onTime, late: late, missed: missed, consecutiveMisses: streak,
            flagged: streak >= max(1, maxConsecutiveMisses))
    }
}
