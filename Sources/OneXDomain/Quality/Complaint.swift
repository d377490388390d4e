/// Where a complaint about an organisation or a certificate stands (AH41-2). 001 §二(二): "对不符合
/// 相关要求的评价组织及证书，要及时与省试点工作协调推进办公室沟通，经调查核实后，将相关材料和建议报教育部依规处置".
public enum ComplaintStatus: String, CaseIterable, Codable, Sendable {
    /// Filed; waiting for the province office to take it up.
    case submitted
    /// The office is investigating.
    case investigating
    /// Sent to the organisation for its reply.
    case awaitingReply
    /// The office reported it with its materials and advice to the MoE.
    case reportedToMoE
    /// Concluded with the office's findings.
    case closed

    public var chinese: String {
        switch self {
        case .submitted: "待受理"
        case .investigating: "调查核实中"
        case .awaitingReply: "待评价组织答复"
        case .reportedToMoE: "已报教育部"
        case .closed: "已办结"
        }
    }

    public var english: String {
        switch self {
        case .submitted: "Waiting to be taken up"
        case .investigating: "Being investigated"
        case .awaitingReply: "Waiting for the organisation's reply"
        case .reportedToMoE: "Reported to the MoE"
        case .closed: "Concluded"
        }
    }
}

/// A step on a complaint, as its history records it.
public enum ComplaintStep: String, CaseIterable, Codable, Sendable {
    /// The office takes it up (受理).
    case accept
    /// The office sends it to the organisation for a reply.
    case forward
    /// The organisation replies.
    case reply
    /// The office reports it to the MoE on a day, with its materials and advice.
    case reportToMoE
    /// The office concludes it with its findings.
    case close

    public var chinese: String {
        switch self {
        case .accept: "受理"
        case .forward: "转评价组织答复"
        case .reply: "答复"
        case .reportToMoE: "报教育部"
        case .close: "办结"
        }
    }

    public var english: String {
        switch self {
        case .accept: "Take up"
        case .forward: "Send to the organisation"
        case .reply: "Reply"
        case .reportToMoE: "Report to the MoE"
        case .close: "Conclude"
        }
    }

    /// Who takes the step: the organisation replies, the province office does the rest.
    public var byOrganization: Bool { self == .reply }
}

public enum ComplaintFlow {
    /// The state after a step, or nil when the step does not apply in that state.
    public static func next(_ status: ComplaintStatus, _ step: ComplaintStep) -> ComplaintStatus? {
        switch (status, step) {
        case (.submitted, .accept): .investigating
        case (.investigating, .forward): .awaitingReply
        case (.awaitingReply, .reply): .investigating
        case (.investigating, .reportToMoE): .reportedToMoE
        case (.investigating, .close), (.reportedToMoE, .close): .closed
        default: nil
        }
    }

    /// The steps open in a state, for the office or for the organisation.
    public static func steps(_ status: ComplaintStatus, byOrganization: Bool) -> [ComplaintStep] {
        ComplaintStep.allCases.filter { $0.byOrganization == byOrganization && next(status, $0) != nil }
    }
}
