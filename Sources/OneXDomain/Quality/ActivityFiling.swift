/// What an organisation files with the province office (报备, AH41-4). 001 §二(四): "在省域内组织开展的
/// 证书标准宣贯、师资培训、考核等有关试点工作，要会同证书试点院校联盟向省试点工作协调推进办公室做好报备工作".
public enum ActivityKind: String, CaseIterable, Codable, Sendable {
    case standardBriefing, teacherTraining, exam

    public var chinese: String {
        switch self {
        case .standardBriefing: "证书标准宣贯"
        case .teacherTraining: "师资培训"
        case .exam: "考核"
        }
    }

    public var english: String {
        switch self {
        case .standardBriefing: "Standard briefing"
        case .teacherTraining: "Teacher training"
        case .exam: "Exam"
        }
    }
}

/// Where a filing stands: co-signed by the alliance's lead school (会同联盟), then acknowledged
/// by the office, which may ask for more; the organisation then files it again.
public enum FilingStatus: String, CaseIterable, Codable, Sendable {
    case awaitingLead, awaitingOffice, acknowledged, moreRequested

    public var chinese: String {
        switch self {
        case .awaitingLead: "待联盟会签"
        case .awaitingOffice: "待省办确认"
        case .acknowledged: "已备案"
        case .moreRequested: "需补充材料"
        }
    }

    public var english: String {
        switch self {
        case .awaitingLead: "Waiting for the alliance"
        case .awaitingOffice: "Waiting for the office"
        case .acknowledged: "Filed"
        case .moreRequested: "More requested"
        }
    }
}

public enum FilingStep: String, CaseIterable, Codable, Sendable {
    /// The alliance's lead school co-signs (会签).
    case cosign
    /// The office acknowledges the filing.
    case acknowledge
    /// The office asks for more, with a reason.
    case requestMore
    /// The organisation files it again with what was asked.
    case resubmit

    public var chinese: String {
        switch self {
        case .cosign: "联盟会签"
        case .acknowledge: "确认备案"
        case .requestMore: "要求补充"
        case .resubmit: "重新报备"
        }
    }

    public var english: String {
        switch self {
        case .cosign: "Co-sign for the alliance"
        case .acknowledge: "Acknowledge"
        case .requestMore: "Ask for more"
        case .resubmit: "File again"
        }
    }

    /// The role of the desk that takes the step.
    public var desk: Role {
        switch self {
        case .cosign: .school
        case .acknowledge, .requestMore: .provinceAdmin
        case .resubmit: .organization
        }
    }
}

public enum FilingFlow {
    /// The first state of a filing (and of a resubmission): the lead school co-signs first
    /// where the certificate has an alliance.
    public static func start(hasLead: Bool) -> FilingStatus { hasLead ? .awaitingLead : .awaitingOffice }

    public static func next(_ status: FilingStatus, _ step: FilingStep, hasLead: Bool) -> FilingStatus? {
        switch (status, step) {
        case (.awaitingLead, .cosign): .awaitingOffice
        case (.awaitingOffice, .acknowledge): .acknowledged
        case (.awaitingOffice, .requestMore): .moreRequested
        case (.moreRequested, .resubmit): start(hasLead: hasLead)
        default: nil
        }
    }
}
