/// A province's rules as data (policies.md): windows, limits and switches, versioned by the
/// province office. Field names are the contract of `GET/PUT /api/v1/policy`.
public struct Policy: Codable, Sendable, Equatable {
    public var province: String
    public var recurringWindows: [Window]
    public var extraWindows: [Window]
    public var rules: Rules
    public var reporting: Reporting
    public var monitoring: Monitoring
    /// Teacher training and workload (AH41-6, AH41-7). An addition to policies.md; absent,
    /// Anhui's rules apply (`Training.seed`).
    public var training: Training?

    public var trainingRules: Training { training ?? .seed }

    /// A window: the school phase, then city review, then province review. Each phase is
    /// `[from, to]`, both days included. Recurring windows use `MM-DD`, extra ones `YYYY-MM-DD`.
    public struct Window: Codable, Sendable, Equatable {
        public var name: String
        public var school: [String]
        public var city: [String]
        public var province: [String]
        public var decreaseLimit: Double??
        public var countsInIndicators: Bool?

        public init(
            name: String, school: [String], city: [String], province: [String],
            decreaseLimit: Double?? = .none, countsInIndicators: Bool? = nil
        ) {
            self.name = name
            self.school = school
            self.city = city
            self.province = province
            self.decreaseLimit = decreaseLimit
            self.countsInIndicators = countsInIndicators
        }

        enum CodingKeys: String, CodingKey {
            case name, school, city, province, decreaseLimit, countsInIndicators
        }

        // `decreaseLimit` has three states: absent (use the rules' limit), null (no limit), a number.
        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            name = try c.decode(String.self, forKey: .name)
            school = try c.decode([String].self, forKey: .school)
            city = try c.decode([String].self, forKey: .city)
            province = try c.decode([String].self, forKey: .province)
            if c.contains(.decreaseLimit) {
                decreaseLimit = .some(
                    try c.decodeNil(forKey: .decreaseLimit)
                        ? nil : try c.decode(Double.self, forKey: .decreaseLimit))
            } else {
                decreaseLimit = .none
            }
            countsInIndicators = try c.decodeIfPresent(Bool.self, forKey: .countsInIndicators)
        }

        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(name, forKey: .name)
            try c.encode(school, forKey: .school)
            try c.encode(city, forKey: .city)
            try c.encode(province, forKey: .province)
            if case .some(let limit) = decreaseLimit { try c.encode(limit, forKey: .decreaseLimit) }
            try c.encodeIfPresent(countsInIndicators, forKey: .countsInIndicators)
        }
    }

    public struct Rules: Codable, Sendable, Equatable {
        public var increaseAnyTime: Bool
        public var decreaseLimit: Double?
        public var decreaseReasons: [String]
        public var minCandidates: Bool
        public var lowCompletionCap: LowCompletionCap?
        public var newCertificateJustification: Bool
        public var increaseNeedsAdjustmentForm: Bool
        public var requireNationalPlatformRegistration: Bool
        public var planDueByYearEnd: Bool
        public var forcedExit: ForcedExit?
        /// HN-12: the stamped scan of the printed forms must be uploaded before submission.
        /// Absent in older documents, which read as `false`.
        public var stampedScanAtSubmission: Bool?
        /// The share by which a plan's registrations may exceed its planned count before an
        /// entry is refused as implausible (absent: 20%); the province office may confirm more.
        public var registrationsOverPlan: Double?

        public var registrationTolerance: Double { registrationsOverPlan ?? 0.2 }

        /// AH38-2: exams held on or before this day (`YYYY-MM-DD`) are to be settled by it;
        /// afterwards what they still owe is overdue (Anhui 2021-12-31, Guangdong 2020-12-31).
        /// An addition to policies.md; absent, nothing is overdue.
        public var settlementDeadline: String?

        public var settlementDeadlineDay: LocalDate? { settlementDeadline.flatMap(LocalDate.init) }

        // Explicit so `null` and a missing key both decode, and encode writes `null`.
        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(increaseAnyTime, forKey: .increaseAnyTime)
            try c.encode(decreaseLimit, forKey: .decreaseLimit)
            try c.encode(decreaseReasons, forKey: .decreaseReasons)
            try c.encode(minCandidates, forKey: .minCandidates)
            try c.encode(lowCompletionCap, forKey: .lowCompletionCap)
            try c.encode(newCertificateJustification, forKey: .newCertificateJustification)
            try c.encode(increaseNeedsAdjustmentForm, forKey: .increaseNeedsAdjustmentForm)
            try c.encode(requireNationalPlatformRegistration, forKey: .requireNationalPlatformRegistration)
            try c.encode(planDueByYearEnd, forKey: .planDueByYearEnd)
            try c.encode(forcedExit, forKey: .forcedExit)
            try c.encodeIfPresent(stampedScanAtSubmission, forKey: .stampedScanAtSubmission)
            try c.encodeIfPresent(registrationsOverPlan, forKey: .registrationsOverPlan)
            try c.encodeIfPresent(settlementDeadline, forKey: .settlementDeadline)
        }
    }

    public struct LowCompletionCap: Codable, Sendable, Equatable {
        public var threshold: Double
    }

    public struct ForcedExit: Codable, Sendable, Equatable {
        public var from: String
        public var to: String
        public var minAgeDays: Int
    }

    public struct Reporting: Codable, Sendable, Equatable {
        public var biweeklyDueDays: [Int]
        public var maxConsecutiveMisses: Int

        /// Anhui's rule (001 §三(二)), for a database without a policy yet.
        public static let seed = Reporting(biweeklyDueDays: [12, 27], maxConsecutiveMisses: 3)

        public var schedule: BiweeklySchedule { BiweeklySchedule(dueDays: biweeklyDueDays) }
    }

    public struct Monitoring: Codable, Sendable, Equatable {
        public var snapshotEveryMonths: Int
        public var warnBelowExpectedPace: Double

        public init(snapshotEveryMonths: Int, warnBelowExpectedPace: Double) {
            self.snapshotEveryMonths = snapshotEveryMonths
            self.warnBelowExpectedPace = warnBelowExpectedPace
        }
    }

    public struct Training: Codable, Sendable, Equatable {
        /// The least share of trainers from industry and enterprises, in per cent (001 §二(七): 不少于40%).
        public var minIndustryTrainerPercent: Int
        /// The most a course may charge per head and day, in fen (001 §二(七): 不得超出教育部有关规定的标准;
        /// OneX reads it as the 二类培训 rate of 财行〔2016〕540号, 550 yuan per head and day).
        public var maxFeePerHeadPerDay: Int
        /// Class hours of X-certificate training count this many times (001 §二(八): 普通课酬的2倍).
        public var workloadMultiplier: Double

        public init(minIndustryTrainerPercent: Int, maxFeePerHeadPerDay: Int, workloadMultiplier: Double) {
            self.minIndustryTrainerPercent = minIndustryTrainerPercent
            self.maxFeePerHeadPerDay = maxFeePerHeadPerDay
            self.workloadMultiplier = workloadMultiplier
        }

        public static let seed = Training(
            minIndustryTrainerPercent: 40, maxFeePerHeadPerDay: 55_000, workloadMultiplier: 2)
    }

    /// Every problem with the document, in Chinese, so the province office can fix them at once.
    public func problems() -> [FieldError] {
        var out: [FieldError] = []
        func bad(_ field: String, _ message: String) {
            out.append(FieldError(code: "invalid_policy", message: message, field: field))
        }
        if province.trimmingCharacters(in: .whitespaces).isEmpty { bad("province", "省份名称不能为空") }
        if let d = rules.settlementDeadline, LocalDate(d) == nil {
            bad("rules.settlementDeadline", "结算截止日期应为 YYYY-MM-DD 格式的日期")
        }
        for (i, w) in recurringWindows.enumerated() {
            for (phase, days) in [("school", w.school), ("city", w.city), ("province", w.province)] {
                let field = "recurringWindows[\(i)].\(phase)"
                if days.count != 2 || days.contains(where: { MonthDay($0) == nil }) {
                    bad(field, "“\(w.name)”的\(phase)阶段应为两个 MM-DD 日期")
                } else if MonthDay(days[0])! > MonthDay(days[1])! {
                    bad(field, "“\(w.name)”的\(phase)阶段开始日期晚于结束日期")
                }
            }
        }
        for (i, w) in extraWindows.enumerated() {
            for (phase, days) in [("school", w.school), ("city", w.city), ("province", w.province)] {
                let field = "extraWindows[\(i)].\(phase)"
                if days.count != 2 || days.contains(where: { LocalDate($0) == nil }) {
                    bad(field, "“\(w.name)”的\(phase)阶段应为两个 YYYY-MM-DD 日期")
                } else if LocalDate(days[0])! > LocalDate(days[1])! {
                    bad(field, "“\(w.name)”的\(phase)阶段开始日期晚于结束日期")
                }
            }
            if case .some(.some(let limit)) = w.decreaseLimit, !(0...1).contains(limit) {
                bad("extraWindows[\(i)].decreaseLimit", "调减比例上限应在 0 到 1 之间")
            }
        }
        if let limit = rules.decreaseLimit, !(0...1).contains(limit) {
            bad("rules.decreaseLimit", "调减比例上限应在 0 到 1 之间")
        }
        if let cap = rules.lowCompletionCap, !(0...1).contains(cap.threshold) {
            bad("rules.lowCompletionCap.threshold", "完成率阈值应在 0 到 1 之间")
        }
        if let exit = rules.forcedExit {
            if MonthDay(exit.from) == nil || MonthDay(exit.to) == nil {
                bad("rules.forcedExit", "强制退出期间应为两个 MM-DD 日期")
            }
            if exit.minAgeDays < 0 { bad("rules.forcedExit.minAgeDays", "最短天数不能为负") }
        }
        if reporting.biweeklyDueDays.isEmpty
            || reporting.biweeklyDueDays.contains(where: { !(1...28).contains($0) })
        {
            bad("reporting.biweeklyDueDays", "双周报截止日应为 1 到 28 之间的日期")
        }
        if reporting.maxConsecutiveMisses < 1 { bad("reporting.maxConsecutiveMisses", "连续缺报次数应至少为 1") }
        if let t = training {
            if !(0...100).contains(t.minIndustryTrainerPercent) {
                bad("training.minIndustryTrainerPercent", "行业企业专家比例应在 0 到 100 之间")
            }
            if !Limits.fen.contains(t.maxFeePerHeadPerDay) {
                bad("training.maxFeePerHeadPerDay", "培训费上限应为 0 到 100000000 元之间的金额（分）")
            }
            if !(1...10).contains(t.workloadMultiplier) {
                bad("training.workloadMultiplier", "课酬倍数应在 1 到 10 之间")
            }
        }
        if let t = training {
            if !(0...100).contains(t.minIndustryTrainerPercent) {
                bad("training.minIndustryTrainerPercent", "行业企业专家比例应在 0 到 100 之间")
            }
            if !Limits.fen.contains(t.maxFeePerHeadPerDay) {
                bad("training.maxFeePerHeadPerDay", "培训费上限应为 0 到 10000000000 之间的金额（分）")
            }
            if !(1...10).contains(t.workloadMultiplier) {
                bad("training.workloadMultiplier", "课酬倍数应在 1 到 10 之间")
            }
        }
        if monitoring.snapshotEveryMonths < 1 { bad("monitoring.snapshotEveryMonths", "快照间隔应至少为 1 个月") }
        if !(0...1).contains(monitoring.warnBelowExpectedPace) {
            bad("monitoring.warnBelowExpectedPace", "预警阈值应在 0 到 1 之间")
        }
        return out
    }
}

/// A day of the year, `MM-DD`, as recurring windows are written.
public struct MonthDay: Comparable, Sendable {
    public var month: Int
    public var day: Int

    public init?(_ text: String) {
        let parts = text.split(separator: "-").map { Int($0) }
        guard parts.count == 2, let m = parts[0], let d = parts[1], (1...12).contains(m),
            (1...LocalDate.daysIn(month: m, year: 2024)).contains(d)
        else { return nil }
        month = m
        day = d
    }

    public static func < (a: MonthDay, b: MonthDay) -> Bool { (a.month, a.day) < (b.month, b.day) }
}
