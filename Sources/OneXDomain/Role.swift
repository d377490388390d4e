/// What a user account may do, and which kind of unit it belongs to (api.md, Roles).
public enum Role: String, CaseIterable, Codable, Sendable {
    case provinceAdmin, provinceReviewer, cityReviewer, school, organization, expert, auditor

    /// The kind of unit the role is bound to; province roles and auditors have none.
    public enum UnitKind: Sendable { case none, region, school, organization }

    public var unitKind: UnitKind {
        switch self {
        case .provinceAdmin, .provinceReviewer, .auditor, .expert: .none
        case .cityReviewer: .region
        case .school: .school
        case .organization: .organization
        }
    }

    /// Province-wide roles see every unit's records.
    public var seesWholeProvince: Bool {
        self == .provinceAdmin || self == .provinceReviewer || self == .auditor
    }

    public var chinese: String {
        switch self {
        case .provinceAdmin: "省1+X办公室"
        case .provinceReviewer: "省级审核员"
        case .cityReviewer: "市县教育局"
        case .school: "试点院校"
        case .organization: "培训评价组织"
        case .expert: "专家"
        case .auditor: "审计员"
        }
    }

    public var english: String {
        switch self {
        case .provinceAdmin: "Province office"
        case .provinceReviewer: "Province reviewer"
        case .cityReviewer: "City bureau"
        case .school: "School"
        case .organization: "Organisation"
        case .expert: "Expert"
        case .auditor: "Auditor"
        }
    }
}

/// The person acting: who, in which role, for which unit (a business code).
public struct Actor: Sendable, Equatable {
    public var username: String
    public var role: Role
    public var unit: String?

    public init(username: String, role: Role, unit: String?) {
        self.username = username
        self.role = role
        self.unit = unit
    }

    /// Only the province office changes the catalog, units and accounts.
    public var maintainsCatalog: Bool { role == .provinceAdmin }
}
