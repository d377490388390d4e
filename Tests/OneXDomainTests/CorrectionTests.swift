import Foundation
import OneXDomain
import Testing

/// Issue 13: a returned application can be corrected and resubmitted until the end of the phase
/// that returned it; messages about closed windows name the dates.
@Suite("Returned applications and window dates (HN-2, HN-7)")
struct CorrectionTests {
    let henan = RuleEngineTests.henan
    let newLine = ApplicationLine(certificate: "1-004", level: .junior, kind: .new, count: 40)

    func context(now: String, correction: Correction?) -> RuleContext {
        RuleContext(
            policy: henan, school: RuleEngineTests.school, certificates: ["1-004": RuleEngineTests.cert],
            plans: [:],
            correction: correction, now: RuleEngineTests.at(now))
    }

    @Test("HN-7: a return is due at the end of the returning phase; none outside a phase")
    func dueDay() {
        #expect(
            Correction.due(returnedBy: .cityReview, on: LocalDate("2026-03-22")!, policy: henan)
                == LocalDate("2026-03-24"))
        #expect(
            Correction.due(returnedBy: .provinceReview, on: LocalDate("2026-03-26")!, policy: henan)
                == LocalDate("2026-03-28"))
        #expect(
            Correction.due(returnedBy: .provinceReview, on: LocalDate("2026-07-01")!, policy: henan) == nil)
    }

    @Test(
        "HN-2 / HN-7: a returned new line passes outside the school phase until its due day, then fails with the dates"
    )
    func resubmitUntilDue() {
        let returned = Correction(stage: .cityReview, window: "春季", due: LocalDate("2026-03-24")!)
        let inTime = RuleEngine.check(
            year: 2026, lines: [newLine],
            context: context(now: "2026-03-24T23:59:59+08:00", correction: returned))
        #expect(inTime.isEmpty)
        let late = RuleEngine.check(
            year: 2026, lines: [newLine],
            context: context(now: "2026-03-25T00:00:00+08:00", correction: returned))
        #expect(late.map(\.code) == ["outside_window"])
        #expect(late.first?.message.contains("应于2026年3月24日前重新提交") == true)
        #expect(late.first?.message.contains("下一次院校申报：秋季 2026年9月11日至2026年9月20日") == true)
        // Without a return, the same day is simply outside the window.
        let plain = RuleEngine.check(
            year: 2026, lines: [newLine], context: context(now: "2026-03-22T10:00:00+08:00", correction: nil))
        #expect(plain.map(\.code) == ["outside_window"])
        #expect(plain.first?.message.contains("逾期") == false)
    }

    @Test("HN-2: messages name the phase's dates — the next one, across the new year, or none")
    func phaseTexts() {
        let v = ReviewRouting.phaseViolation(
            .cityReview, lines: [newLine], policy: henan, now: RuleEngineTests.at("2026-03-15T10:00:00+08:00")
        )
        #expect(v?.message == "当前（2026年3月15日）不在市级初审时间内；下一次市级初审：春季 2026年3月21日至2026年3月24日")
        #expect(
            henan.nextPhaseText(.school, after: LocalDate("2026-10-01")!)
                == "下一次院校申报：春季 2027年3月11日至2027年3月20日")
        #expect(
            henan.nextPhaseText(.school, after: LocalDate("2026-03-15")!) == "本次院校申报：春季 2026年3月11日至2026年3月20日"
        )
    }
}

@Suite("Phase calendar of the home pages (HN-2, AH22-5)")
struct PhaseCalendarTests {
    let henan = RuleEngineTests.henan

    @Test("HN-2: open with the days left (the last day counts), upcoming with the days to wait, across the year's end")
    func states() throws {
        guard case .open(let w, let left) = henan.state(of: .school, on: LocalDate("2026-03-18")!) else { throw Unexpected() }
        #expect(w.name == "春季" && left == 3)
        guard case .open(_, let last) = henan.state(of: .school, on: LocalDate("2026-03-20")!) else { throw Unexpected() }
        #expect(last == 1)
        guard case .upcoming(let next, let wait) = henan.state(of: .city, on: LocalDate("2026-03-18")!) else { throw Unexpected() }
        #expect(next.name == "春季" && wait == 3)
        guard case .upcoming(let spring, let days) = henan.state(of: .school, on: LocalDate("2026-12-02")!) else { throw Unexpected() }
        #expect(spring.school.lowerBound == LocalDate("2027-03-11") && days == 99)
    }

    struct Unexpected: Error {}
}
