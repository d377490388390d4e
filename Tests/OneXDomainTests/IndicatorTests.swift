import OneXDomain
import Testing

@Suite("Indicators (HN-9, indicators.md)")
struct IndicatorTests {
    @Test("HN-9: completion counts at most the planned count per plan; exits do not shrink the denominator")
    func completion() {
        let s = IndicatorSet([
            PlanFacts(new: 40, planned: 40, registered: 50, attended: 45, passed: 30),
            PlanFacts(new: 60, increase: 10, decrease: 20, planned: 50, registered: 10, attended: 10, passed: 10),
            PlanFacts(new: 30, planned: 30, exited: true),
        ])
        #expect(s.planned == 120)
        #expect(s.completionRate == 50.0 / 120.0)
        #expect(s.adjustmentRate == 30.0 / 130.0)
        #expect(s.exitRate == 30.0 / 120.0)
        #expect(s.participationRate == 55.0 / 60.0)
        #expect(s.passRate == 40.0 / 55.0)
        #expect(s.exitedPlans == 1 && s.plans == 3)
    }

    @Test("A zero denominator is no rate, shown as a dash")
    func zero() {
        let s = IndicatorSet([])
        #expect(s.completionRate == nil && s.passRate == nil)
        #expect(IndicatorSet.percent(nil) == "—")
        #expect(IndicatorSet.percent(0.12345) == "12.3%")
    }
}

@Suite("Expected pace and snapshot days (AH22-8)")
struct PaceTests {
    @Test("AH22-8: the expected pace is planned × share of the year gone; below the threshold is behind")
    func pace() {
        let day = LocalDate(year: 2026, month: 7, day: 1)
        #expect(Pace.shareOfYearGone(year: 2026, on: day) == 182.0 / 365.0)
        #expect(Pace.shareOfYearGone(year: 2027, on: day) == 0)
        #expect(Pace.shareOfYearGone(year: 2025, on: day) == 1)
        let slow = Pace(planned: 365, completed: 145, year: 2026, on: day)
        #expect(slow.expected == 182 && slow.isBehind(threshold: 0.8))
        #expect(!Pace(planned: 365, completed: 146, year: 2026, on: day).isBehind(threshold: 0.8))
        #expect(Pace(planned: 0, completed: 0, year: 2026, on: day).ratio == nil)
        #expect(!Pace(planned: 10, completed: 0, year: 2027, on: day).isBehind(threshold: 0.8))
    }

    @Test("AH22-8: every second month a snapshot is due on the 1st (Jan, Mar, May …)")
    func snapshotDays() {
        let policy = Policy.Monitoring(snapshotEveryMonths: 2, warnBelowExpectedPace: 0.8)
        let due = (1...12).filter { policy.isSnapshotDay(LocalDate(year: 2026, month: $0, day: 1)) }
        #expect(due == [1, 3, 5, 7, 9, 11])
        #expect(!policy.isSnapshotDay(LocalDate(year: 2026, month: 3, day: 2)))
    }
}
