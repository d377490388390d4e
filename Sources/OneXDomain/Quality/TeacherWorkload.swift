/// A school term (学期): the spring or the autumn term of a calendar year.
public enum TermHalf: String, CaseIterable, Codable, Sendable {
    case spring, autumn

    public var chinese: String { self == .spring ? "春季学期" : "秋季学期" }
    public var english: String { self == .spring ? "spring term" : "autumn term" }
}

/// X-certificate training hours of teachers (AH41-7). 001 §二(八): "承担 X证书考核培训任务的教师课酬
/// 标准可按照普通课酬的 2 倍计算…把教师对学生进行 X 证书培训的年限与双师型教师认定挂钩".
public enum TeacherWorkload {
    /// The class hours paid for `hours` of X-certificate training.
    public static func payableHours(_ hours: Int, multiplier: Double) -> Double {
        Double(hours) * multiplier
    }

    /// One teacher's year: hours, payable hours, the terms and certificates, and the years so
    /// far in which the teacher trained students for X certificates (the 双师型 count).
    public struct YearSummary: Sendable, Equatable {
        public var teacher: String
        public var hours: Int
        public var payableHours: Double
        public var terms: Int
        public var certificates: [String]
        /// Distinct years up to this one with any X-certificate training hours.
        public var trainingYears: Int
    }

    public struct Entry: Sendable {
        public var teacher: String
        public var year: Int
        public var half: TermHalf
        public var certificate: String
        public var hours: Int

        public init(teacher: String, year: Int, half: TermHalf, certificate: String, hours: Int) {
            self.teacher = teacher
            self.year = year
            self.half = half
            self.certificate = certificate
            self.hours = hours
        }
    }

    /// The summaries of `year` for every teacher with hours in it, by teacher; `entries` may
    /// hold earlier years, which count toward the training years.
    public static func summaries(_ entries: [Entry], year: Int, multiplier: Double) -> [YearSummary] {
        let byTeacher = Dictionary(grouping: entries.filter { $0.hours > 0 }, by: \.teacher)
        return byTeacher.compactMap { teacher, list in
            let thisYear = list.filter { $0.year == year }
            guard !thisYear.isEmpty else { return nil }
            let hours = thisYear.reduce(0) { $0.clampedAdding($1.hours) }
            return YearSummary(
                teacher: teacher, hours: hours, payableHours: payableHours(hours, multiplier: multiplier),
                terms: Set(thisYear.map(\.half)).count,
                certificates: Array(Set(thisYear.map(\.certificate))).sorted(),
                trainingYears: Set(list.filter { $0.year <= year }.map(\.year)).count)
        }
        .sorted { $0.teacher < $1.teacher }
    }
}
