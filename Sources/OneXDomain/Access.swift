/// Which records an actor may see, as a value. The server turns it into a query condition in
/// one place (`ScopeCondition`), so no list or lookup can forget it.
public enum RecordScope: Sendable, Equatable {
    /// Every record of the table.
    case all
    /// Records of this school (a school sees itself and what is its own).
    case school(String)
    /// Records of the schools of this region (a city bureau).
    case region(String)
    /// Records of this organisation's certificates.
    case organization(String)
    /// Published records only (fee standards once the province has published them).
    case published
    /// Records of certificates whose alliance this school leads (the lead school records the
    /// expert review of a proposed fee standard).
    case ledBy(String)
    /// Published records, and those of the inner scope.
    indirect case publishedOr(RecordScope)
    /// The records of either scope (a school's own exam sites and those its alliance leads).
    indirect case either(RecordScope, RecordScope)
    /// No record: the kind is not for this role.
    case none

    /// Whether a record with this owner is inside the scope.
    public func contains(_ owner: RecordOwner) -> Bool {
        switch self {
        case .all: true
        case .school(let code): owner.school == code
        case .region(let code): owner.region == code
        case .organization(let code): owner.organization == code
        case .published: owner.published
        case .ledBy(let code): owner.leadSchool == code
        case .publishedOr(let inner): owner.published || inner.contains(owner)
        case .either(let a, let b): a.contains(owner) || b.contains(owner)
        case .none: false
        }
    }
}

/// The units a record belongs to, as far as scoping goes: its school and that school's region,
/// and the organisation of its certificate. A catalog row owns itself (a school is its own
/// school; a region its own region).
public struct RecordOwner: Sendable, Equatable {
    public var school: String?
    public var region: String?
    public var organization: String?
    /// Published to everyone (a fee standard once published).
    public var published: Bool
    /// The lead school of the alliance of the record's certificate.
    public var leadSchool: String?

    public init(
        school: String? = nil, region: String? = nil, organization: String? = nil, published: Bool = false,
        leadSchool: String? = nil
    ) {
        self.school = school
        self.region = region
        self.organization = organization
        self.published = published
        self.leadSchool = leadSchool
    }
}

/// Every kind of record OneX keeps or will keep. A new kind gets its line in
/// `Access.scope(of:for:)` before it gets a table.
public enum RecordKind: String, CaseIterable, Sendable {
    // The catalog.
    case regions, organizations, certificates, schools, alliances, experts
    // Applications, plans, exams and monitoring.
    case applications, attachments, plans, examSessions, candidateResults, importJobs, indicators, snapshots,
        bulletins
    // Accounts and the record of what was done.
    case notices, users, auditEntries
    // Fees, the rectification ledger, reports, sites and complaints (MOE12, AH38, AH41).
    case feeStandards, payments, ledgerItems, reports, sites, complaints
    // Teacher training (AH41-6): courses, published to all, and the teachers enrolled in them.
    case trainingCourses, trainingParticipants
    // Teachers' X-certificate training hours (AH41-7).
    case workloads
    // Schools' decisions to admit or exit a certificate (AH41-2).
    case certificateDecisions
    // Organisations' filings of provincial activities (AH41-4).
    case filings

    public init(_ catalog: CatalogKind) {
        switch catalog {
        case .regions: self = .regions
        case .organizations: self = .organizations
        case .certificates: self = .certificates
        case .schools: self = .schools
        case .alliances: self = .alliances
        case .experts: self = .experts
        }
    }
}

/// What an actor may do to a kind of record, beyond reading it.
public enum RecordAction: String, CaseIterable, Sendable {
    case create, update, review, importFile, publish
    /// The province's 核定 of a fee standard.
    case verify
}

public enum Access {
    /// The records of a kind an actor may read.
    public static func scope(of kind: RecordKind, for actor: Actor) -> RecordScope {
        let unit = actor.unit ?? ""
        // A unit's own records, by the unit it belongs to.
        let own: RecordScope =
            switch actor.role {
            case .provinceAdmin, .provinceReviewer, .auditor: .all
            case .school: .school(unit)
            case .cityReviewer: .region(unit)
            case .organization: .organization(unit)
            case .expert: .none
            }
        switch kind {
        case .regions, .organizations, .alliances:
            // Published reference data (AH41-12 public disclosure lists them too).
            return .all
        case .certificates:
            return actor.role == .organization ? .organization(unit) : .all
        case .schools:
            return actor.role == .organization || actor.role == .expert ? .none : own
        case .experts:
            // The pool holds personal data: province roles only.
            return actor.role.seesWholeProvince ? .all : .none
        case .applications, .attachments:
            // Organisations take no part in the review of applications (AH22-6).
            return actor.role == .organization ? .none : own
        case .plans, .examSessions, .candidateResults, .indicators, .snapshots:
            return own
        case .importJobs:
            // Who uploaded which results file: the uploading organisation and the province.
            return actor.role == .organization || actor.role.seesWholeProvince ? own : .none
        case .bulletins:
            // A 通报 is the province's, read by the bureaus and schools it names once published.
            return actor.role == .organization || actor.role == .expert ? .none : own
        case .notices:
            // Addressed to the actor: every role has its own.
            return own == .none ? .all : own
        case .users:
            // The auditor reads accounts; only the province office manages them.
            return actor.role == .provinceAdmin || actor.role == .auditor ? .all : .none
        case .auditEntries:
            return actor.role == .provinceAdmin || actor.role == .auditor ? .all : .none
        case .feeStandards:
            // Published standards are public; an organisation sees its own proposals, a lead
            // school the ones it reviews, the province all of them.
            switch actor.role {
            case .provinceAdmin, .provinceReviewer, .auditor: return .all
            case .organization: return .publishedOr(.organization(unit))
            case .school: return .publishedOr(.ledBy(unit))
            case .cityReviewer, .expert: return .published
            }
        case .payments, .ledgerItems:
            return own
        case .reports:
            // A school's biweekly reports: the school, its city bureau and the province.
            return actor.role == .organization || actor.role == .expert ? .none : own
        case .sites:
            // A school sees its own sites and, as an alliance's lead school, those it reviews;
            // approved sites are public (AH41-12).
            switch actor.role {
            case .school: return .either(.school(unit), .ledBy(unit))
            case .expert: return .published
            default: return own
            }
        case .complaints:
            // The province all; a school or a city bureau what it filed (a bureau also its
            // schools'); an organisation what it filed and, once the office sent them on for a
            // reply, those about it.
            return actor.role == .expert ? .none : own
        case .trainingCourses:
            // Training notices are public (001 §三(五): 主动公开…师资培训信息).
            return .all
        case .trainingParticipants:
            // Teachers are personal data: their school, its city, the course's organisation.
            return actor.role == .expert ? .none : own
        case .filings:
            // The organisation's own, the alliance's lead school the ones it co-signs, the province.
            switch actor.role {
            case .provinceAdmin, .provinceReviewer, .auditor, .organization: return own
            case .school: return .ledBy(unit)
            case .cityReviewer, .expert: return .none
            }
        case .certificateDecisions:
            // A school's, its city's, the certificate's organisation's, the province's.
            return actor.role == .expert ? .none : own
        case .workloads:
            // A school's own teachers' hours, read by its city and the province.
            return actor.role == .organization || actor.role == .expert ? .none : own
        }
    }

    /// The records of a kind anyone may read without an account (public disclosure).
    public static func publicScope(of kind: RecordKind) -> RecordScope {
        switch kind {
        case .feeStandards, .sites: .published
        case .trainingCourses: .all
        default: .none
        }
    }

    /// Whether the actor may act on a kind of record at all; which record is then decided by
    /// `scope(of:for:)` (another unit's record is not found).
    public static func may(_ action: RecordAction, _ kind: RecordKind, _ actor: Actor) -> Bool {
        switch (action, kind) {
        case (.create, .applications), (.update, .applications), (.create, .attachments):
            return actor.role == .school
        case (.review, .applications):
            return [.cityReviewer, .provinceReviewer, .provinceAdmin].contains(actor.role)
        case (.create, .examSessions), (.importFile, .candidateResults):
            return actor.role == .organization || actor.role == .provinceAdmin
        case (.create, .snapshots), (.publish, .bulletins), (.publish, .feeStandards), (.importFile, .reports):
            return actor.role == .provinceAdmin
        case (.create, .feeStandards), (.review, .payments):
            // The organisation proposes its standards, and confirms or disputes what it was paid.
            return actor.role == .organization
        case (.create, .payments), (.create, .reports):
            return actor.role == .school
        case (.create, .ledgerItems):
            // The province for any unit, a city bureau for its own schools and itself (AH38-3).
            return actor.role == .provinceAdmin || actor.role == .cityReviewer
        case (.update, .ledgerItems):
            // Progress and the application for closure: the responsible unit's (which item is
            // the service's business: the one whose responsible unit the actor is).
            return [.school, .organization, .cityReviewer].contains(actor.role)
        case (.review, .ledgerItems):
            // The city's confirmation, the province's closure (高教处 for undergraduates), returns.
            return [.cityReviewer, .provinceAdmin, .provinceReviewer].contains(actor.role)
        case (.review, .feeStandards):
            // The lead school's expert review; which standards is its scope's business.
            return actor.role == .school
        case (.create, .sites), (.create, .trainingParticipants), (.create, .workloads), (.create, .certificateDecisions):
            return actor.role == .school
        case (.create, .filings), (.update, .filings):
            return actor.role == .organization
        case (.review, .filings):
            // The lead school co-signs, the office acknowledges; which is `FilingFlow`'s business.
            return actor.role == .school || actor.role == .provinceAdmin
        case (.create, .complaints):
            return [.school, .cityReviewer, .organization].contains(actor.role)
        case (.review, .complaints):
            return actor.role == .provinceAdmin
        case (.update, .complaints):
            // The organisation's reply to a complaint the office sent it.
            return actor.role == .organization
        case (.create, .trainingCourses), (.update, .trainingParticipants):
            // The organisation runs its certificates' courses and records what each teacher gained.
            return actor.role == .organization
        case (.review, .sites):
            // The lead school agrees, the organisation approves, either or the office suspends;
            // which site and which step is `ExamSiteFlow`'s business.
            return [.school, .organization, .provinceAdmin].contains(actor.role)
        case (.verify, .feeStandards):
            return actor.role == .provinceReviewer || actor.role == .provinceAdmin
        case (.create, _), (.update, _), (.importFile, _), (.publish, _):
            return actor.role == .provinceAdmin && RecordKind.catalogAndAccounts.contains(kind)
        case (.review, _), (.verify, _):
            return false
        }
    }

    /// Pages of the navigation an actor sees, in order.
    public static func navigation(for actor: Actor) -> [CatalogKind] {
        CatalogKind.allCases.filter { scope(of: RecordKind($0), for: actor) != .none }
    }

    /// Whether the actor may read the audit log.
    public static func readsAuditLog(_ actor: Actor) -> Bool {
        scope(of: .auditEntries, for: actor) == .all
    }
}

extension RecordKind {
    /// What the province office maintains directly.
    static let catalogAndAccounts: Set<RecordKind> = [
        .regions, .organizations, .certificates, .schools, .alliances, .experts, .users,
    ]
}
