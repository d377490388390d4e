/// The four kinds of pilot school; the kind decides who reviews the school's applications first.
public enum SchoolKind: String, CaseIterable, Codable, Sendable {
    /// 中职学校 owned by a city or county: first review by its city bureau (AH22-6, HN-6).
    case secondary
    /// 省属中专: straight to the province.
    case provincialSecondary
    /// 高职院校: straight to the province.
    case higherVocational
    /// 应用型本科高校: straight to the province.
    case undergraduate

    public var chinese: String {
        switch self {
        case .secondary: "中职学校"
        case .provincialSecondary: "省属中专"
        case .higherVocational: "高职院校"
        case .undergraduate: "应用型本科"
        }
    }

    public var english: String {
        switch self {
        case .secondary: "Secondary vocational"
        case .provincialSecondary: "Provincial secondary"
        case .higherVocational: "Higher vocational"
        case .undergraduate: "Applied undergraduate"
        }
    }

    /// Whether the city bureau reviews this kind of school before the province (AH22-6, HN-6).
    public var reviewedByCityFirst: Bool { self == .secondary }

    public init?(text: String) {
        let t = text.trimmingCharacters(in: .whitespaces)
        if let kind = SchoolKind(rawValue: t) {
            self = kind
        } else if let kind = SchoolKind.allCases.first(where: { $0.chinese == t }) {
            self = kind
        } else {
            switch t {
            case "中职", "中等职业学校": self = .secondary
            case "省属中等职业学校", "省属中职": self = .provincialSecondary
            case "高职", "高职院校", "高等职业学校": self = .higherVocational
            case "本科", "应用型本科高校", "应用型本科院校": self = .undergraduate
            default: return nil
            }
        }
    }
}

/// A region (CAT-3): a prefecture-level city or a province-direct county (省直管县).
public enum RegionKind: String, CaseIterable, Codable, Sendable {
    case city, county

    public var chinese: String {
        switch self {
        case .city: "市"
        case .county: "省直管县（市）"
        }
    }

    public var english: String {
        switch self {
        case .city: "City"
        case .county: "Province-direct county"
        }
    }

    public init?(text: String) {
        let t = text.trimmingCharacters(in: .whitespaces)
        if let kind = RegionKind(rawValue: t) {
            self = kind
        } else if let kind = RegionKind.allCases.first(where: { $0.chinese == t }) {
            self = kind
        } else if t == "县" || t == "省直管县" || t == "城市" {
            self = t == "城市" ? .city : .county
        } else {
            return nil
        }
    }
}
