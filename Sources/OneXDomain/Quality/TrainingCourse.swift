/// Teacher training by organisations (师资培训, AH41-6). 001 §二(七): "评价组织开展 X证书师资培训，来自
/// 行业企业的专家比例应不少于 40%，培训费用不得超出教育部有关规定的标准".
public struct Trainer: Codable, Sendable, Equatable {
    public var name: String
    /// Where the trainer works.
    public var employer: String
    /// From industry or an enterprise (行业企业专家), not a school.
    public var fromIndustry: Bool

    public init(name: String, employer: String, fromIndustry: Bool) {
        self.name = name
        self.employer = employer
        self.fromIndustry = fromIndustry
    }
}

/// What a participant gained (the qualifications of 001 §二(七): 培训师、考评员).
public enum TrainingOutcome: String, CaseIterable, Codable, Sendable {
    /// Enrolled; no outcome recorded yet.
    case enrolled
    /// Took part without a qualification.
    case completed
    case trainer
    case examiner
    /// Both qualifications.
    case trainerAndExaminer

    public var chinese: String {
        switch self {
        case .enrolled: "已报名"
        case .completed: "已结业（未取得资格）"
        case .trainer: "取得培训师资格"
        case .examiner: "取得考评员资格"
        case .trainerAndExaminer: "取得培训师和考评员资格"
        }
    }

    public var english: String {
        switch self {
        case .enrolled: "Enrolled"
        case .completed: "Completed, no qualification"
        case .trainer: "Qualified as trainer"
        case .examiner: "Qualified as examiner"
        case .trainerAndExaminer: "Qualified as trainer and examiner"
        }
    }

    public var isTrainer: Bool { self == .trainer || self == .trainerAndExaminer }
    public var isExaminer: Bool { self == .examiner || self == .trainerAndExaminer }
    public var isQualified: Bool { isTrainer || isExaminer }
    /// Whether the outcome names a certificate number.
    public var needsCertificateNumber: Bool { isQualified }
}

/// Why a course is refused, with the figures.
public enum TrainingRefusal: Error, Sendable, Equatable {
    /// Fewer industry trainers than the policy's share: (industry, all, the share in per cent).
    case industryShareBelow(industry: Int, trainers: Int, percent: Int)
    /// The fee per head above the cap for the course's days: (fee, cap, days), in fen.
    case feeAboveCap(fee: Int, cap: Int, days: Int)
    case noTrainers
}

public enum TrainingRules {
    /// Whether `industry` of `trainers` reaches `percent`, in whole numbers: exactly at the line
    /// is enough (2 of 5 is 40%).
    public static func industryShareMet(industry: Int, trainers: Int, percent: Int) -> Bool {
        trainers > 0 && industry * 100 >= percent * trainers
    }

    /// The most a course of `days` days may charge per head, in fen.
    public static func feeCap(days: Int, perHeadPerDay: Int) -> Int {
        perHeadPerDay.multipliedReportingOverflow(by: max(days, 1)).overflow
            ? Int.max : perHeadPerDay * max(days, 1)
    }

    /// Every rule a course breaks: the trainers' industry share and the fee cap.
    public static func refusals(
        trainers: [Trainer], feePerHead: Int, days: Int, rules: Policy.Training
    ) -> [TrainingRefusal] {
        var out: [TrainingRefusal] = []
        let industry = trainers.filter(\.fromIndustry).count
        if trainers.isEmpty {
            out.append(.noTrainers)
        } else if !industryShareMet(
            industry: industry, trainers: trainers.count, percent: rules.minIndustryTrainerPercent)
        {
            out.append(
                .industryShareBelow(
                    industry: industry, trainers: trainers.count, percent: rules.minIndustryTrainerPercent))
        }
        let cap = feeCap(days: days, perHeadPerDay: rules.maxFeePerHeadPerDay)
        if feePerHead > cap { out.append(.feeAboveCap(fee: feePerHead, cap: cap, days: days)) }
        return out
    }
}

/// A school's teachers in X-certificate training (AH41-6): how many took part, how many hold a
/// trainer's or an examiner's qualification, and the qualified share of those who took part.
public struct TeacherQualificationTally: Sendable, Equatable {
    public var school: String
    public var teachers: Int
    public var trainers: Int
    public var examiners: Int
    /// Teachers with either qualification (a teacher with both counts once).
    public var qualified: Int

    public init(school: String, teachers: Int, trainers: Int, examiners: Int, qualified: Int) {
        self.school = school
        self.teachers = teachers
        self.trainers = trainers
        self.examiners = examiners
        self.qualified = qualified
    }

    public var share: Double? { teachers == 0 ? nil : Double(qualified) / Double(teachers) }

    /// Tallies per school from each teacher's outcomes: a teacher is one person of one school
    /// (`key`), qualified once whichever course gave the qualification.
    public static func tallies(_ outcomes: [(school: String, teacher: String, outcome: TrainingOutcome)])
        -> [TeacherQualificationTally]
    {
        var bySchool: [String: [String: (trainer: Bool, examiner: Bool)]] = [:]
        for o in outcomes {
            var t = bySchool[o.school, default: [:]][o.teacher] ?? (false, false)
            t.trainer = t.trainer || o.outcome.isTrainer
            t.examiner = t.examiner || o.outcome.isExaminer
            bySchool[o.school, default: [:]][o.teacher] = t
        }
        return bySchool.map { school, teachers in
            TeacherQualificationTally(
                school: school, teachers: teachers.count, trainers: teachers.values.filter(\.trainer).count,
                examiners: teachers.values.filter(\.examiner).count,
                qualified: teachers.values.filter { $0.trainer || $0.examiner }.count)
        }
    }

    /// The province ranking: highest qualified share first, then more qualified teachers, then
    /// by school code so the order is stable.
    public static func ranked(_ tallies: [TeacherQualificationTally]) -> [TeacherQualificationTally] {
        tallies.sorted {
            // Shares compared as fractions, exactly; a school with no teacher trained comes last.
            let a = $0.qualified * max($1.teachers, 1)
            let b = $1.qualified * max($0.teachers, 1)
            if ($0.teachers == 0) != ($1.teachers == 0) { return $1.teachers == 0 }
            if a != b { return a > b }
            if $0.qualified != $1.qualified { return $0.qualified > $1.qualified }
            return $0.school < $1.school
        }
    }
}
