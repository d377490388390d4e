import OneXDomain
import Testing

@Suite("Fee standards (MOE12-1, MOE12-2)")
struct FeeRulesTests {
    static func day(_ text: String) -> LocalDate { LocalDate(text)! }

    static func published(_ amount: Int, from: String, verified: Int? = nil) -> FeeStandard {
        FeeStandard(
            certificate: "1-004", level: .junior, amount: amount, effectiveFrom: day(from),
            status: .published,
            verifiedAmount: verified)
    }

    @Test("MOE12-2: the standard in force switches on its effective day, not the day before")
    func inForce() {
        let versions = [
            Self.published(30000, from: "2025-01-01"),
            Self.published(35000, from: "2026-09-01", verified: 32000),
            FeeStandard(
                certificate: "1-004", level: .junior, amount: 40000, effectiveFrom: Self.day("2026-10-01"),
                status: .verified),
        ]
        #expect(FeeRules.inForce(on: Self.day("2024-12-31"), among: versions) == nil)
        #expect(FeeRules.inForce(on: Self.day("2026-08-31"), among: versions)?.fee == 30000)
        #expect(FeeRules.inForce(on: Self.day("2026-09-01"), among: versions)?.fee == 32000)
        // Verified but not published is not in force.
        #expect(FeeRules.inForce(on: Self.day("2026-12-31"), among: versions)?.fee == 32000)
    }

    @Test("MOE12-1: at most the cost cap (the cap in the message); a level without a cap cannot be priced")
    func cap() {
        let p = FeeStandard(
            certificate: "1-004", level: .junior, amount: 41101, effectiveFrom: Self.day("2026-09-01"),
            status: .proposed)
        let above = FeeRules.problems(p, cap: 41100, versions: [], raiseRequest: nil)
        #expect(above.map(\.code) == ["above_cost_cap"])
        #expect(
            above.first?.message.contains("¥411.00") == true
                && above.first?.message.contains("¥411.01") == true)
        var at = p
        at.amount = 41100
        #expect(FeeRules.problems(at, cap: 41100, versions: [], raiseRequest: nil).isEmpty)
        #expect(
            FeeRules.problems(at, cap: nil, versions: [], raiseRequest: nil).map(\.code) == ["no_cost_cap"])
        at.amount = 0
        #expect(FeeRules.problems(at, cap: 41100, versions: [], raiseRequest: nil).map(\.code) == ["invalid"])
    }

    @Test(
        "MOE12-2: a revision takes effect after the current standard; a raise needs the written request; one pending at a time"
    )
    func revisions() {
        let current = [Self.published(30000, from: "2026-01-01")]
        var p = FeeStandard(
            certificate: "1-004", level: .junior, amount: 35000, effectiveFrom: Self.day("2026-01-01"),
            status: .proposed)
        #expect(
            FeeRules.problems(p, cap: 50000, versions: current, raiseRequest: "x").map(\.code) == [
                "effective_too_early"
            ])
        p.effectiveFrom = Self.day("2026-09-01")
        #expect(FeeRules.isRaise(p, versions: current))
        #expect(
            FeeRules.problems(p, cap: 50000, versions: current, raiseRequest: " ").map(\.code) == [
                "raise_needs_request"
            ])
        #expect(FeeRules.problems(p, cap: 50000, versions: current, raiseRequest: "原材料涨价").isEmpty)
        p.amount = 28000
        #expect(!FeeRules.isRaise(p, versions: current))
        #expect(FeeRules.problems(p, cap: 50000, versions: current, raiseRequest: nil).isEmpty)
        let pending =
            current + [
                FeeStandard(
                    certificate: "1-004", level: .junior, amount: 29000,
                    effectiveFrom: Self.day("2026-07-01"),
                    status: .reviewed)
            ]
        #expect(
            FeeRules.problems(p, cap: 50000, versions: pending, raiseRequest: nil).map(\.code) == [
                "pending_exists"
            ])
    }

    @Test("MOE12-1: the province may lower the amount, never raise it")
    func verification() {
        #expect(FeeRules.verificationProblems(proposed: 30000, verified: 28000).isEmpty)
        #expect(FeeRules.verificationProblems(proposed: 30000, verified: 30000).isEmpty)
        #expect(!FeeRules.verificationProblems(proposed: 30000, verified: 30001).isEmpty)
        #expect(!FeeRules.verificationProblems(proposed: 30000, verified: 0).isEmpty)
    }

    @Test("Money reads as yuan with thousands separators")
    func money() {
        #expect(Fen.displayText(770_000_000) == "¥7,700,000.00")
        #expect(Fen.displayText(50300) == "¥503.00")
        #expect(Fen.displayText(5) == "¥0.05")
        #expect(Fen.displayText(-123_456) == "-¥1,234.56")
    }
}

@Suite("Ageing of arrears (AH38-2)")
struct ArrearsAgeingTests {
    static func day(_ text: String) -> LocalDate { LocalDate(text)! }

    @Test(
        "AH38-2: confirmed payments settle the oldest exams first; the rest is aged by exam day and overdue past the deadline"
    )
    func ageing() {
        let payables = [
            (day: Self.day("2025-06-30"), amount: 10_000), (day: Self.day("2026-01-15"), amount: 20_000),
            (day: Self.day("2026-05-01"), amount: 30_000), (day: Self.day("2026-07-10"), amount: 40_000),
        ]
        let today = Self.day("2026-08-01")
        // 15,000 confirmed: the 2025 exam is settled, half of January's is left.
        let aged = ArrearsAgeing.age(
            payables: payables, confirmed: 15_000, today: today, deadline: Self.day("2026-06-30"))
        // July → under 3 months; May → 3 months (1 May to 1 Aug); January → 6 months 17 days; none over 12.
        #expect(aged.buckets == [40_000, 30_000, 15_000, 0])
        // The deadline has passed: what is owed for exams up to 30 June is overdue.
        #expect(aged.overdue == 15_000 + 30_000)
        // Before the deadline nothing is overdue; without one neither.
        #expect(
            ArrearsAgeing.age(
                payables: payables, confirmed: 0, today: Self.day("2026-06-30"),
                deadline: Self.day("2026-06-30")
            ).overdue == 0)
        #expect(ArrearsAgeing.age(payables: payables, confirmed: 0, today: today, deadline: nil).overdue == 0)
        // Over 12 months, and fully paid.
        #expect(
            ArrearsAgeing.age(payables: payables, confirmed: 0, today: today, deadline: nil).buckets[3]
                == 10_000)
        #expect(
            ArrearsAgeing.age(payables: payables, confirmed: 100_000, today: today, deadline: nil).buckets
                == [0, 0, 0, 0])
    }

    @Test(
        "AH38-2: a stored ageing holds exactly through unchangedThrough and changes the day after (randomised, month ends and leap days)"
    )
    func unchangedThrough() {
        var seed: UInt64 = 0x5EED_A6E1
        func next(_ bound: Int) -> Int {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((seed >> 33) % UInt64(bound))
        }
        let first = Self.day("2023-01-01")
        for _ in 0..<300 {
            let payables = (0..<(1 + next(6))).map { _ in
                (day: first.adding(days: next(1_300)), amount: 1 + next(5) * 10_000)
            }
            let total = payables.reduce(0) { $0 + $1.amount }
            let confirmed = next(3) == 0 ? 0 : next(total + 1)
            let deadline = next(2) == 0 ? nil : first.adding(days: next(1_300))
            let today = first.adding(days: next(1_500))
            func aged(_ day: LocalDate) -> ArrearsAgeing {
                ArrearsAgeing.age(payables: payables, confirmed: confirmed, today: day, deadline: deadline)
            }
            let through = ArrearsAgeing.unchangedThrough(
                payables: payables, confirmed: confirmed, today: today, deadline: deadline)
            let last = through ?? today.adding(days: 800)
            #expect(last >= today)
            var day = today
            while day <= last {
                #expect(aged(day) == aged(today), "\(day) within \(today)…\(last)")
                day = day.adding(days: 1)
            }
            if let through {
                #expect(aged(through.adding(days: 1)) != aged(today), "the day after \(through)")
            }
        }
    }
}

@Suite("Days between calendar days")
struct DaysBetweenTests {
    @Test("days(since:) counts calendar days across month ends and leap years, as the calendar does")
    func days() {
        let d = { (s: String) in LocalDate(s)! }
        #expect(d("2026-03-01").days(since: d("2026-02-28")) == 1)
        #expect(d("2024-03-01").days(since: d("2024-02-28")) == 2)
        #expect(d("2027-01-01").days(since: d("2026-01-01")) == 365)
        #expect(d("2025-01-01").days(since: d("2024-01-01")) == 366)
        #expect(d("2026-01-01").days(since: d("2026-12-31")) == -364)
        // Against the start of each day in Asia/Shanghai for a span of years.
        var day = d("2019-12-25")
        let origin = day
        for _ in 0..<800 {
            let seconds = day.startOfDay.timeIntervalSince(origin.startOfDay)
            #expect(day.days(since: origin) == Int((seconds / 86_400).rounded()))
            let next = LocalDate(day.startOfDay.addingTimeInterval(86_400 + 3_600))
            day = next
        }
    }
}
