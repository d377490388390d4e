import Foundation
import OneXDomain
import Testing

@Suite("Values: dates, money, kinds")
struct ValueTests {
    @Test("Dates are Asia/Shanghai calendar days")
    func shanghaiDays() {
        // 2026-03-10T16:00:00Z is 00:00 on 11 March in Shanghai.
        let instant = Date(timeIntervalSince1970: 1_773_158_400)
        #expect(LocalDate(instant) == LocalDate(year: 2026, month: 3, day: 11))
        #expect(LocalDate(year: 2026, month: 3, day: 11).startOfDay == instant)
    }

    @Test("Dates parse as spreadsheets write them and reject impossible days")
    func parsing() {
        #expect(LocalDate("2021-10-21") == LocalDate(year: 2021, month: 10, day: 21))
        #expect(LocalDate("2021/3/1") == LocalDate(year: 2021, month: 3, day: 1))
        #expect(LocalDate("2021年3月1日") == LocalDate(year: 2021, month: 3, day: 1))
        #expect(LocalDate("2021-02-29") == nil)
        #expect(LocalDate("2024-02-29") != nil)
        #expect(LocalDate("soon") == nil)
    }

    @Test("Money is integer fen, converted without rounding")
    func money() {
        #expect(Fen.yuanText(50300) == "503.00")
        #expect(Fen.yuanText(5) == "0.05")
        #expect(Fen.parseYuan("503") == 50300)
        #expect(Fen.parseYuan("1,503.5元") == 150350)
        #expect(Fen.parseYuan("1.234") == nil)
        #expect(Fen.parseYuan("-1") == nil)
    }

    @Test("AH22-6 / HN-6: only city-owned secondary schools are reviewed by their city first")
    func routing() {
        #expect(SchoolKind.secondary.reviewedByCityFirst)
        #expect(!SchoolKind.provincialSecondary.reviewedByCityFirst)
        #expect(!SchoolKind.higherVocational.reviewedByCityFirst)
        #expect(!SchoolKind.undergraduate.reviewedByCityFirst)
    }

    @Test("Kinds and levels read Chinese and English")
    func kinds() {
        #expect(SchoolKind(text: "高职院校") == .higherVocational)
        #expect(SchoolKind(text: "undergraduate") == .undergraduate)
        #expect(Level(text: "中级") == .intermediate)
        #expect(Level(text: "expert") == nil)
        #expect(RegionKind(text: "county") == .county)
    }

    @Test("The manual clock stands still until set")
    func manualClock() {
        let start = Date(timeIntervalSince1970: 0)
        let clock = ManualClock(start)
        #expect(clock.now() == start)
        clock.set(start.addingTimeInterval(60))
        #expect(clock.now() == start.addingTimeInterval(60))
    }
}

@Suite("Access: every unit sees only its own records")
struct AccessTests {
    @Test("A school sees only itself; a city bureau its region; province roles everything")
    func schoolScopes() {
        #expect(Access.scope(of: .schools, for: Actor(username: "s", role: .school, unit: "Z1")) == .school("Z1"))
        #expect(Access.scope(of: .schools, for: Actor(username: "c", role: .cityReviewer, unit: "4101")) == .region("4101"))
        #expect(Access.scope(of: .schools, for: Actor(username: "p", role: .provinceReviewer, unit: nil)) == .all)
        #expect(Access.scope(of: .schools, for: Actor(username: "a", role: .auditor, unit: nil)) == .all)
    }

    @Test("An organisation sees only its certificates; the expert pool is for province roles")
    func otherScopes() {
        #expect(Access.scope(of: .certificates, for: Actor(username: "o", role: .organization, unit: "ORG")) == .organization("ORG"))
        #expect(Access.scope(of: .experts, for: Actor(username: "s", role: .school, unit: "Z1")) == .none)
        #expect(!Access.navigation(for: Actor(username: "s", role: .school, unit: "Z1")).contains(.experts))
    }

    @Test("Accounts: unit required by role, password strength, username shape")
    func accounts() {
        #expect(AccountDraft(username: "ok", password: "abc12345", role: "school", unit: "Z1").problems(isNew: true).isEmpty)
        #expect(AccountDraft(username: "ok", password: "abc12345", role: "school", unit: nil).problems(isNew: true).map(\.field) == ["unit"])
        #expect(AccountDraft(username: "ok", password: "short", role: "auditor", unit: nil).problems(isNew: true).map(\.code) == ["weak_password"])
        #expect(AccountDraft(username: "有空 格", password: nil, role: "boss", unit: nil).problems(isNew: true).count == 3)
    }
}
