import Foundation
@testable import OneXDomain
import Testing

@Suite("Limits and arithmetic on stored figures (issue 11)")
struct LimitsTests {
    @Test("Clamped arithmetic saturates instead of trapping")
    func clamped() {
        #expect(Int.max.clampedAdding(1) == .max)
        #expect(Int.min.clampedSubtracting(1) == .min)
        #expect((Int.max / 2).clampedMultiplied(by: 3) == .max)
        #expect(Int(clampingRounded: 1e30) == .max)
        #expect(Int(clampingRounded: -1e30) == .min)
        #expect(Int(clampingRounded: .nan) == 0)
        #expect(2.clampedAdding(3) == 5)
    }

    @Test("HN-1: a line count outside 1…1,000,000 is a problem of the line, named by its field")
    func lineBounds() {
        let line = ApplicationLine(certificate: "1-004", level: .junior, kind: .increase, count: Int.max)
        #expect(line.problems(line: 3).first?.field == "lines[2].count")
        #expect(ApplicationLine(certificate: "1-004", level: .junior, kind: .new, count: 1_000_000).problems(line: 1).isEmpty)
    }

    @Test("EXAM-1: session counts above the limit are problems, not overflows")
    func sessionBounds() {
        let s = ExamSession(school: "G001", certificate: "1-004", level: .junior, year: 2026, date: LocalDate("2026-05-10")!,
                            registered: Int.max, attended: 0, passed: 0)
        #expect(s.problems().contains { $0.field == "registered" })
    }

    @Test("Money above the limit does not parse (and does not overflow)")
    func money() {
        #expect(Fen.parseYuan("92233720368547758.07") == nil)
        #expect(Fen.parseYuan("100000000") == 10_000_000_000)
    }

    @Test("An ID-number-shaped cell is quoted with its middle hidden; codes and dates are quoted as they are")
    func quotedCells() {
        #expect(QuotedCell.text("41010520000101001X") == "41**************1X")
        #expect(QuotedCell.text("2026-05-20") == "2026-05-20")
        #expect(QuotedCell.text("20260520") == "20260520")
        #expect(QuotedCell.text("G001") == "G001")
    }
}
