/// Who may see which records. The server turns a `RecordScope` into a query filter in one
/// place, so no list or lookup can forget it.
public enum RecordScope: Sendable, Equatable {
    /// Every record of the table.
    case all
    /// Records whose code is this one (a school sees itself).
    case code(String)
    /// Records belonging to this region (a city bureau's schools).
    case region(String)
    /// Records belonging to this organisation (its certificates).
    case organization(String)
    /// No record: the table is not for this role.
    case none
}

public enum Access {
    /// The rows of a catalog table an actor may read.
    public static func scope(of kind: CatalogKind, for actor: Actor) -> RecordScope {
        if actor.role.seesWholeProvince { return .all }
        let unit = actor.unit ?? ""
        switch (kind, actor.role) {
        case (.regions, _), (.organizations, _), (.alliances, _):
            // Published reference data (AH41-12 public disclosure lists them too).
            return .all
        case (.certificates, .organization):
            return .organization(unit)
        case (.certificates, _):
            return .all
        case (.schools, .cityReviewer):
            return .region(unit)
        case (.schools, .school):
            return .code(unit)
        case (.schools, _):
            return .none
        case (.experts, _):
            // The pool holds personal data: province roles only.
            return .none
        }
    }

    /// Pages of the navigation an actor sees, in order.
    public static func navigation(for actor: Actor) -> [CatalogKind] {
        CatalogKind.allCases.filter { scope(of: $0, for: actor) != .none }
    }

    /// Whether the actor may read the audit log.
    public static func readsAuditLog(_ actor: Actor) -> Bool {
        actor.role == .provinceAdmin || actor.role == .auditor
    }
}
