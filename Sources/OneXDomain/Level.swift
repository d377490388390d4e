/// A certificate level (证书等级): 初级, 中级, 高级.
public enum Level: String, CaseIterable, Codable, Sendable, Comparable {
    case junior, intermediate, senior

    public var chinese: String {
        switch self {
        case .junior: "初级"
        case .intermediate: "中级"
        case .senior: "高级"
        }
    }

    public var english: String {
        switch self {
        case .junior: "Junior"
        case .intermediate: "Intermediate"
        case .senior: "Senior"
        }
    }

    /// Accepts the English identifier or the Chinese name, as people type either in spreadsheets.
    public init?(text: String) {
        let t = text.trimmingSpaces
        if let level = Level(rawValue: t) {
            self = level
        } else if let level = Level.allCases.first(where: { $0.chinese == t }) {
            self = level
        } else {
            return nil
        }
    }

    public static func < (a: Level, b: Level) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}
