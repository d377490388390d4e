/// To whom a notice is addressed: a role, one account, or a unit. Stored as `kind:value`.
public enum NoticeAudience: Hashable, Sendable {
    case role(Role)
    case user(String)
    case school(String)
    case region(String)
    case organization(String)

    public var stored: String {
        switch self {
        case .role(let r): "role:\(r.rawValue)"
        case .user(let u): "user:\(u)"
        case .school(let c): "school:\(c)"
        case .region(let c): "region:\(c)"
        case .organization(let c): "organization:\(c)"
        }
    }

    /// Reads a stored audience; nil for a value no version of OneX writes.
    public init?(stored: String) {
        guard let colon = stored.firstIndex(of: ":") else { return nil }
        let value = String(stored[stored.index(after: colon)...])
        guard !value.isEmpty else { return nil }
        switch stored[..<colon] {
        case "role":
            guard let role = Role(rawValue: value) else { return nil }
            self = .role(role)
        case "user": self = .user(value)
        case "school": self = .school(value)
        case "region": self = .region(value)
        case "organization": self = .organization(value)
        default: return nil
        }
    }
}

extension Access {
    /// The audiences whose notices an actor reads: its role, its account and its own unit.
    public static func audiences(for actor: Actor) -> [NoticeAudience] {
        var out: [NoticeAudience] = [.role(actor.role), .user(actor.username)]
        if let unit = actor.unit {
            switch actor.role.unitKind {
            case .school: out.append(.school(unit))
            case .region: out.append(.region(unit))
            case .organization: out.append(.organization(unit))
            case .none: break
            }
        }
        return out
    }
}
