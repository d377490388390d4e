import Foundation
import OneXDomain

/// Every path of the web UI. Routes are registered from the same names and links are built
/// from this enum, so a link cannot point to a page that does not exist.
public enum SitePath: Sendable, Equatable {
    case home
    case login
    case logout
    case language(Lang)
    case list(CatalogKind)
    case create(CatalogKind)
    case detail(CatalogKind, String)
    case edit(CatalogKind, String)
    case export(CatalogKind, ExportFormat)
    case imports
    case importTemplate(String)
    case audit
    case auditExport(ExportFormat)
    case policy
    /// The policy in force in words, without login.
    case publicPolicy
    case feeStandards
    case feeStandard(UUID)
    case feeStandardAction(UUID, String)
    /// Published fee standards, without login.
    case publicFeeStandards
    /// The index of public disclosure (AH41-12), without login.
    case publicIndex
    case payments
    case arrears
    case reports
    /// The rectification ledger (整改台账) and one item of it.
    case ledger
    case ledgerItem(UUID)
    /// Exam sites (考核站点), one site, and the province's coverage of certificates × cities.
    case examSites
    case examSite(UUID)
    case siteCoverage
    /// Approved exam sites, without login.
    case publicSites
    /// Teacher training (师资培训) and one course.
    case training
    case trainingCourse(UUID)
    /// Training courses, without login.
    case publicTraining
    /// Teachers' X-certificate training hours.
    case workload
    /// Complaints about organisations and certificates.
    case complaints
    /// Schools' admission and exit of certificates.
    case certificateDecisions
    /// Organisations' filings of provincial activities.
    case filings
    case users
    case usersExport(ExportFormat)
    case newUser
    case user(String)
    case editUser(String)
    case stylesheet
    case applications
    case newApplication
    case application(UUID)
    case applicationAction(UUID, String)
    case applicationForm(UUID, String)
    case plans
    case plansExport(ExportFormat)
    case notices
    case dashboard
    case dashboardExport
    case exams
    case examImport
    case examImportProgress(UUID)
    case examImports
    case pilotStudents
    case monitoring
    case bulletin(String)
    case publicBulletins
    case publicBulletin(String)

    public enum ExportFormat: String, Sendable { case csv, xlsx }

    public var path: String {
        switch self {
        case .home: "/"
        case .login: "/login"
        case .logout: "/logout"
        case .language(let lang): "/lang/\(lang.rawValue)"
        case .list(let kind): "/\(kind.rawValue)"
        case .create(let kind): "/\(kind.rawValue)/new"
        case .detail(let kind, let code): "/\(kind.rawValue)/\(Self.segment(code))"
        case .edit(let kind, let code): "/\(kind.rawValue)/\(Self.segment(code))/edit"
        case .export(let kind, let format): "/\(kind.rawValue)/export.\(format.rawValue)"
        case .imports: "/imports"
        case .importTemplate(let table): "/imports/template/\(table).csv"
        case .audit: "/audit"
        case .auditExport(let format): "/audit/export.\(format.rawValue)"
        case .policy: "/policy"
        case .publicPolicy: "/public/policy"
        case .feeStandards: "/fees/standards"
        case .feeStandard(let id): "/fees/standards/\(id.uuidString)"
        case .feeStandardAction(let id, let action): "/fees/standards/\(id.uuidString)/\(action)"
        case .publicFeeStandards: "/public/fee-standards"
        case .publicIndex: "/public"
        case .payments: "/fees/payments"
        case .arrears: "/fees/arrears"
        case .reports: "/reports"
        case .ledger: "/ledger"
        case .ledgerItem(let id): "/ledger/\(id.uuidString)"
        case .examSites: "/sites"
        case .examSite(let id): "/sites/\(id.uuidString)"
        case .siteCoverage: "/sites/coverage"
        case .publicSites: "/public/sites"
        case .training: "/training"
        case .trainingCourse(let id): "/training/\(id.uuidString)"
        case .publicTraining: "/public/training"
        case .workload: "/workload"
        case .complaints: "/complaints"
        case .certificateDecisions: "/certificate-decisions"
        case .filings: "/filings"
        case .users: "/users"
        case .usersExport(let format): "/users/export.\(format.rawValue)"
        case .newUser: "/users/new"
        case .user(let name): "/users/\(Self.segment(name))"
        case .editUser(let name): "/users/\(Self.segment(name))/edit"
        case .stylesheet: "/static/onex.css"
        case .applications: "/applications"
        case .newApplication: "/applications/new"
        case .application(let id): "/applications/\(id.uuidString)"
        case .applicationAction(let id, let action): "/applications/\(id.uuidString)/\(action)"
        case .applicationForm(let id, let name): "/applications/\(id.uuidString)/forms/\(name)"
        case .plans: "/plans"
        case .plansExport(let format): "/plans/export.\(format.rawValue)"
        case .notices: "/notices"
        case .dashboard: "/dashboard"
        case .dashboardExport: "/dashboard/export.xlsx"
        case .exams: "/exams"
        case .examImport: "/exams/import"
        case .examImportProgress(let id): "/exams/import/\(id.uuidString)"
        case .examImports: "/exams/imports"
        case .pilotStudents: "/dashboard/pilot-students"
        case .monitoring: "/monitoring"
        case .bulletin(let day): "/monitoring/bulletins/\(day)"
        case .publicBulletins: "/public/bulletins"
        case .publicBulletin(let day): "/public/bulletins/\(day)"
        }
    }

    static func segment(_ s: String) -> String {
        s.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed.subtracting(["/"])) ?? s
    }
}
