/// Where a plan stands (api.md: `active`, `exited`, `closed`).
public enum PlanStatus: String, CaseIterable, Codable, Sendable {
    case active, exited, closed

    public var chinese: String {
        switch self {
        case .active: "执行中"
        case .exited: "已强制退出"
        case .closed: "已结束"
        }
    }

    public var english: String {
        switch self {
        case .active: "Active"
        case .exited: "Forcibly exited"
        case .closed: "Closed"
        }
    }
}

/// What changed a plan: an approved application line, or the yearly forced exit (HN-8).
public enum PlanChangeKind: String, CaseIterable, Codable, Sendable {
    case new, increase, decrease, forcedExit

    public init(_ line: LineKind) {
        switch line {
        case .new: self = .new
        case .increase: self = .increase
        case .decrease: self = .decrease
        }
    }

    public var chinese: String {
        switch self {
        case .new: "新增"
        case .increase: "调增"
        case .decrease: "调减"
        case .forcedExit: "强制退出"
        }
    }

    public var english: String {
        switch self {
        case .new: "New"
        case .increase: "Increase"
        case .decrease: "Decrease"
        case .forcedExit: "Forced exit"
        }
    }
}
