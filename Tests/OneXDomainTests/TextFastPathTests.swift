import Foundation
import OneXDomain
import Testing

/// The import and the pages use hand-written fast paths for trimming, dates and times; each is
/// checked here against the Foundation behaviour it replaces.
@Suite("Fast paths agree with Foundation")
struct TextFastPathTests {
    @Test("trimmingSpaces equals trimmingCharacters(in: .whitespaces)")
    func trimming() {
        let samples = ["", " ", "abc", " abc", "abc ", "\tabc\t", "\u{3000}考生\u{3000}", " a b ", "a\u{00A0}", "\u{00A0}",
                       "\n x \n", "410105199001010011", "  2026-11-01"]
        for s in samples {
            #expect(s.trimmingSpaces == s.trimmingCharacters(in: .whitespaces), "\(s.debugDescription)")
        }
    }

    @Test("Dates: the ISO fast path and the general parser agree; description round-trips")
    func dates() {
        #expect(LocalDate("2026-11-01") == LocalDate(year: 2026, month: 11, day: 1))
        #expect(LocalDate("2026-02-29") == nil)
        #expect(LocalDate("2024-02-29") == LocalDate(year: 2024, month: 2, day: 29))
        #expect(LocalDate("2026-13-01") == nil)
        #expect(LocalDate("2026-1-5") == LocalDate(year: 2026, month: 1, day: 5))
        #expect(LocalDate("2026年1月5日") == LocalDate(year: 2026, month: 1, day: 5))
        #expect(LocalDate(year: 2026, month: 3, day: 7).description == "2026-03-07")
    }

    @Test("minuteText matches the Asia/Shanghai calendar over the years the pilot runs")
    func minuteText() {
        var rng = SystemRandomNumberGenerator()
        for _ in 0..<2000 {
            let date = Date(timeIntervalSince1970: Double.random(in: 700_000_000...4_100_000_000, using: &rng))
            let c = Shanghai.calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
            let expected = String(format: "%04d-%02d-%02d %02d:%02d", c.year!, c.month!, c.day!, c.hour!, c.minute!)
            #expect(Shanghai.minuteText(date) == expected)
        }
        #expect(Shanghai.minuteText(Date(timeIntervalSince1970: 1_795_392_000)) == "2026-11-23 08:00")
    }

    @Test("rfc3339 writes what ISO8601DateFormatter in Asia/Shanghai writes, before and after 1991")
    func rfc3339() {
        let f = ISO8601DateFormatter()
        f.timeZone = Shanghai.timeZone
        f.formatOptions = [.withInternetDateTime]
        var rng = SystemRandomNumberGenerator()
        for _ in 0..<2000 {
            let date = Date(timeIntervalSince1970: Double.random(in: 600_000_000...4_100_000_000, using: &rng))
            #expect(Shanghai.rfc3339(date) == f.string(from: date))
        }
        #expect(Shanghai.rfc3339(Date(timeIntervalSince1970: 1_795_392_000)) == "2026-11-23T08:00:00+08:00")
    }
}
