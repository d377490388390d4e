import Foundation
import OneXDomain
import Testing

/// Rule by rule, each test names the requirement it proves. Times are Shanghai wall-clock.
@Suite("Rule engine (HN-1..10, AH22-1..7)")
struct RuleEngineTests {
    static let henan = try! PolicyTests.shipped("henan")
    static let anhui = try! PolicyTests.shipped("anhui")

    static func at(_ text: String) -> Date {
        Shanghai.parseInstant(text)!
    }

    static let cert = CertificateRecord(code: "1-004", name: "物流管理", batch: 1, organization: "O", levels: [.junior, .intermediate],
                                        minCandidates: 20, costCaps: [:])
    static let school = SchoolRecord(code: "Z001", name: "郑州市财贸学校", kind: .secondary, region: "4101",
                                     nationalPlatformRegistered: true)

    func context(_ policy: Policy = henan, now: String = "2026-03-15T10:00:00+08:00", plans: [PlanKey: Int] = [:],
                 school: SchoolRecord = school) -> RuleContext {
        RuleContext(policy: policy, school: school, certificates: ["1-004": Self.cert], plans: plans, now: Self.at(now))
    }

    func codes(_ lines: [ApplicationLine], _ c: RuleContext, year: Int = 2026) -> [String] {
        RuleEngine.check(year: year, lines: lines, context: c).map(\.code)
    }

    let newLine = ApplicationLine(certificate: "1-004", level: .junior, kind: .new, count: 40)
    let plan = PlanKey(certificate: "1-004", level: .junior, year: 2026)

    @Test("HN-1: a valid new line in the window passes")
    func validNew() {
        #expect(codes([newLine], context()).isEmpty)
    }

    @Test("HN-2: the school phase opens at 00:00 on the first day and closes after 23:59:59 on the last")
    func henanWindowEdges() {
        #expect(codes([newLine], context(now: "2026-03-10T23:59:59+08:00")) == ["outside_window"])
        #expect(codes([newLine], context(now: "2026-03-11T00:00:00+08:00")).isEmpty)
        #expect(codes([newLine], context(now: "2026-03-20T23:59:59+08:00")).isEmpty)
        #expect(codes([newLine], context(now: "2026-03-21T00:00:00+08:00")) == ["outside_window"])
        // 2026-03-10T16:00Z is already 11 March in Shanghai.
        #expect(codes([newLine], context(now: "2026-03-10T16:00:00Z")).isEmpty)
        #expect(codes([newLine], context(now: "2026-09-11T08:00:00+08:00")).isEmpty)
    }

    @Test("AH22-5: Anhui's spring window is 1–7 April")
    func anhuiWindow() {
        let c = context(Self.anhui, now: "2026-04-07T23:59:59+08:00")
        #expect(codes([newLine], c) == ["justification_required"])
        #expect(codes([newLine], context(Self.anhui, now: "2026-04-08T00:00:00+08:00")).contains("outside_window"))
    }

    @Test("HN-10: the one-off autumn 2021 window opens the school phase 21–30 October 2021, without a decrease limit")
    func henanExtraWindow() {
        let plans = [PlanKey(certificate: "1-004", level: .junior, year: 2021): 100]
        let decrease = ApplicationLine(certificate: "1-004", level: .junior, kind: .decrease, count: 60, reason: "budget")
        #expect(codes([decrease], context(now: "2021-10-25T09:00:00+08:00", plans: plans), year: 2021).isEmpty)
        #expect(codes([decrease], context(now: "2021-09-15T09:00:00+08:00", plans: plans), year: 2021) == ["decrease_limit_exceeded"])
        #expect(codes([decrease], context(now: "2021-10-31T09:00:00+08:00", plans: plans), year: 2021)
                == ["outside_window", "decrease_limit_exceeded"])
    }

    @Test("HN-4: Henan increases are not bound to a window; Anhui's are")
    func increaseAnyTime() {
        let inc = ApplicationLine(certificate: "1-004", level: .junior, kind: .increase, count: 5)
        #expect(codes([inc], context(now: "2026-07-01T10:00:00+08:00", plans: [plan: 30])).isEmpty)
        var c = context(Self.anhui, now: "2026-07-01T10:00:00+08:00", plans: [plan: 30])
        c.hasAdjustmentForm = true
        #expect(codes([inc], c) == ["outside_window"])
    }

    @Test("HN-5: a decrease removes at most 30% of the current count, with an allowed reason")
    func decreaseLimit() {
        let ok = ApplicationLine(certificate: "1-004", level: .junior, kind: .decrease, count: 30, reason: "fewerStudents")
        #expect(codes([ok], context(plans: [plan: 100])).isEmpty)
        var over = ok
        over.count = 31
        #expect(codes([over], context(plans: [plan: 100])) == ["decrease_limit_exceeded"])
        var noReason = ok
        noReason.reason = nil
        #expect(codes([noReason], context(plans: [plan: 100])) == ["decrease_reason_required"])
        noReason.reason = "weather"
        #expect(codes([noReason], context(plans: [plan: 100])) == ["decrease_reason_required"])
    }

    @Test("AH22-7: Anhui 2022 allows no decrease at all")
    func anhuiNoDecrease() {
        let d = ApplicationLine(certificate: "1-004", level: .junior, kind: .decrease, count: 1)
        #expect(codes([d], context(Self.anhui, now: "2026-04-02T10:00:00+08:00", plans: [plan: 100])) == ["decrease_not_allowed"])
    }

    @Test("AH22-7: an Anhui increase needs the adjustment form")
    func adjustmentForm() {
        let inc = ApplicationLine(certificate: "1-004", level: .junior, kind: .increase, count: 5)
        var c = context(Self.anhui, now: "2026-04-02T10:00:00+08:00", plans: [plan: 30])
        #expect(codes([inc], c) == ["adjustment_form_required"])
        c.hasAdjustmentForm = true
        #expect(codes([inc], c).isEmpty)
        #expect(codes([inc], context(plans: [plan: 30])).isEmpty)
    }

    @Test("AH22-3: every line meets the certificate's minimum exam-taker count")
    func minCandidates() {
        var small = newLine
        small.count = 19
        #expect(codes([small], context()) == ["below_min_candidates"])
        let d = ApplicationLine(certificate: "1-004", level: .junior, kind: .decrease, count: 6, reason: "budget")
        #expect(codes([d], context(plans: [plan: 25])) == ["below_min_candidates"])
    }

    @Test("AH22-1: only published certificates and their levels")
    func unknownCertificate() {
        #expect(codes([ApplicationLine(certificate: "9-999", level: .junior, kind: .new, count: 40)], context()) == ["unknown_certificate"])
        #expect(codes([ApplicationLine(certificate: "1-004", level: .senior, kind: .new, count: 40)], context()) == ["unknown_certificate"])
    }

    @Test("AH22-1: the school must be registered on the national platform")
    func registration() {
        var s = Self.school
        s.nationalPlatformRegistered = false
        #expect(codes([newLine], context(school: s)) == ["school_not_registered"])
    }

    @Test("AH22-4: a new certificate needs its own justification; one applied for last year does not")
    func justification() {
        var c = context(Self.anhui, now: "2026-04-02T10:00:00+08:00")
        #expect(codes([newLine], c) == ["justification_required"])
        c.linesWithJustification = [1]
        #expect(codes([newLine], c).isEmpty)
        c.linesWithJustification = []
        c.certificatesLastYear = ["1-004"]
        #expect(codes([newLine], c).isEmpty)
    }

    @Test("HN-1: new for an existing plan, increase or decrease for a missing one")
    func planExistence() {
        #expect(codes([newLine], context(plans: [plan: 30])) == ["plan_exists"])
        let inc = ApplicationLine(certificate: "1-004", level: .junior, kind: .increase, count: 5)
        #expect(codes([inc], context()) == ["no_such_plan"])
    }

    @Test("AH22-2: below 50% completion last year caps this year's total at last year's; at 50% no cap")
    func lowCompletionCap() {
        var c = context(Self.anhui, now: "2026-04-02T10:00:00+08:00")
        c.certificatesLastYear = ["1-004"]
        c.previousYear = .init(total: 30, completionRate: 0.49)
        let violations = RuleEngine.check(year: 2026, lines: [newLine], context: c)
        #expect(violations.map(\.code) == ["over_previous_year_scale"])
        #expect(violations[0].message.contains("49%") && violations[0].message.contains("30人"))
        c.previousYear = .init(total: 30, completionRate: 0.5)
        #expect(codes([newLine], c).isEmpty)
        c.previousYear = .init(total: 40, completionRate: 0.1)
        #expect(codes([newLine], c).isEmpty)
        #expect(codes([newLine], context(now: "2026-03-15T10:00:00+08:00")).isEmpty)
    }

    @Test("Every violation is reported at once, with its line")
    func allAtOnce() {
        var s = Self.school
        s.nationalPlatformRegistered = false
        let lines = [newLine, ApplicationLine(certificate: "X", level: .junior, kind: .new, count: 40), newLine]
        let v = RuleEngine.check(year: 2026, lines: lines, context: context(now: "2026-07-01T10:00:00+08:00", school: s))
        #expect(v.map(\.code) == ["school_not_registered", "outside_window", "outside_window", "unknown_certificate", "duplicate_line"])
        #expect(v.map(\.line) == [nil, 1, 2, 2, 3])
    }
}

@Suite("Review routing and phases (AH22-6, HN-6, HN-7)")
struct ReviewRoutingTests {
    @Test("AH22-6 / HN-6: secondary schools go to their city first, the others to the province")
    func firstStage() {
        #expect(ReviewRouting.firstStage(for: .secondary) == .cityReview)
        #expect(ReviewRouting.firstStage(for: .provincialSecondary) == .provinceReview)
        #expect(ReviewRouting.firstStage(for: .higherVocational) == .provinceReview)
        #expect(ReviewRouting.firstStage(for: .undergraduate) == .provinceReview)
    }

    @Test("HN-2: Henan's city phase 21–24 March, province 25–28 March")
    func henanPhases() {
        let p = RuleEngineTests.henan
        let lines = [ApplicationLine(certificate: "1-004", level: .junior, kind: .new, count: 40)]
        #expect(ReviewRouting.phaseOpen(.cityReview, lines: lines, policy: p, now: RuleEngineTests.at("2026-03-21T00:00:00+08:00")))
        #expect(!ReviewRouting.phaseOpen(.cityReview, lines: lines, policy: p, now: RuleEngineTests.at("2026-03-25T00:00:00+08:00")))
        #expect(ReviewRouting.phaseOpen(.provinceReview, lines: lines, policy: p, now: RuleEngineTests.at("2026-03-28T23:59:59+08:00")))
        #expect(!ReviewRouting.phaseOpen(.provinceReview, lines: lines, policy: p, now: RuleEngineTests.at("2026-03-29T00:00:00+08:00")))
    }

    @Test("AH22-5: Anhui's city and province phases overlap on 8–12 April")
    func anhuiOverlap() {
        let p = RuleEngineTests.anhui
        let lines = [ApplicationLine(certificate: "1-004", level: .junior, kind: .new, count: 40)]
        let now = RuleEngineTests.at("2026-04-10T10:00:00+08:00")
        #expect(ReviewRouting.phaseOpen(.cityReview, lines: lines, policy: p, now: now))
        #expect(ReviewRouting.phaseOpen(.provinceReview, lines: lines, policy: p, now: now))
        #expect(!ReviewRouting.phaseOpen(.cityReview, lines: lines, policy: p, now: RuleEngineTests.at("2026-04-13T10:00:00+08:00")))
        #expect(ReviewRouting.phaseOpen(.provinceReview, lines: lines, policy: p, now: RuleEngineTests.at("2026-04-15T23:00:00+08:00")))
    }

    @Test("HN-7: acting outside the phase is review_phase_closed")
    func phaseViolation() {
        let lines = [ApplicationLine(certificate: "1-004", level: .junior, kind: .new, count: 40)]
        let v = ReviewRouting.phaseViolation(.cityReview, lines: lines, policy: RuleEngineTests.henan,
                                             now: RuleEngineTests.at("2026-03-20T23:59:59+08:00"))
        #expect(v?.code == "review_phase_closed")
        #expect(ReviewRouting.phaseViolation(.cityReview, lines: lines, policy: RuleEngineTests.henan,
                                             now: RuleEngineTests.at("2026-03-21T00:00:00+08:00")) == nil)
    }

    @Test("HN-4: increase-only applications are reviewed any time in Henan")
    func increasesAnyTime() {
        let lines = [ApplicationLine(certificate: "1-004", level: .junior, kind: .increase, count: 5)]
        let july = RuleEngineTests.at("2026-07-01T10:00:00+08:00")
        #expect(ReviewRouting.phaseOpen(.provinceReview, lines: lines, policy: RuleEngineTests.henan, now: july))
        #expect(!ReviewRouting.phaseOpen(.provinceReview, lines: lines, policy: RuleEngineTests.anhui, now: july))
    }
}

@Suite("Forced exit (HN-8)")
struct ForcedExitTests {
    let henan = RuleEngineTests.henan

    @Test("HN-8: the exit period is 11–20 November; Anhui has none")
    func period() {
        #expect(ForcedExit.inExitPeriod(LocalDate(year: 2026, month: 11, day: 11), policy: henan))
        #expect(ForcedExit.inExitPeriod(LocalDate(year: 2026, month: 11, day: 20), policy: henan))
        #expect(!ForcedExit.inExitPeriod(LocalDate(year: 2026, month: 11, day: 21), policy: henan))
        #expect(!ForcedExit.inExitPeriod(LocalDate(year: 2026, month: 11, day: 15), policy: RuleEngineTests.anhui))
    }

    @Test("HN-8: plans at least a year old with no exam are exited, and only those")
    func qualifying() {
        let day = LocalDate(year: 2026, month: 11, day: 15)
        let plans = [
            ForcedExit.Candidate(id: "old-no-exam", firstApprovedOn: LocalDate(year: 2025, month: 11, day: 15), examsHeld: 0, active: true),
            ForcedExit.Candidate(id: "young", firstApprovedOn: LocalDate(year: 2025, month: 11, day: 16), examsHeld: 0, active: true),
            ForcedExit.Candidate(id: "examined", firstApprovedOn: LocalDate(year: 2024, month: 3, day: 1), examsHeld: 1, active: true),
            ForcedExit.Candidate(id: "gone", firstApprovedOn: LocalDate(year: 2024, month: 3, day: 1), examsHeld: 0, active: false),
        ]
        #expect(ForcedExit.qualifying(plans, on: day, policy: henan) == ["old-no-exam"])
        #expect(ForcedExit.qualifying(plans, on: day, policy: RuleEngineTests.anhui).isEmpty)
    }
}
