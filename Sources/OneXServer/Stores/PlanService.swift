import Fluent
import OneXDomain
import SQLKit
import Vapor

/// Plans and their change history (PLAN-1, HN-3, HN-8).
enum PlanService {
    /// A unit or certificate as a filter offers it.
    struct Choice: Decodable {
        var code: String
        var name: String
    }

    /// Codes and names only, in one statement: the plans page is a school's most visited page.
    static func regionChoices(on db: any Database) async throws -> [Choice] {
        try await db.sql().raw("SELECT code, name FROM regions ORDER BY code").all(decoding: Choice.self)
    }

    /// The certificates the plans filter offers: a school those it has plans of, an organisation
    /// its own, everyone else the whole catalog (hundreds of certificates).
    static func certificateChoices(for actor: Actor, on db: any Database) async throws -> [Choice] {
        let query: SQLQueryString =
            switch (actor.role, Access.scope(of: .certificates, for: actor)) {
            case (.school, _):
                """
                SELECT DISTINCT c.code, c.name FROM certificates c JOIN plans p ON p.certificate_id = c.id
                JOIN schools s ON s.id = p.school_id WHERE s.code = \(bind: actor.unit ?? "") ORDER BY c.code
                """
            case (_, .organization(let code)):
                """
                SELECT c.code, c.name FROM certificates c JOIN organizations o ON o.id = c.organization_id
                WHERE o.code = \(bind: code) ORDER BY c.code
                """
            default: "SELECT code, name FROM certificates ORDER BY code"
            }
        return try await db.sql().raw(query).all(decoding: Choice.self)
    }

    struct ChangeBody: Encodable {
        var kind: PlanChangeKind
        var count: Int
        var application: UUID?
        var reviewer: String
        var at: Date
        var countsInIndicators: Bool
    }

    struct PlanBody: Encodable {
        var school: String
        var schoolName: String
        var certificate: String
        var certificateName: String
        var level: Level
        var year: Int
        var count: Int
        var status: PlanStatus
        /// HN-3: the planned-use period ends on 31 December of the plan's year; an unfinished
        /// plan carries over (沿用) until completed, decreased or exited.
        var dueBy: String
        var carriedOver: Bool
        var registered: Int
        var attended: Int
        var passed: Int
        var history: [ChangeBody]
    }

    /// The plans behind an indicator: any of the dashboard's drill-down filters, within the
    /// actor's own scope.
    struct Filter {
        var school: String?
        var region: String?
        var kind: SchoolKind?
        var certificate: String?
        var organization: String?
        var year: Int?
        var status: PlanStatus?

        init(
            school: String? = nil, region: String? = nil, kind: SchoolKind? = nil, certificate: String? = nil,
            organization: String? = nil, year: Int? = nil, status: PlanStatus? = nil
        ) {
            self.status = status
            self.school = school
            self.region = region
            self.kind = kind
            self.certificate = certificate
            self.organization = organization
            self.year = year
        }

        private struct Raw: Decodable {
            var school, region, kind, certificate, organization, status: String?
        }

        /// The query string is parsed once, not once per key.
        init(_ req: Request) throws {
            let raw = (try? req.query.decode(Raw.self)) ?? Raw()
            func value(_ v: String?) -> String? { v.flatMap { $0.isEmpty ? nil : $0 } }
            self.init(
                school: value(raw.school), region: value(raw.region), certificate: value(raw.certificate),
                organization: value(raw.organization), year: try req.queryYear())
            if let text = value(raw.kind) {
                guard let kind = SchoolKind(rawValue: text) else {
                    throw AppError.badRequest(
                        "院校类型“\(text)”无效，应为 \(SchoolKind.allCases.map(\.rawValue).joined(separator: "、"))")
                }
                self.kind = kind
            }
            if let text = value(raw.status) {
                guard let status = PlanStatus(rawValue: text) else {
                    throw AppError.badRequest(
                        "计划状态“\(text)”无效，应为 \(PlanStatus.allCases.map(\.rawValue).joined(separator: "、"))")
                }
                self.status = status
            }
        }
    }

    /// A page of plans with their history, read as plain rows: the plans list is the page a
    /// school opens most, and decoding Fluent models cost more than the queries themselves.
    static func list(
        actor: Actor, filter: Filter, paging: Paging, today: LocalDate,
        on db: any Database
    ) async throws -> (items: [PlanBody], total: Int) {
        let scope = Access.scope(of: .plans, for: actor)
        guard let inScope = ScopeCondition.joined(scope) else { throw AppError.forbidden }
        let sql = try db.sql()
        var joins: SQLQueryString =
            "JOIN schools s ON s.id = p.school_id JOIN certificates c ON c.id = p.certificate_id"
        var conditions: [SQLQueryString] = []
        if case .region = scope { joins += " JOIN regions r ON r.id = s.region_id" }
        if filter.region != nil { joins += " JOIN regions fr ON fr.id = s.region_id" }
        if case .organization = scope { joins += " JOIN organizations o ON o.id = c.organization_id" }
        if filter.organization != nil { joins += " JOIN organizations fo ON fo.id = c.organization_id" }
        if scope != .all { conditions.append(inScope) }
        if let v = filter.school { conditions.append("s.code = \(bind: v)") }
        if let v = filter.region { conditions.append("fr.code = \(bind: v)") }
        if let v = filter.kind { conditions.append("s.kind = \(bind: v.rawValue)") }
        if let v = filter.certificate { conditions.append("c.code = \(bind: v)") }
        if let v = filter.organization { conditions.append("fo.code = \(bind: v)") }
        if let v = filter.year { conditions.append("p.year = \(bind: v)") }
        if let v = filter.status { conditions.append("p.status = \(bind: v.rawValue)") }
        let whereClause: SQLQueryString =
            conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
        // One statement per view: the total rides along as a subquery evaluated once (a window
        // count would read every matching plan's row before the page is cut) and each plan's
        // history is joined to the page, so a page costs one round trip to the database.
        let rows = try await sql.raw(
            """
            SELECT pg.*, ch.kind, ch.count AS change_count, ch.application_id, ch.reviewer, ch.at, ch.counts_in_indicators
            FROM (SELECT p.id, CAST(p.id AS TEXT) AS plan_key, s.code AS school, s.name AS school_name,
                    c.code AS certificate, c.name AS certificate_name, p.level, p.year, p.count, p.status,
                    p.exam_registered, p.exam_attended, p.exam_passed,
                    (SELECT COUNT(*) FROM plans p \(joins) \(whereClause)) AS total
                  FROM plans p \(joins) \(whereClause)
                  ORDER BY p.year DESC, s.code, c.code, p.level LIMIT \(bind: paging.limit) OFFSET \(bind: paging.offset)) pg
            LEFT JOIN plan_changes ch ON ch.plan_id = pg.id
            ORDER BY pg.year DESC, pg.school, pg.certificate, pg.level, ch.at
            """
        ).all()
        var total = try rows.first?.decode(column: "total", as: Int.self)
        if total == nil {
            total = try await sql.raw("SELECT COUNT(*) AS n FROM plans p \(joins) \(whereClause)").first()?
                .decode(column: "n", as: Int.self)
        }
        var items: [PlanBody] = []
        // Rows of one plan come together; its id is compared as text, which decodes cheaply.
        var lastID: String?
        for r in rows {
            let id = try r.decode(column: "plan_key", as: String.self)
            if id != lastID {
                lastID = id
                let year = try r.decode(column: "year", as: Int.self)
                let count = try r.decode(column: "count", as: Int.self)
                let planID = UUID(uuidString: id)
                let status: PlanStatus = try .stored(
                    try r.decode(column: "status", as: String.self), table: PlanRow.schema,
                    column: "status", id: planID)
                let attended = try r.decode(column: "exam_attended", as: Int.self)
                items.append(
                    PlanBody(
                        school: try r.decode(column: "school", as: String.self),
                        schoolName: try r.decode(column: "school_name", as: String.self),
                        certificate: try r.decode(column: "certificate", as: String.self),
                        certificateName: try r.decode(column: "certificate_name", as: String.self),
                        level: try .stored(
                            try r.decode(column: "level", as: String.self), table: PlanRow.schema,
                            column: "level", id: planID),
                        year: year, count: count, status: status, dueBy: "\(year)-12-31",
                        carriedOver: status == .active && today.year > year && attended < count,
                        registered: try r.decode(column: "exam_registered", as: Int.self), attended: attended,
                        passed: try r.decode(column: "exam_passed", as: Int.self), history: []))
            }
            if let kind = try r.decode(column: "kind", as: String?.self) {
                items[items.count - 1].history.append(
                    ChangeBody(
                        kind: try .stored(kind, table: PlanChangeRow.schema, column: "kind", id: nil),
                        count: try r.decode(column: "change_count", as: Int.self),
                        application: try r.decode(column: "application_id", as: UUID?.self),
                        reviewer: try r.decode(column: "reviewer", as: String.self),
                        at: try r.decode(column: "at", as: Date.self),
                        countsInIndicators: try r.decode(column: "counts_in_indicators", as: Bool.self)))
            }
        }
        return (items, total ?? 0)
    }

    /// PLAN-1: one approved change of a plan, creating the plan on its first `new` line, with the
    /// plan's running totals updated in the same transaction as the caller's.
    static func applyChange(
        school: UUID, certificate: UUID, level: Level, year: Int, kind: LineKind, count: Int,
        application: UUID?, reviewer: String, countsInIndicators: Bool, now: Date,
        on db: any Database
    ) async throws -> PlanRow {
        let existing = try await PlanRow.query(on: db).filter(\.$school.$id == school).filter(
            \.$certificate.$id == certificate
        )
        .filter(\.$level == level.rawValue).filter(\.$year == year).first()
        let plan = existing ?? PlanRow()
        if existing == nil {
            plan.$school.id = school
            plan.$certificate.id = certificate
            plan.level = level.rawValue
            plan.year = year
            plan.count = 0
            plan.status = PlanStatus.active.rawValue
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
        change.$plan.id = try plan.requireID()
        change.kind = PlanChangeKind(kind).rawValue
        change.count = delta
        change.$application.id = application
        change.reviewer = reviewer
        change.at = now
        change.countsInIndicators = countsInIndicators
        try await change.create(on: db)
        try await PlanTotals.recomputeChanges(planIDs: [plan.requireID()], on: db.sql())
        return plan
    }

    /// HN-8: a plan is forcibly exited; its planned count stays as the exit rate's denominator.
    static func exit(_ plan: PlanRow, actor: String, now: Date, on db: any Database) async throws {
        plan.status = PlanStatus.exited.rawValue
        try await plan.save(on: db)
        let change = PlanChangeRow()
        change.$plan.id = try plan.requireID()
        change.kind = PlanChangeKind.forcedExit.rawValue
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
    static func runForcedExit(now: Date, actor: String, on db: any Database) async throws -> ForcedExitResult
    {
        let day = LocalDate(now)
        guard let policy = try await PolicyVersion.current(on: db)?.policy(),
            ForcedExit.inExitPeriod(day, policy: policy)
        else {
            return ForcedExitResult(day: day.description, inExitPeriod: false, exited: [])
        }
        return try await db.writeTransaction { tx in
            let plans = try await PlanRow.query(on: tx).filter(\.$status == PlanStatus.active.rawValue)
                .with(\.$school).with(\.$certificate).with(\.$exams).all()
            let candidates = try plans.map {
                // HN-8 "no exam held" means no exam of any kind: a session entered by hand or
                // imported candidate results, each of which counts as a registration.
                ForcedExit.Candidate(
                    id: try $0.requireID().uuidString, firstApprovedOn: LocalDate($0.firstApprovedAt),
                    examsHeld: max($0.exams.count, $0.examRegistered > 0 ? 1 : 0),
                    active: try $0.statusValue == .active)
            }
            let chosen = Set(ForcedExit.qualifying(candidates, on: day, policy: policy))
            var exited: [ExitedPlan] = []
            let audit = AuditWriter(tx)
            for plan in plans where chosen.contains(try plan.requireID().uuidString) {
                try await exit(plan, actor: actor, now: now, on: tx)
                let e = ExitedPlan(
                    school: plan.school.code, certificate: plan.certificate.code,
                    level: try .stored(plan.level, table: PlanRow.schema, column: "level", id: plan.id),
                    year: plan.year)
                exited.append(e)
                try await audit.append(
                    actor: actor, action: "forcedExit", entity: "plans",
                    key: "\(e.school)/\(e.certificate)/\(e.level.rawValue)/\(e.year)",
                    before: PlanStatus.active.rawValue, after: PlanStatus.exited.rawValue, at: now)
            }
            let result = ForcedExitResult(day: day.description, inExitPeriod: true, exited: exited)
            if try await JobRun.query(on: tx).filter(\.$job == "forcedExit").filter(\.$day == day.description)
                .first() == nil
            {
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
