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
