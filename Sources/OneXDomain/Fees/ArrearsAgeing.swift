/// How old what a school still owes an organisation is (AH38-2): the organisation's confirmed
/// payments settle the oldest exams first, and what is left of each exam's payable is aged by
/// its exam day — under 3 months, 3 to 6, 6 to 12, over 12 — and, past the policy's settlement
/// deadline, counted as overdue when the exam was held on or before that deadline (Anhui: exams
/// before 2021-12-31 settled by then). This is the reference definition: `ArrearsService`
/// computes the same in one database query for volume, and the randomised fee test holds the
/// two equal.
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
        var credit = max(0, confirmed)
        for p in payables.sorted(by: { $0.day < $1.day }) {
            let covered = min(max(0, p.amount), credit)
            credit -= covered
            let left = p.amount - covered
            guard left > 0 else { continue }
            let months =
                (today.year - p.day.year) * 12 + (today.month - p.day.month) - (today.day < p.day.day ? 1 : 0)
            let bucket = months < 3 ? 0 : months < 6 ? 1 : months < 12 ? 2 : 3
            out.buckets[bucket] = out.buckets[bucket].clampedAdding(left)
            if let deadline, today > deadline, p.day <= deadline {
                out.overdue = out.overdue.clampedAdding(left)
            }
        }
        return out
    }
}
