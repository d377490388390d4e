import OneXDomain
import Testing

/// Teacher training's rules as plain functions (AH41-6).
@Suite("Teacher training rules (AH41-6)")
struct TrainingRulesTests {
    static func trainers(_ industry: Int, of all: Int) -> [Trainer] {
        (0..<all).map { Trainer(name: "T\($0)", employer: "E", fromIndustry: $0 < industry) }
    }

    @Test(
        "AH41-6: the 40% line exactly — 2 of 5 is enough, 1 of 3 and 3 of 8 are not; every count up to 60 against 2/5"
    )
    func industryShare() {
        let rules = Policy.Training.seed
        #expect(
            TrainingRules.refusals(trainers: Self.trainers(2, of: 5), feePerHead: 0, days: 1, rules: rules)
                .isEmpty)
        #expect(
            TrainingRules.refusals(trainers: Self.trainers(4, of: 10), feePerHead: 0, days: 1, rules: rules)
                .isEmpty)
        #expect(
            TrainingRules.refusals(trainers: Self.trainers(1, of: 3), feePerHead: 0, days: 1, rules: rules)
                == [.industryShareBelow(industry: 1, trainers: 3, percent: 40)])
        #expect(
            TrainingRules.refusals(trainers: Self.trainers(3, of: 8), feePerHead: 0, days: 1, rules: rules)
                == [.industryShareBelow(industry: 3, trainers: 8, percent: 40)])
        #expect(TrainingRules.refusals(trainers: [], feePerHead: 0, days: 1, rules: rules) == [.noTrainers])
        for all in 1...60 {
            for industry in 0...all {
                // 40% as the fraction 2/5, independently of the per-cent arithmetic.
                #expect(
                    TrainingRules.industryShareMet(industry: industry, trainers: all, percent: 40)
                        == (5 * industry >= 2 * all), "\(industry) of \(all)")
            }
        }
    }

    @Test(
        "AH41-6: the fee cap is the policy's rate per head and day × the course's days; one fen above is refused"
    )
    func feeCap() {
        let rules = Policy.Training.seed
        let ok = Self.trainers(2, of: 4)
        #expect(TrainingRules.feeCap(days: 3, perHeadPerDay: 55_000) == 165_000)
        #expect(TrainingRules.refusals(trainers: ok, feePerHead: 165_000, days: 3, rules: rules).isEmpty)
        #expect(
            TrainingRules.refusals(trainers: ok, feePerHead: 165_001, days: 3, rules: rules)
                == [.feeAboveCap(fee: 165_001, cap: 165_000, days: 3)])
        #expect(TrainingRules.feeCap(days: Int.max, perHeadPerDay: 55_000) == Int.max, "no overflow")
    }

    @Test(
        "AH41-6: a teacher trained twice counts once; both qualifications count for both; ranked by exact share"
    )
    func tallies() {
        let tallies = TeacherQualificationTally.tallies([
            ("Z001", "a", .trainer), ("Z001", "a", .examiner), ("Z001", "b", .completed),
            ("Z002", "c", .trainerAndExaminer), ("Z002", "d", .enrolled), ("Z002", "e", .enrolled),
            ("Z003", "f", .examiner),
        ])
        let z001 = tallies.first { $0.school == "Z001" }
        #expect(
            z001
                == TeacherQualificationTally(
                    school: "Z001", teachers: 2, trainers: 1, examiners: 1, qualified: 1))
        let ranked = TeacherQualificationTally.ranked(tallies).map(\.school)
        #expect(ranked == ["Z003", "Z001", "Z002"], "1/1, then 1/2, then 1/3")
        #expect(
            PhoneMask.mask("13812345678") == "138****5678"
                && PhoneMask.mask("0371-65908888") == "037******8888")
    }
}
