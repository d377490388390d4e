/// Where an application to host an exam site (考核站点, AH41-3) stands. A school applies; the
/// certificate's alliance lead school agrees; its organisation approves. 001 §二(三): "各证书试点联盟
/// …统筹推进本联盟证书考核站点的区域布局与建设，鼓励试点院校…积极申报、设立考核站点".
public enum ExamSiteStatus: String, CaseIterable, Codable, Sendable {
    /// Waiting for the alliance's lead school.
    case applied
    /// The lead school agreed; waiting for the organisation.
    case allianceAgreed
    /// An exam site: counts for coverage and is published.
    case approved
    /// Sent back to the school with a reason; the school may change it and apply again.
    case returned
    /// Suspended by the organisation or the province office; does not count until resumed.
    case suspended

    public var chinese: String {
        switch self {
        case .applied: "待联盟审核"
        case .allianceAgreed: "待评价组织审批"
        case .approved: "已设立"
        case .returned: "已退回"
        case .suspended: "已暂停"
        }
    }

    public var english: String {
        switch self {
        case .applied: "Waiting for the alliance"
        case .allianceAgreed: "Waiting for the organisation"
        case .approved: "Approved"
        case .returned: "Returned"
        case .suspended: "Suspended"
        }
    }
}

/// A step on a site application.
public enum ExamSiteStep: String, CaseIterable, Codable, Sendable {
    /// The school applies again after a return, with its changes.
    case resubmit
    /// The alliance's lead school agrees (联盟审核).
    case agree
    /// The organisation approves (评价组织审批).
    case approve
    /// Whoever the application waits for sends it back with a reason.
    case `return`
    /// The organisation or the province office suspends a site, with a reason.
    case suspend
    /// … and lets it work again.
    case resume

    public var chinese: String {
        switch self {
        case .resubmit: "重新申报"
        case .agree: "联盟审核同意"
        case .approve: "批准设立"
        case .return: "退回"
        case .suspend: "暂停"
        case .resume: "恢复"
        }
    }

    public var english: String {
        switch self {
        case .resubmit: "Apply again"
        case .agree: "Agree for the alliance"
        case .approve: "Approve"
        case .return: "Return"
        case .suspend: "Suspend"
        case .resume: "Resume"
        }
    }

    /// Whether the step needs a written reason.
    public var needsReason: Bool { self == .return || self == .suspend }
}

/// The part an actor plays for one site: its school, the lead school of the certificate's
/// alliance, the certificate's organisation, the province office. One actor may play two (a
/// lead school applying for a site of its own certificate).
public enum ExamSiteDesk: String, Codable, Sendable, CaseIterable {
    case school, leadSchool, organization, provinceOffice

    public var chinese: String {
        switch self {
        case .school: "申报院校"
        case .leadSchool: "证书试点联盟牵头院校"
        case .organization: "培训评价组织"
        case .provinceOffice: "省1+X办公室"
        }
    }

    public var english: String {
        switch self {
        case .school: "the applying school"
        case .leadSchool: "the alliance's lead school"
        case .organization: "the organisation"
        case .provinceOffice: "the province office"
        }
    }
}

/// Why a step is refused, in both languages.
public struct ExamSiteRefusal: Error, Sendable, Equatable {
    public var chinese: String
    public var english: String
}

public enum ExamSiteFlow {
    /// Who the application waits for in a state. Without an alliance lead school for the
    /// certificate the organisation decides alone.
    public static func waitingFor(_ status: ExamSiteStatus, hasLead: Bool) -> ExamSiteDesk? {
        switch status {
        case .applied: hasLead ? .leadSchool : .organization
        case .allianceAgreed: .organization
        case .returned: .school
        case .approved, .suspended: nil
        }
    }

    /// The state after a step by an actor playing `desks`, or why it is refused.
    public static func next(
        _ status: ExamSiteStatus, _ step: ExamSiteStep, desks: Set<ExamSiteDesk>, hasLead: Bool
    ) -> Result<ExamSiteStatus, ExamSiteRefusal> {
        let waiting = waitingFor(status, hasLead: hasLead)
        func by(_ desk: ExamSiteDesk, to next: ExamSiteStatus) -> Result<ExamSiteStatus, ExamSiteRefusal> {
            desks.contains(desk)
                ? .success(next)
                : .failure(
                    ExamSiteRefusal(
                        chinese: "此步骤由\(desk.chinese)办理", english: "This step is for \(desk.english)"))
        }
        switch (status, step) {
        case (.returned, .resubmit): return by(.school, to: .applied)
        case (.applied, .agree) where hasLead: return by(.leadSchool, to: .allianceAgreed)
        case (.applied, .approve) where !hasLead, (.allianceAgreed, .approve):
            return by(.organization, to: .approved)
        case (.applied, .return), (.allianceAgreed, .return):
            return by(waiting ?? .organization, to: .returned)
        case (.approved, .suspend):
            return desks.contains(.organization) || desks.contains(.provinceOffice)
                ? .success(.suspended) : by(.organization, to: .suspended)
        case (.suspended, .resume):
            return desks.contains(.organization) || desks.contains(.provinceOffice)
                ? .success(.approved) : by(.organization, to: .approved)
        default:
            return .failure(
                ExamSiteRefusal(
                    chinese: "站点当前状态为“\(status.chinese)”，不能\(step.chinese)",
                    english:
                        "The site is \(status.english.lowercased()); it cannot be given “\(step.english)”"))
        }
    }

    /// The steps an actor playing `desks` may take now, in the order a page offers them.
    public static func steps(_ status: ExamSiteStatus, desks: Set<ExamSiteDesk>, hasLead: Bool)
        -> [ExamSiteStep]
    {
        ExamSiteStep.allCases.filter {
            if case .success = next(status, $0, desks: desks, hasLead: hasLead) { return true }
            return false
        }
    }
}
