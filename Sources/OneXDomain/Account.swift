/// A user account as the province office creates or edits it: who, which role, which unit.
public struct AccountDraft: Codable, Sendable, Equatable {
    public var username: String
    public var password: String?
    public var role: String
    public var unit: String?
    public var active: Bool?
    /// The person's name (姓名); optional, at most 40 characters.
    public var displayName: String?

    public init(username: String, password: String?, role: String, unit: String?, active: Bool? = true, displayName: String? = nil) {
        self.username = username
        self.password = password
        self.role = role
        self.unit = unit
        self.active = active
        self.displayName = displayName
    }

    /// Every problem with the draft. `isNew` demands a password; an edit may keep the old one.
    public func problems(isNew: Bool) -> [FieldError] {
        var out: [FieldError] = []
        let name = username.trimmingCharacters(in: .whitespaces)
        if name.isEmpty {
            out.append(.required("username", label: "用户名"))
        } else if name.count > 40 || !name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "-_.".contains($0)) }) {
            out.append(FieldError(code: "invalid", message: "用户名只能包含字母、数字、“-”“_”“.”，不超过40个字符", field: "username"))
        }
        if (displayName ?? "").trimmingCharacters(in: .whitespaces).count > 40 {
            out.append(FieldError(code: "too_long", message: "姓名不能超过40个字符", field: "displayName"))
        }
        if let p = password, !p.isEmpty {
            out += Self.passwordProblems(p)
        } else if isNew {
            out.append(.required("password", label: "密码"))
        }
        guard let role = Role(rawValue: role) else {
            out.append(.invalid("role", label: "角色", value: self.role, expected: Role.allCases.map(\.rawValue).joined(separator: "、")))
            return out
        }
        let unit = (self.unit ?? "").trimmingCharacters(in: .whitespaces)
        if role.unitKind == .none, !unit.isEmpty {
            out.append(FieldError(code: "invalid", message: "\(role.chinese)账号不属于具体单位，请留空所属单位", field: "unit"))
        }
        if role.unitKind != .none, unit.isEmpty {
            out.append(FieldError(code: "required", message: "\(role.chinese)账号必须填写所属单位代码", field: "unit"))
        }
        return out
    }

    /// At least 8 characters with a letter and a digit: the floor of common government guidance.
    public static func passwordProblems(_ p: String) -> [FieldError] {
        if p.count < 8 || !p.contains(where: \.isLetter) || !p.contains(where: \.isNumber) {
            return [FieldError(code: "weak_password", message: "密码至少8位，且须同时包含字母和数字", field: "password")]
        }
        return []
    }
}

/// Repeated failed logins lock an account for a while (brute-force protection).
public enum LoginThrottle {
    public static let maxFailures = 5
    public static let lockSeconds: Double = 15 * 60
}
