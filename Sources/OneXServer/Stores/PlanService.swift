import Fluent
import OneXDomain
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

    static func list(actor: Actor, school: String?, year: Int?, certificate: String?, paging: Paging, today: LocalDate,
                     on db: any Database) async throws -> (items: [PlanBody], total: Int) {
        guard let q = scoped(for: actor, on: db) else { throw AppError.forbidden }
        if let school { q.filter(School.self, \.$code == school) }
        if let year { q.filter(\.$year == year) }
        if let certificate {
            let id = try await CodeResolver(db).id(.certificates, certificate) ?? UUID()
            q.filter(\.$certificate.$id == id)
        }
        let (rows, total) = try await q.with(\.$school).with(\.$certificate).with(\.$changes).with(\.$exams)
            .sort(\.$year, .descending).sort(School.self, \.$code).page(limit: paging.limit, offset: paging.offset)
        return (rows.map { body($0, today: today) }, total)
    }

    static func body(_ p: PlanRow, today: LocalDate) -> PlanBody {
        let attended = p.exams.reduce(0) { $0 + $1.attended }
        return PlanBody(
            school: p.school.code, certificate: p.certificate.code, level: Level(rawValue: p.level) ?? .junior, year: p.year,
            count: p.count, status: p.status, dueBy: "\(p.year)-12-31",
            carriedOver: p.status == "active" && today.year > p.year && attended < p.count,
            registered: p.exams.reduce(0) { $0 + $1.registered }, attended: attended,
            passed: p.exams.reduce(0) { $0 + $1.passed },
            history: p.changes.sorted { $0.at < $1.at }.map {
                ChangeBody(kind: $0.kind, count: $0.count, application: $0.$application.id, reviewer: $0.reviewer, at: $0.at,
                           countsInIndicators: $0.countsInIndicators)
            })
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
                plan.status = "exited"
                try await plan.save(on: tx)
                let change = PlanChangeRow()
                change.$plan.id = plan.id!
                change.kind = "forcedExit"
                change.count = 0
                change.reviewer = actor
                change.at = now
                change.countsInIndicators = true
                try await change.create(on: tx)
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
