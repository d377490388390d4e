/// How old what a school still owes an organisation is (AH38-2): the organisation's confirmed
/// payments settle the oldest exams first, and what is left of each exam's payable is aged by
/// its exam day — under 3 months, 3 to 6, 6 to 12, over 12 — and, past the policy's settlement
/// deadline, counted as overdue when the exam was held on or before that deadline (Anhui: exams
/// before 2021-12-31 settled by then). `ArrearsLedger` stores what this gives for each school
/// and organisation, and the randomised fee test recomputes it from the raw rows.
public struct ArrearsAgeing: Codable, Sendable, Equatable {
    /// Outstanding fen by age: `[<3 months, 3–6, 6–12, >12]`.
    public var buckets: [Int]
    public var overdue: Int

    public init(buckets: [Int], overdue: Int) {
        self.buckets = buckets
        self.overdue = overdue
    }

    public static func age(
        payables: [(day: LocalDate, amount: Int)], confirmed: Int, today: LocalDate, deadline: LocalDate?
    )
        -> ArrearsAgeing
    {
        var out = ArrearsAgeing(buckets: [0, 0, 0, 0], overdue: 0)
        for (day, left) in owed(payables: payables, confirmed: confirmed) {
            let bucket = bucket(months: months(from: day, to: today))
            out.buckets[bucket] = out.buckets[bucket].clampedAdding(left)
            if let deadline, today > deadline, day <= deadline {
                out.overdue = out.overdue.clampedAdding(left)
            }
        }
        return out
    }

    /// The last day from `today` on which `age` still gives what it gives today: the day before
    /// an owed exam day turns 3, 6 or 12 months old, or the deadline itself when exams held by it
    /// are owed and it has not passed. Nil when nothing owed will ever change bucket. A stored
    /// ageing is kept until this day and recomputed after it.
    public static func unchangedThrough(
        payables: [(day: LocalDate, amount: Int)], confirmed: Int, today: LocalDate, deadline: LocalDate?
    )
        -> LocalDate?
    {
        var last: LocalDate?
        func keep(_ day: LocalDate) { if last.map({ day < $0 }) ?? true { last = day } }
        for (day, _) in owed(payables: payables, confirmed: confirmed) {
            for threshold in [3, 6, 12] {
                let turns = firstDay(months: threshold, after: day)
                if turns > today { keep(turns.adding(days: -1)) }
            }
            if let deadline, today <= deadline, day <= deadline { keep(deadline) }
        }
        return last
    }

    /// What is left of each exam day's payable after the confirmed money settled the oldest
    /// days first, the days with nothing left omitted.
    static func owed(payables: [(day: LocalDate, amount: Int)], confirmed: Int) -> [(LocalDate, Int)] {
        var credit = max(0, confirmed)
        var out: [(LocalDate, Int)] = []
        for p in payables.sorted(by: { $0.day < $1.day }) {
            let covered = min(max(0, p.amount), credit)
            credit -= covered
            let left = p.amount - covered
            if left > 0 { out.append((p.day, left)) }
        }
        return out
    }

    /// Whole months from an exam day to `today`: a month is complete on the same day of the
    /// month (2026-01-15 → 2026-04-15 is 3).
    static func months(from day: LocalDate, to today: LocalDate) -> Int {
        (today.year - day.year) * 12 + (today.month - day.month) - (today.day < day.day ? 1 : 0)
    }

    static func bucket(months: Int) -> Int { months < 3 ? 0 : months < 6 ? 1 : months < 12 ? 2 : 3 }

    /// The first day `months(from: day, to:)` reaches `count`: the same day of the month
    /// `count` months on, or the 1st of the month after when that month is shorter.
    static func firstDay(months count: Int, after day: LocalDate) -> LocalDate {
        let index = day.year * 12 + day.month - 1 + count
        let (year, month) = (index / 12, index % 12 + 1)
        if day.day <= LocalDate.daysIn(month: month, year: year) {
            return LocalDate(year: year, month: month, day: day.day)
        }
        return month == 12
            ? LocalDate(year: year + 1, month: 1, day: 1) : LocalDate(year: year, month: month + 1, day: 1)
    }
}
