import Fluent
import OneXDomain
import SQLKit
import Vapor

/// Plans and their change history (PLAN-1, HN-3, HN-8).
enum PlanService {
    struct ChangeBody: Encodable {
        var kind: String
        var count: Int
        var application: UUID?
        var reviewer: String
        var at: Date
        var countsInIndicators: Bool
    }

    struct PlanBody: Encodable {
        var school: String
        var certificate: String
        var level: Level
        var year: Int
        var count: Int
        var status: String
        /// HN-3: the planned-use period ends on 31 December of the plan's year; an unfinished
        /// plan carries over (沿用) until completed, decreased or exited.
        var dueBy: String
        var carriedOver: Bool
        var registered: Int
        var attended: Int
        var passed: Int
        var history: [ChangeBody]
    }

    static func scoped(for actor: Actor, on db: any Database) -> QueryBuilder<PlanRow>? {
        let q = PlanRow.query(on: db).join(School.self, on: \PlanRow.$school.$id == \School.$id)
        switch actor.role {
        case .school: return q.filter(School.self, \.$code == (actor.unit ?? ""))
        case .cityReviewer:
            return q.join(Region.self, on: \School.$region.$id == \Region.$id).filter(Region.self, \.$code == (actor.unit ?? ""))
        case .organization:
            return q.join(Certificate.self, on: \PlanRow.$certificate.$id == \Certificate.$id)
                .join(Organization.self, on: \Certificate.$organization.$id == \Organization.$id)
                .filter(Organization.self, \.$code == (actor.unit ?? ""))
        case .provinceAdmin, .provinceReviewer, .auditor: return q
        case .expert: return nil
        }
    }

    /// The plans behind an indicator: any of the dashboard's drill-down filters, within the
    /// actor's own scope.
    struct Filter {
        var school: String?
        var region: String?
        var kind: String?
        var certificate: String?
        var organization: String?
        var year: Int?

        init(school: String? = nil, region: String? = nil, kind: String? = nil, certificate: String? = nil,
             organization: String? = nil, year: Int? = nil) {
            self.school = school
            self.region = region
            self.kind = kind
            self.certificate = certificate
            self.organization = organization
            self.year = year
        }

        init(query: URLQueryContainer) {
            func value(_ key: String) -> String? { (try? query.get(String.self, at: key)).flatMap { $0.isEmpty ? nil : $0 } }
            self.init(school: value("school"), region: value("region"), kind: value("kind"), certificate: value("certificate"),
                      organization: value("organization"), year: value("year").flatMap { Int($0) })
        }
    }

    static func list(actor: Actor, filter: Filter, paging: Paging, today: LocalDate,
                     on db: any Database) async throws -> (items: [PlanBody], total: Int) {
        guard let q = scoped(for: actor, on: db) else { throw AppError.forbidden }
        let school = filter.school, year = filter.year, certificate = filter.certificate
        if let region = filter.region {
            let regionID = try await CodeResolver(db).id(.regions, region) ?? UUID()
            q.filter(School.self, \.$region.$id == regionID)
        }
        if let kind = filter.kind { q.filter(School.self, \.$kind == kind) }
        if let organization = filter.organization {
            let orgID = try await CodeResolver(db).id(.organizations, organization) ?? UUID()
            let certs = try await Certificate.query(on: db).filter(\.$organization.$id == orgID).all().compactMap(\.id)
            q.filter(\.$certificate.$id ~~ certs)
        }
        if let school { q.filter(School.self, \.$code == school) }
        if let year { q.filter(\.$year == year) }
        if let certificate {
            let id = try await CodeResolver(db).id(.certificates, certificate) ?? UUID()
            q.filter(\.$certificate.$id == id)
        }
        let (rows, total) = try await q.with(\.$school).with(\.$certificate).with(\.$changes)
            .sort(\.$year, .descending).sort(School.self, \.$code).page(limit: paging.limit, offset: paging.offset)
        return (rows.map { body($0, today: today) }, total)
    }

    static func body(_ p: PlanRow, today: LocalDate) -> PlanBody {
        let attended = p.examAttended
        return PlanBody(
            school: p.school.code, certificate: p.certificate.code, level: Level(rawValue: p.level) ?? .junior, year: p.year,
            count: p.count, status: p.status, dueBy: "\(p.year)-12-31",
            carriedOver: p.status == "active" && today.year > p.year && attended < p.count,
            registered: p.examRegistered, attended: attended, passed: p.examPassed,
            history: p.changes.sorted { $0.at < $1.at }.map {
                ChangeBody(kind: $0.kind, count: $0.count, application: $0.$application.id, reviewer: $0.reviewer, at: $0.at,
                           countsInIndicators: $0.countsInIndicators)
            })
    }

    /// PLAN-1: one approved change of a plan, creating the plan on its first `new` line, with the
    /// plan's running totals updated in the same transaction as the caller's.
    static func applyChange(school: UUID, certificate: UUID, level: Level, year: Int, kind: LineKind, count: Int,
                            application: UUID?, reviewer: String, countsInIndicators: Bool, now: Date,
                            on db: any Database) async throws -> PlanRow {
        let existing = try await PlanRow.query(on: db).filter(\.$school.$id == school).filter(\.$certificate.$id == certificate)
            .filter(\.$level == level.rawValue).filter(\.$year == year).first()
        let plan = existing ?? PlanRow()
        if existing == nil {
            plan.$school.id = school
            plan.$certificate.id = certificate
            plan.level = level.rawValue
            plan.year = year
            plan.count = 0
            plan.status = "active"
            plan.firstApprovedAt = now
            plan.newCount = 0
            plan.adjustmentCount = 0
            plan.appliedCount = 0
            plan.examRegistered = 0
            plan.examAttended = 0
            plan.examPassed = 0
        }
        let delta = kind == .decrease ? -count : count
        plan.count = max(0, plan.count + delta)
        try await plan.save(on: db)
        let change = PlanChangeRow()
        change.$plan.id = plan.id!
        change.kind = kind.rawValue
        change.count = delta
        change.$application.id = application
        change.reviewer = reviewer
        change.at = now
        change.countsInIndicators = countsInIndicators
        try await change.create(on: db)
        try await PlanTotals.recomputeChanges(planIDs: [plan.id!], on: db as! any SQLDatabase)
        return plan
    }

    /// HN-8: a plan is forcibly exited; its planned count stays as the exit rate's denominator.
    static func exit(_ plan: PlanRow, actor: String, now: Date, on db: any Database) async throws {
        plan.status = "exited"
        try await plan.save(on: db)
        let change = PlanChangeRow()
        change.$plan.id = plan.id!
        change.kind = "forcedExit"
        change.count = 0
        change.reviewer = actor
        change.at = now
        change.countsInIndicators = true
        try await change.create(on: db)
    }

    // MARK: Forced exit (HN-8)

    struct ExitedPlan: Codable {
        var school: String
        var certificate: String
        var level: Level
        var year: Int
    }

    struct ForcedExitResult: Codable {
        var day: String
        var inExitPeriod: Bool
        var exited: [ExitedPlan]
    }

    /// Exits the qualifying plans once per day of the exit period; a second run the same day,
    /// or on a later day, finds nothing more to exit.
    static func runForcedExit(now: Date, actor: String, on db: any Database) async throws -> ForcedExitResult {
        let day = LocalDate(now)
        guard let policy = try await PolicyVersion.current(on: db)?.policy(), ForcedExit.inExitPeriod(day, policy: policy) else {
            return ForcedExitResult(day: day.description, inExitPeriod: false, exited: [])
        }
        return try await db.transaction { tx in
            let plans = try await PlanRow.query(on: tx).filter(\.$status == "active")
                .with(\.$school).with(\.$certificate).with(\.$exams).all()
            let candidates = plans.map {
                ForcedExit.Candidate(id: $0.id!.uuidString, firstApprovedOn: LocalDate($0.firstApprovedAt),
                                     examsHeld: $0.exams.count, active: $0.status == "active")
            }
            let chosen = Set(ForcedExit.qualifying(candidates, on: day, policy: policy))
            var exited: [ExitedPlan] = []
            let audit = AuditWriter(tx)
            for plan in plans where chosen.contains(plan.id!.uuidString) {
                try await exit(plan, actor: actor, now: now, on: tx)
                let e = ExitedPlan(school: plan.school.code, certificate: plan.certificate.code,
                                   level: Level(rawValue: plan.level) ?? .junior, year: plan.year)
                exited.append(e)
                try await audit.append(actor: actor, action: "forcedExit", entity: "plans",
                                       key: "\(e.school)/\(e.certificate)/\(e.level.rawValue)/\(e.year)",
                                       before: "active", after: "exited", at: now)
            }
            let result = ForcedExitResult(day: day.description, inExitPeriod: true, exited: exited)
            if try await JobRun.query(on: tx).filter(\.$job == "forcedExit").filter(\.$day == day.description).first() == nil {
                let run = JobRun()
                run.job = "forcedExit"
                run.day = day.description
                run.result = AuditWriter.json(result)
                run.at = now
                try await run.create(on: tx)
            }
            return result
        }
    }
}
