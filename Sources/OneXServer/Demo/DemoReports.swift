import Fluent
import Foundation
import OneXDomain

/// Biweekly reports in the demo year (AH41-9), as the national platform records them: every
/// pilot school reports on time except 河南职业技术学院 (G001), which missed the last three and
/// is on the notice list, and 郑州市财贸学校 (Z001), which reported one period late.
extension DemoYear {
    func reports(until today: LocalDate) async {
        let schedule = Policy.Reporting.seed.schedule
        let due = schedule.dueDates(from: LocalDate(year: year, month: 1, day: 1), through: today)
            .filter { $0 < today }
        guard !due.isEmpty else { return }
        await step("biweekly reports") {
            let plans = try await PlanRow.query(on: db).filter(\.$year == year).with(\.$school).all()
            let pilots = Set(plans.map(\.school.code)).sorted()
            var table = [["院校代码", "报送期", "报送时间"]]
            for school in pilots {
                for (k, day) in due.enumerated() {
                    if school == "G001" && k >= due.count - 3 { continue }
                    let late = school == "Z001" && k == due.count - 2
                    let filed = late ? LocalDate(day.startOfDay.addingTimeInterval(3 * 86400)) : day
                    table.append([school, day.description, "\(filed) 16:00"])
                }
            }
            _ = try await BiweeklyReportService.importPlatform(
                table, actor: Self.actor("province", .provinceAdmin, nil), now: today.startOfDay, on: db)
        }
    }
}
