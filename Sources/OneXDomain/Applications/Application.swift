/// The kind of an application line (HN-1): a new plan, more of an existing one, or less.
public enum LineKind: String, CaseIterable, Codable, Sendable {
    case new, increase, decrease

    public var chinese: String {
        switch self {
        case .new: "新增"
        case .increase: "调增"
        case .decrease: "调减"
        }
    }

    public var english: String {
        switch self {
        case .new: "New"
        case .increase: "Increase"
        case .decrease: "Decrease"
        }
    }
}

/// The reasons Henan allows for a decrease (HN-5); a policy lists which apply.
public enum DecreaseReason: String, CaseIterable, Codable, Sendable {
    case certificateChanged, fewerStudents, budget, organizationCancelled

    public var chinese: String {
        switch self {
        case .certificateChanged: "证书或等级变更"
        case .fewerStudents: "学生人数减少"
        case .budget: "经费预算不足"
        case .organizationCancelled: "评价组织取消考核"
        }
    }

    public var english: String {
        switch self {
        case .certificateChanged: "certificate or level changed"
        case .fewerStudents: "fewer students"
        case .budget: "insufficient budget"
        case .organizationCancelled: "exam cancelled by the organisation"
        }
    }
}

/// One line of a school's application: certificate, level, kind, count and, for a decrease, why.
public struct ApplicationLine: Codable, Sendable, Equatable {
    public var certificate: String
    public var level: Level
    public var kind: LineKind
    public var count: Int
    public var reason: String?

    public init(certificate: String, level: Level, kind: LineKind, count: Int, reason: String? = nil) {
        self.certificate = certificate
        self.level = level
        self.kind = kind
        self.count = count
        self.reason = reason
    }

    public var plan: PlanKey.Partial { PlanKey.Partial(certificate: certificate, level: level) }

    /// What cannot even be kept as a draft: a count outside `Limits.headcount` or text too long
    /// to be a code or a reason. The rules of the province are checked later, on the saved draft.
    public func problems(line n: Int) -> [FieldError] {
        var out: [FieldError] = []
        if !Limits.headcount.contains(count) {
            out.append(FieldError(code: "invalid", message: "第\(n)行人数“\(count)”无效，应为\(Limits.describe(Limits.headcount))",
                                  field: "lines[\(n - 1)].count", line: n))
        }
        if certificate.count > 40 {
            out.append(FieldError(code: "too_long", message: "第\(n)行证书代码不能超过40个字符", field: "lines[\(n - 1)].certificate", line: n))
        }
        if (reason ?? "").count > 200 {
            out.append(FieldError(code: "too_long", message: "第\(n)行原因不能超过200个字符", field: "lines[\(n - 1)].reason", line: n))
        }
        return out
    }

    /// Lines one application may hold.
    public static let maxPerApplication = 500
}

/// Where an application is in its life (api.md, Statuses).
public enum ApplicationStatus: String, CaseIterable, Codable, Sendable {
    case draft, cityReview, provinceReview, approved, rejected

    public var chinese: String {
        switch self {
        case .draft: "草稿"
        case .cityReview: "市级初审中"
        case .provinceReview: "省级审核中"
        case .approved: "已通过"
        case .rejected: "未通过"
        }
    }

    public var english: String {
        switch self {
        case .draft: "Draft"
        case .cityReview: "In city review"
        case .provinceReview: "In province review"
        case .approved: "Approved"
        case .rejected: "Rejected"
        }
    }
}

/// A plan: school × certificate × level × year (PLAN-1). The school is implied by context.
public struct PlanKey: Hashable, Sendable, Codable {
    public var certificate: String
    public var level: Level
    public var year: Int

    public init(certificate: String, level: Level, year: Int) {
        self.certificate = certificate
        self.level = level
        self.year = year
    }

    /// Certificate and level without the year, as a line names its plan.
    public struct Partial: Hashable, Sendable {
        public var certificate: String
        public var level: Level
    }
}
