import Foundation
import OneXDomain
import Testing

@Suite("Policy documents (policies.md)")
struct PolicyTests {
    static func shipped(_ name: String) throws -> Policy {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("policies/\(name).json")
        return try JSONDecoder().decode(Policy.self, from: Data(contentsOf: url))
    }

    @Test("HN-2, HN-5, HN-8, HN-10: the shipped Henan policy reads and is valid")
    func henan() throws {
        let p = try Self.shipped("henan")
        #expect(p.problems().isEmpty)
        #expect(p.recurringWindows.map(\.school) == [["03-11", "03-20"], ["09-11", "09-20"]])
        #expect(p.rules.decreaseLimit == 0.30)
        #expect(p.rules.forcedExit?.minAgeDays == 365)
        // HN-10: the one-off window has no decrease limit (null), which differs from "not set".
        #expect(p.extraWindows[0].decreaseLimit == .some(nil))
        #expect(p.extraWindows[0].countsInIndicators == false)
    }

    @Test("AH22-5, AH22-7, AH22-2: the shipped Anhui policy reads and is valid")
    func anhui() throws {
        let p = try Self.shipped("anhui")
        #expect(p.problems().isEmpty)
        #expect(p.recurringWindows[0].province == ["04-08", "04-15"])
        #expect(p.rules.decreaseLimit == 0)
        #expect(p.rules.lowCompletionCap?.threshold == 0.5)
        #expect(p.rules.forcedExit == nil)
    }

    @Test("A policy survives encoding and decoding unchanged, null limits included")
    func roundTrip() throws {
        let p = try Self.shipped("henan")
        let again = try JSONDecoder().decode(Policy.self, from: JSONEncoder().encode(p))
        #expect(again == p)
    }

    @Test("A bad document is refused with a precise message per problem")
    func problems() throws {
        var p = try Self.shipped("henan")
        p.recurringWindows[0].school = ["03-20", "03-11"]
        p.rules.decreaseLimit = 1.5
        p.reporting.biweeklyDueDays = [31]
        let fields = p.problems().map(\.field)
        #expect(fields == ["recurringWindows[0].school", "rules.decreaseLimit", "reporting.biweeklyDueDays"])
    }
}

@Suite("Windows of any policy")
struct WindowTotalityTests {
    @Test("HN-2: a 02-29 phase falls on 02-28 in a common year; an inverted or unreadable phase drops its window, never traps")
    func total() throws {
        var p = try PolicyTests.shipped("henan")
        p.recurringWindows[0].school = ["02-20", "02-29"]
        p.recurringWindows[1].city = ["09-20", "09-11"]
        p.extraWindows[0].school = ["2026-13-01", "2026-03-01"]
        let windows = p.windows(in: 2026)
        #expect(windows.first?.school.upperBound == LocalDate(year: 2026, month: 2, day: 28))
        #expect(p.windows(in: 2028).first?.school.upperBound == LocalDate(year: 2028, month: 2, day: 29))
        #expect(windows.count == 1)
        #expect(p.window(open: .school, on: LocalDate(year: 2026, month: 2, day: 25)) != nil)
    }
}
