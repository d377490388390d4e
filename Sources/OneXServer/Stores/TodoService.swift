import Fluent
import OneXDomain
import Vapor

/// What each role's home page asks it to do: the phases of the windows with their dates, the
/// applications waiting for its decision, returned applications and their correction day,
/// unread notices and monitoring warnings — each within the actor's scope.
enum TodoService {
    struct Returned {
        var id: UUID
        var year: Int
        var due: LocalDate
    }

    struct Todo {
        var phases: [(phase: ResolvedWindow.Phase, state: PhaseState)] = []
        /// Applications in the actor's review stage, and which stage that is.
        var waiting: (count: Int, stage: ApplicationStatus)?
        var drafts = 0
        var returned: [Returned] = []
        var unread = 0
        /// Schools warned in the latest snapshot (province, city), or whether the school itself
        /// is named in the latest published 通报.
        var warned: (count: Int, day: String)?
        var ownSchoolWarned: String?
        /// Ledger items waiting for the actor's confirmation or closure, and open items its
        /// unit is responsible for (AH38-3, AH38-4).
        var ledgerWaiting = 0
        var ledgerOpen = 0
        /// Exam-site applications whose next step is the actor's (AH41-3).
        var sitesWaiting = 0
        /// Exam days of this year no exam filing covers (AH41-4): the province's, or an
        /// organisation's own.
        var unfiledExamDays = 0
        /// The year a school has lost its pilot eligibility for (AH41-9).
        var eligibilityRevoked: Int?
    }

    /// `unread` is the count `UnreadNoticesMiddleware` already took for this page view.
    static func todo(for actor: Actor, unread: Int, today: LocalDate, on db: any Database) async throws
        -> Todo
    {
        var t = Todo()
        if let policy = try await PolicyVersion.current(on: db)?.policy() {
            t.phases = [ResolvedWindow.Phase.school, .city, .province].map {
                ($0, policy.state(of: $0, on: today))
            }
        }
        let stage: ApplicationStatus? =
            switch actor.role {
            case .cityReviewer: .cityReview
            case .provinceReviewer, .provinceAdmin: .provinceReview
            default: nil
            }
        if let stage, let q = ApplicationService.scoped(for: actor, on: db) {
            t.waiting = (try await q.filter(\.$status == stage.rawValue).count(), stage)
        }
        if actor.role == .school, let q = ApplicationService.scoped(for: actor, on: db) {
            let drafts = try await q.filter(\.$status == ApplicationStatus.draft.rawValue).sort(
                \.$updatedAt, .descending
            ).all()
            for d in drafts {
                if let c = try d.correction {
                    t.returned.append(Returned(id: try d.requireID(), year: d.year, due: c.due))
                } else {
                    t.drafts += 1
                }
            }
        }
        t.unread = unread
        try await warnings(into: &t, actor: actor, on: db)
        (t.ledgerWaiting, t.ledgerOpen) = try await RectificationService.todo(for: actor, on: db)
        if actor.role.seesWholeProvince || actor.role == .organization {
            t.unfiledExamDays = try await FilingService.unfiledExams(
                year: today.year, actor: actor, paging: Paging(limit: 1, offset: 0), on: db
            ).total
        }
        if Access.may(.review, .sites, actor) {
            var waiting = ExamSiteService.Filter()
            waiting.waitingForMe = true
            t.sitesWaiting = try await ExamSiteService.list(
                actor: actor, filter: waiting, paging: nil, on: db
            ).total
        }
        if actor.role == .school, let code = actor.unit,
            let school = try await School.query(on: db).filter(\.$code == code).first(),
            try await EligibilityService.revocation(school: school.requireID(), year: today.year + 1, on: db)
                != nil
        {
            t.eligibilityRevoked = today.year + 1
        }
        return t
    }

    private static func warnings(into t: inout Todo, actor: Actor, on db: any Database) async throws {
        guard let latest = try await MonitoringService.snapshotDays(on: db).max() else { return }
        switch Access.scope(of: .bulletins, for: actor) {
        case .all:
            t.warned = (
                try await MonitoringService.warnings(takenOn: latest, region: nil, on: db).count, latest
            )
        case .region(let code) where try await MonitoringService.isPublished(latest, on: db):
            t.warned = (
                try await MonitoringService.warnings(takenOn: latest, region: code, on: db).count, latest
            )
        case .school(let code) where try await MonitoringService.isPublished(latest, on: db):
            if try await MonitoringService.warnings(takenOn: latest, region: nil, on: db).contains(where: {
                $0.school == code
            }) {
                t.ownSchoolWarned = latest
            }
        default:
            break
        }
    }
}
