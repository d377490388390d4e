import Foundation
import OneXDomain
import Testing

@Suite("Biweekly reports (AH41-9)")
struct BiweeklyReportTests {
    static func d(_ text: String) -> LocalDate { LocalDate(text)! }
    let schedule = BiweeklySchedule(dueDays: [27, 12])

    @Test("AH41-9: reports are due on the 12th and the 27th of every month, across a year end")
    func dueDates() {
        #expect(
            schedule.dueDates(from: Self.d("2026-11-20"), through: Self.d("2027-01-12")).map(\.description)
                == [
                    "2026-11-27", "2026-12-12", "2026-12-27", "2027-01-12",
                ])
        #expect(schedule.dueDates(from: Self.d("2026-03-13"), through: Self.d("2026-03-26")).isEmpty)
        #expect(schedule.dueDate(forFilingOn: Self.d("2026-03-12")) == Self.d("2026-03-12"))
        #expect(schedule.dueDate(forFilingOn: Self.d("2026-03-13")) == Self.d("2026-03-27"))
        #expect(schedule.dueDate(forFilingOn: Self.d("2026-12-28")) == Self.d("2027-01-12"))
    }

    @Test(
        "AH41-9: on the due day is on time, after it late but filed; three misses in a row flag the school, a filing ends the run"
    )
    func compliance() {
        let filed: [LocalDate: LocalDate] = [
            Self.d("2026-01-12"): Self.d("2026-01-12"),  // on its due day: on time
            Self.d("2026-01-27"): Self.d("2026-01-30"),  // late
            // 2026-02-12, 02-27 and 03-12 missed
        ]
        let c = ReportCompliance.of(
            filed: filed, schedule: schedule, since: Self.d("2026-01-01"), today: Self.d("2026-03-13"),
            maxConsecutiveMisses: 3)
        #expect(c.due.count == 5 && c.onTime == 1 && c.late == [Self.d("2026-01-27")])
        #expect(c.missed.map(\.description) == ["2026-02-12", "2026-02-27", "2026-03-12"])
        #expect(c.consecutiveMisses == 3 && c.flagged && c.rate == 0.2)
        // On the 12th itself that day's report is still open: two misses, not flagged.
        let before = ReportCompliance.of(
            filed: filed, schedule: schedule, since: Self.d("2026-01-01"), today: Self.d("2026-03-12"),
            maxConsecutiveMisses: 3)
        #expect(before.consecutiveMisses == 2 && !before.flagged)
        // A late report for the last one ends the run.
        var later = filed
        later[Self.d("2026-03-12")] = Self.d("2026-03-13")
        let cleared = ReportCompliance.of(
            filed: later, schedule: schedule, since: Self.d("2026-01-01"), today: Self.d("2026-03-14"),
            maxConsecutiveMisses: 3)
        #expect(cleared.consecutiveMisses == 0 && !cleared.flagged && cleared.onTime == 1)
        #expect(
            ReportCompliance.of(
                filed: [:], schedule: schedule, since: Self.d("2026-03-13"), today: Self.d("2026-03-14"),
                maxConsecutiveMisses: 3
            ).rate == nil)
    }
}
