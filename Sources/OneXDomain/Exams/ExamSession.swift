/// An exam session of a plan entered by hand (EXAM-1): how many registered, attended, passed.
public struct ExamSession: Codable, Sendable, Equatable {
    public var school: String
    public var certificate: String
    public var level: Level
    public var year: Int
    public var date: LocalDate
    public var site: String?
    public var registered: Int
    public var attended: Int
    public var passed: Int

    public init(school: String, certificate: String, level: Level, year: Int, date: LocalDate, site: String? = nil,
                registered: Int, attended: Int, passed: Int) {
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
        if registered < 0 || attended < 0 || passed < 0 {
            out.append(FieldError(code: "invalid", message: "人数不能为负", field: "registered"))
        }
        if attended > registered {
            out.append(FieldError(code: "invalid", message: "参考人数（\(attended)）不能多于报名人数（\(registered)）", field: "attended"))
        }
        if passed > attended {
            out.append(FieldError(code: "invalid", message: "通过人数（\(passed)）不能多于参考人数（\(attended)）", field: "passed"))
        }
        if date.year < year {
            out.append(FieldError(code: "invalid", message: "考核日期早于计划年度", field: "date"))
        }
        return out
    }
}
