import OneXDomain
import Testing

@Suite("Teacher workload (AH41-7)")
struct TeacherWorkloadTests {
    @Test(
        "AH41-7: payable hours are twice the hours; a teacher's year sums terms and certificates; earlier years count toward 双师型"
    )
    func summaries() {
        let entries: [TeacherWorkload.Entry] = [
            .init(teacher: "a", year: 2024, half: .autumn, certificate: "1-004", hours: 16),
            .init(teacher: "a", year: 2026, half: .spring, certificate: "1-004", hours: 32),
            .init(teacher: "a", year: 2026, half: .autumn, certificate: "1-005", hours: 20),
            .init(teacher: "b", year: 2025, half: .spring, certificate: "1-004", hours: 10),
            .init(teacher: "c", year: 2027, half: .spring, certificate: "1-004", hours: 10),
        ]
        let s = TeacherWorkload.summaries(entries, year: 2026, multiplier: 2)
        #expect(s.count == 1, "b trained only in 2025, c only later")
        #expect(s[0].hours == 52 && s[0].payableHours == 104 && s[0].terms == 2)
        #expect(s[0].certificates == ["1-004", "1-005"] && s[0].trainingYears == 2)
        #expect(TeacherWorkload.payableHours(45, multiplier: 1.5) == 67.5)
    }
}
