/// What a rectification item (整改事项) is about (AH38-3). Fee items are generated from the
/// figures and linked to them; anything else is entered by hand.
public enum RectificationCategory: String, CaseIterable, Codable, Sendable {
    case feeStandard, arrears, other

    public var chinese: String {
        switch self {
        case .feeStandard: "考核费用标准未核定发布"
        case .arrears: "考核费用欠费"
        case .other: "其他"
        }
    }

    public var english: String {
        switch self {
        case .feeStandard: "Fee standard not published"
        case .arrears: "Fee arrears"
        case .other: "Other"
        }
    }
}

/// The kind of unit an item is assigned to (000 §二(二): 落实到校、到人，压实牵头院校、培训评价组织和试点院校主体责任).
public enum ResponsibleKind: String, CaseIterable, Codable, Sendable {
    case school, cityBureau, organization, leadSchool

    public var chinese: String {
        switch self {
        case .school: "试点院校"
        case .cityBureau: "市县教育局"
        case .organization: "培训评价组织"
        case .leadSchool: "牵头院校"
        }
    }

    public var english: String {
        switch self {
        case .school: "Pilot school"
        case .cityBureau: "City bureau"
        case .organization: "Organisation"
        case .leadSchool: "Lead school"
        }
    }

    /// The role whose accounts act for a unit of this kind.
    public var role: Role {
        switch self {
        case .school, .leadSchool: .school
        case .cityBureau: .cityReviewer
        case .organization: .organization
        }
    }
}

/// Where an item stands on its way to being closed (对账销号, AH38-4).
public enum RectificationStatus: String, CaseIterable, Codable, Sendable {
    /// Being worked on (also after a return or a reopening).
    case open
    /// The responsible unit applied for closure with evidence.
    case applied
    /// The city bureau reviewed and confirmed it; the province closes it.
    case confirmed
    case closed

    public var chinese: String {
        switch self {
        case .open: "整改中"
        case .applied: "已申请销号"
        case .confirmed: "市级已确认"
        case .closed: "已销号"
        }
    }

    public var english: String {
        switch self {
        case .open: "In progress"
        case .applied: "Closure applied for"
        case .confirmed: "Confirmed by the city"
        case .closed: "Closed"
        }
    }
}

/// The province desk that closes an item: the 1+X office, or the higher-education division
/// (高教处) for undergraduate institutions (000 §二(五)). OneX's province reviewer accounts act
/// for 高教处; the province office's accounts for the 1+X office.
public enum ClosureDesk: String, Codable, Sendable {
    case office, higherEducation

    public var role: Role { self == .office ? .provinceAdmin : .provinceReviewer }

    public var chinese: String { self == .office ? "省1+X办公室" : "省教育厅高教处" }
    public var english: String {
        self == .office ? "the province 1+X office" : "the higher-education division"
    }
}

/// Who confirms and who closes an item (AH38-4): a secondary school's item goes to its city
/// bureau and then the province; a province-run school's, a higher-vocational school's, a
/// bureau's or an organisation's goes to the province office; an undergraduate
/// institution's to 高教处.
public struct ClosureRoute: Sendable, Equatable {
    public init(cityFirst: Bool, desk: ClosureDesk) {
        self.cityFirst = cityFirst
        self.desk = desk
    }

    public var cityFirst: Bool
    public var desk: ClosureDesk

    public init(responsible: ResponsibleKind, schoolKind: SchoolKind?) {
        let school = responsible == .school || responsible == .leadSchool
        cityFirst = school && schoolKind?.reviewedByCityFirst == true
        desk = school && schoolKind == .undergraduate ? .higherEducation : .office
    }
}

/// A step on an item's closure, as the entries of its history record it.
public enum RectificationStep: String, CaseIterable, Codable, Sendable {
    /// 申请销号, with evidence.
    case apply
    /// 市级复核确认.
    case confirm
    /// 对账销号.
    case close
    /// Sent back to the responsible unit with a comment.
    case `return`
    /// 巩固: the province reopens a closed item with a reason.
    case reopen

    public var chinese: String {
        switch self {
        case .apply: "申请销号"
        case .confirm: "市级确认"
        case .close: "销号"
        case .return: "退回"
        case .reopen: "重新整改"
        }
    }

    public var english: String {
        switch self {
        case .apply: "Apply for closure"
        case .confirm: "Confirm"
        case .close: "Close"
        case .return: "Return"
        case .reopen: "Reopen"
        }
    }
}

/// The closure workflow as a function: the state after a step by a role, or why not.
public enum RectificationFlow {
    public enum Refusal: Error, Equatable, Sendable {
        /// The step is not for this role on this item's route (403 for the role, or a wrong desk).
        case notYours(UIText)
        /// The item is not in the state the step needs (409).
        case wrongState(UIText)
    }

    /// Who an application waits for: the city bureau to confirm or the desk to close; nobody
    /// while the item is open or closed.
    public static func waitingFor(_ status: RectificationStatus, route: ClosureRoute) -> Role? {
        switch status {
        case .applied: route.cityFirst ? .cityReviewer : route.desk.role
        case .confirmed: route.desk.role
        case .open, .closed: nil
        }
    }

    /// The step that decides an application waiting for `role`: the city's confirmation or the
    /// desk's closure.
    public static func decidingStep(for role: Role) -> RectificationStep {
        role == .cityReviewer ? .confirm : .close
    }

    /// The state `step` leads to from `status`, when `role` takes it on an item with `route`.
    /// Whether the actor is the item's responsible unit is the caller's business (`apply`).
    public static func next(
        _ status: RectificationStatus, _ step: RectificationStep, role: Role, route: ClosureRoute
    ) -> Result<RectificationStatus, Refusal> {
        let waitingFor = waitingFor(status, route: route)
        switch step {
        case .apply:
            guard status == .open else {
                return .failure(
                    .wrongState(
                        UIText(
                            zh: "该事项当前为“\(status.chinese)”，不能再申请销号",
                            en: "The item is “\(status.english)”; it cannot be applied for again")))
            }
            return .success(.applied)
        case .confirm:
            guard route.cityFirst else {
                return .failure(
                    .notYours(
                        UIText(
                            zh: "该事项不经市级确认，由\(route.desk.chinese)直接销号",
                            en: "This item is closed by \(route.desk.english) without the city's confirmation"
                        )))
            }
            guard role == .cityReviewer else {
                return .failure(.notYours(UIText(zh: "市级确认由市县教育局办理", en: "The city bureau confirms")))
            }
            guard status == .applied else {
                return .failure(
                    .wrongState(
                        UIText(
                            zh: "该事项当前为“\(status.chinese)”，没有待确认的销号申请",
                            en: "The item is “\(status.english)”; there is no application to confirm")))
            }
            return .success(.confirmed)
        case .close:
            guard role == route.desk.role else {
                return .failure(
                    .notYours(
                        UIText(
                            zh: "该事项由\(route.desk.chinese)销号",
                            en: "This item is closed by \(route.desk.english)")))
            }
            let ready: RectificationStatus = route.cityFirst ? .confirmed : .applied
            guard status == ready else {
                let why =
                    status == .applied
                    ? UIText(zh: "该事项尚待市县教育局复核确认，确认后才能销号", en: "The city bureau has not confirmed it yet")
                    : UIText(
                        zh: "该事项当前为“\(status.chinese)”，没有待销号的申请",
                        en: "The item is “\(status.english)”; there is no application to close")
                return .failure(.wrongState(why))
            }
            return .success(.closed)
        case .return:
            guard let waitingFor else {
                return .failure(
                    .wrongState(
                        UIText(
                            zh: "该事项当前为“\(status.chinese)”，没有可退回的销号申请",
                            en: "The item is “\(status.english)”; there is no application to return")))
            }
            guard role == waitingFor else {
                return .failure(
                    .notYours(
                        UIText(
                            zh: "该销号申请正由\(waitingFor == .cityReviewer ? "市县教育局" : route.desk.chinese)办理",
                            en:
                                "The application is with \(waitingFor == .cityReviewer ? "the city bureau" : route.desk.english)"
                        )))
            }
            return .success(.open)
        case .reopen:
            guard role == route.desk.role || role == .provinceAdmin else {
                return .failure(
                    .notYours(UIText(zh: "只有省级可以重新打开已销号事项", en: "Only the province reopens an item")))
            }
            guard status == .closed else {
                return .failure(
                    .wrongState(
                        UIText(
                            zh: "该事项当前为“\(status.chinese)”，尚未销号",
                            en: "The item is “\(status.english)”, not closed")))
            }
            return .success(.open)
        }
    }
}

/// Why an item is flagged for the notice-and-interview list (AH38-6).
public enum RectificationFlag: String, CaseIterable, Codable, Sendable {
    /// Past its deadline and not closed.
    case overdue
    /// No progress entry in the current month although the item is older than the month
    /// (000 §三(三): 每月定期将整改工作开展情况报送).
    case noMonthlyProgress

    public var chinese: String { self == .overdue ? "逾期未销号" : "本月未报送进展" }
    public var english: String { self == .overdue ? "Overdue" : "No progress this month" }

    /// The flags of an item on `today` (Asia/Shanghai): not for a closed one.
    public static func flags(
        status: RectificationStatus, deadline: LocalDate, createdOn: LocalDate, lastProgressOn: LocalDate?,
        today: LocalDate
    ) -> [RectificationFlag] {
        guard status != .closed else { return [] }
        var out: [RectificationFlag] = []
        if deadline < today { out.append(.overdue) }
        let monthStart = LocalDate(year: today.year, month: today.month, day: 1)
        // An application under review is the month's progress.
        if status == .open, createdOn < monthStart, lastProgressOn.map({ $0 < monthStart }) ?? true {
            out.append(.noMonthlyProgress)
        }
        return out
    }
}

/// A responsible unit's line on the notice-and-interview list (通报约谈名单, AH38-6).
public struct RectificationUnitTally: Sendable, Equatable {
    public var open = 0
    public var overdue = 0
    public var noMonthlyProgress = 0

    public init(open: Int = 0, overdue: Int = 0, noMonthlyProgress: Int = 0) {
        self.open = open
        self.overdue = overdue
        self.noMonthlyProgress = noMonthlyProgress
    }

    /// On the list: at least one overdue item or one without this month's progress.
    public var listed: Bool { overdue > 0 || noMonthlyProgress > 0 }

    /// The list's order: most overdue first, then most without progress, then most open.
    public static func precedes(_ a: Self, _ b: Self) -> Bool {
        (a.overdue, a.noMonthlyProgress, a.open) > (b.overdue, b.noMonthlyProgress, b.open)
    }
}

/// One line of an item's history (AH38-3, AH38-4): progress, the leader's review, or a step.
public enum RectificationEntryKind: String, CaseIterable, Codable, Sendable {
    case progress, leaderReview, apply, confirm, close, `return`, reopen
    /// The responsible person or phone changed.
    case person

    public init(_ step: RectificationStep) {
        switch step {
        case .apply: self = .apply
        case .confirm: self = .confirm
        case .close: self = .close
        case .return: self = .return
        case .reopen: self = .reopen
        }
    }

    public var chinese: String {
        switch self {
        case .progress: "整改进展"
        case .leaderReview: "分管领导调度"
        case .apply: "申请销号"
        case .confirm: "市级复核确认"
        case .close: "对账销号"
        case .return: "退回"
        case .reopen: "重新整改（巩固）"
        case .person: "变更责任人"
        }
    }

    public var english: String {
        switch self {
        case .progress: "Progress"
        case .leaderReview: "Leader's review"
        case .apply: "Closure applied for"
        case .confirm: "Confirmed by the city"
        case .close: "Closed"
        case .return: "Returned"
        case .reopen: "Reopened"
        case .person: "Responsible person changed"
        }
    }
}
