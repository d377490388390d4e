/// An exam session of a plan entered by hand (EXAM-1): how many registered, attended, passed.
public struct ExamSession: Codable, Sendable, Equatable {
    public var school: String
    public var certificate: String
    public var level: Level
    public var year: Int
    public var date: LocalDate
    public var site: String?
    /// The approved exam site it was held at, by its number (KD-2026-0001; AH41-3).
    public var siteNumber: String?
    public var registered: Int
    public var attended: Int
    public var passed: Int
    /// The province office confirms registrations beyond the plan's tolerance.
    public var confirmOverPlan: Bool?

    /// The most registrations a plan of `planned` may reach without a confirmation.
    public static func registrationLimit(planned: Int, tolerance: Double) -> Int {
        Int(clampingRounded: (Double(planned) * (1 + max(0, tolerance)) + 1e-9).rounded(.down))
    }

    /// Why `after` registrations are too many for a plan of `planned`, or nil when they are not.
    public static func overPlanProblem(after: Int, planned: Int, tolerance: Double) -> UIText? {
        let limit = registrationLimit(planned: planned, tolerance: tolerance)
        guard after > limit else { return nil }
        let pct = Int((max(0, tolerance) * 100).rounded())
        return UIText(
            zh: "报名人数将达到\(after)人，超过该计划数\(planned)人的\(100 + pct)%（最多\(limit)人）",
            en:
                "registrations would reach \(after), beyond \(100 + pct)% of the plan's \(planned) (at most \(limit))"
        )
    }

    public init(
        school: String, certificate: String, level: Level, year: Int, date: LocalDate, site: String? = nil,
        registered: Int, attended: Int, passed: Int
    ) {
        self.school = school
        self.certificate = certificate
        self.level = level
        self.year = year
        self.date = date
        self.site = site
        self.registered = registered
        self.attended = attended
        self.passed = passed
    }

    /// Every inconsistency of the counts, in Chinese.
    public func problems() -> [FieldError] {
        var out: [FieldError] = []
        for (field, label, value) in [
            ("registered", "报名人数", registered), ("attended", "参考人数", attended), ("passed", "通过人数", passed),
        ]
        where !Limits.headcount.contains(value) {
            out.append(
                .invalid(
                    field, label: label, value: String(value), expected: Limits.describe(Limits.headcount)))
        }
        if !Limits.year.contains(year) {
            out.append(
                .invalid("year", label: "计划年度", value: String(year), expected: Limits.describe(Limits.year)))
        }
        if site.map({ $0.count > 200 }) == true {
            out.append(FieldError(code: "too_long", message: "考点不能超过200个字符", field: "site"))
        }
        if siteNumber.map({ $0.count > 30 }) == true {
            out.append(FieldError(code: "too_long", message: "考核站点编号不能超过30个字符", field: "siteNumber"))
        }
        if attended > registered {
            out.append(
                FieldError(
                    code: "invalid", message: "参考人数（\(attended)）不能多于报名人数（\(registered)）", field: "attended"))
        }
        if passed > attended {
            out.append(
                FieldError(code: "invalid", message: "通过人数（\(passed)）不能多于参考人数（\(attended)）", field: "passed"))
        }
        if date.year < year {
            out.append(FieldError(code: "invalid", message: "考核日期早于计划年度", field: "date"))
        }
        return out
    }
}
