/// Where a provincial fee standard (考核费用标准) stands in its chain (MOE12-1): the
/// organisation proposes it, the alliance's lead school records the expert review, the
/// province verifies (核定) or rejects it, and the province office publishes it.
public enum FeeStandardStatus: String, CaseIterable, Codable, Sendable {
    case proposed, reviewed, verified, rejected, published

    public var chinese: String {
        switch self {
        case .proposed: "待专家论证"
        case .reviewed: "待省级核定"
        case .verified: "已核定待发布"
        case .rejected: "已退回"
        case .published: "已发布"
        }
    }

    public var english: String {
        switch self {
        case .proposed: "Awaiting expert review"
        case .reviewed: "Awaiting verification"
        case .verified: "Verified, to be published"
        case .rejected: "Rejected"
        case .published: "Published"
        }
    }

    /// Still on its way: a second proposal for the same certificate and level waits for it.
    public var isPending: Bool { self == .proposed || self == .reviewed || self == .verified }
}

/// One version of a certificate level's fee standard. `amount` is what the organisation
/// proposed; `verifiedAmount` what the province set (never more); both integer fen.
public struct FeeStandard: Codable, Sendable, Equatable {
    public var certificate: String
    public var level: Level
    public var amount: Int
    public var effectiveFrom: LocalDate
    public var status: FeeStandardStatus
    public var verifiedAmount: Int?
    /// A raise above the standard in force on `effectiveFrom` (MOE12-2).
    public var isRaise: Bool

    public init(
        certificate: String, level: Level, amount: Int, effectiveFrom: LocalDate,
        status: FeeStandardStatus, verifiedAmount: Int? = nil, isRaise: Bool = false
    ) {
        self.certificate = certificate
        self.level = level
        self.amount = amount
        self.effectiveFrom = effectiveFrom
        self.status = status
        self.verifiedAmount = verifiedAmount
        self.isRaise = isRaise
    }

    /// What a candidate pays once the standard is in force.
    public var fee: Int { verifiedAmount ?? amount }
}

/// An expert's opinion in the lead school's review of a proposed standard.
public struct ExpertOpinion: Codable, Sendable, Equatable {
    public var expert: String
    public var opinion: String

    public init(expert: String, opinion: String) {
        self.expert = expert
        self.opinion = opinion
    }
}

/// The lead school's record of the expert review (MOE12-1): who, what each said, the conclusion.
public struct FeeReview: Codable, Sendable, Equatable {
    public var meetingOn: LocalDate
    public var opinions: [ExpertOpinion]
    public var conclusion: String

    public init(meetingOn: LocalDate, opinions: [ExpertOpinion], conclusion: String) {
        self.meetingOn = meetingOn
        self.opinions = opinions
        self.conclusion = conclusion
    }
}
