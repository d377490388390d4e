import Fluent
import OneXDomain
import OneXTabular
import SQLKit
import Vapor

/// Exam sessions (EXAM-1): entered by hand by the certificate's organisation or the province
/// office, or made of imported candidate results. Every write keeps the plan's totals in step.
enum ExamService {
    struct SessionBody: Codable, Sendable {
        var school: String
        var schoolName: String
        var certificate: String
        var level: Level
        var year: Int
        var date: String
        var site: String?
        /// The approved exam site named by an entered session.
        var siteNumber: String?
        var registered: Int
        var attended: Int
        var passed: Int
        /// `manual` (entered) or `import` (made of candidate results).
        var source: String
    }

    static func record(_ input: ExamSession, actor: Actor, now: Date, on db: any Database) async throws -> UUID {
        let problems = input.problems()
        if !problems.isEmpty { throw AppError.invalid(problems) }
        // An organisation records exams of its own certificates only; another's is 404.
        guard try await CertificateStore.find(input.certificate, scope: Access.scope(of: .certificates, for: actor), on: db) != nil
        else { throw AppError.notFound }
        let resolver = CodeResolver(db)
        guard let schoolID = try await resolver.id(.schools, input.school),
            let certID = try await resolver.id(.certificates, input.certificate),
            let plan = try await PlanRow.query(on: db).filter(\.$school.$id == schoolID).filter(\.$certificate.$id == certID)
                .filter(\.$level == input.level.rawValue).filter(\.$year == input.year).first()
        else {
            throw AppError.invalid([FieldError(code: "no_such_plan",
                                               message: "院校\(input.school)在\(input.year)年没有证书\(input.certificate)\(input.level.chinese)的考核计划")])
        }
        // Implausible figures are caught: beyond the policy's tolerance over the plan, only the
        // province office may enter them, and its confirmation is recorded.
        let tolerance = try await PolicyVersion.current(on: db)?.policy().rules.registrationTolerance ?? 0.2
        let limit = ExamSession.registrationLimit(planned: plan.count, tolerance: tolerance)
        let after = plan.examRegistered.clampedAdding(input.registered)
        let confirmed = after > limit && input.confirmOverPlan == true && actor.role == .provinceAdmin
        if !confirmed, let problem = ExamSession.overPlanProblem(after: after, planned: plan.count, tolerance: tolerance) {
            throw AppError.invalid([FieldError(
                code: "over_plan",
                UIText(zh: "\(problem.zh)。请核对；如确属实，须由省级管理员勾选“确认超计划”后录入",
                       en: "The \(problem.en). Please check; if it is right, the province office enters it with “Confirm beyond the plan” ticked."),
                field: "registered")])
        }
        let siteID = try await ExamSiteService.sessionSite(
            input.siteNumber, certificate: input.certificate, on: db)
        let exam = ExamRow()
        exam.$plan.id = try plan.requireID()
        exam.siteID = siteID
        exam.date = input.date.description
        exam.site = input.site.flatMap { $0.isEmpty ? nil : $0 }
        exam.registered = input.registered
        exam.attended = input.attended
        exam.passed = input.passed
        exam.recordedBy = actor.username
        try await db.writeTransaction { tx in
            try await exam.create(on: tx)
            try await PlanTotals.recomputeExams(planIDs: [plan.requireID()], on: tx.sql())
            try await ExamDays.add(plan: plan.requireID(), day: exam.date, on: tx.sql())
            let audit = AuditWriter(tx)
            try await audit.append(actor: actor.username, action: "create", entity: "exams", key: exam.requireID().uuidString,
                                   before: nil as ExamSession?, after: input, at: now)
            if confirmed {
                try await audit.append(actor: actor.username, action: "confirm.overPlan", entity: "exams", key: exam.requireID().uuidString,
                                       before: "limit \(limit)", after: "registered \(after)", at: now)
            }
        }
        return try exam.requireID()
    }

    /// The newest `limit` sessions the actor may see: entered ones and, per plan and day,
    /// imported ones; listed by day, newest first, then by school and certificate. Within a day
    /// the page is taken in plan order, which an index gives: a national exam day has hundreds
    /// of thousands of sessions, and sorting them all by school for one page took seconds.
    static func sessions(actor: Actor, school: String?, year: Int?, limit: Int, on db: any Database) async throws -> [SessionBody] {
        guard limit > 0 else { return [] }
        let sql = try db.sql()
        let scope = Access.scope(of: .examSessions, for: actor)
        guard let inScope = ScopeCondition.joined(scope) else { throw AppError.forbidden }
        var unitFilter: SQLQueryString = scope == .all ? "" : " AND " + inScope
        if let school { unitFilter += " AND s.code = \(bind: school)" }
        let provinceWide = scope == .all && school == nil
        let yearFilter: SQLQueryString = year.map { " AND p.year = \(bind: $0)" } ?? ""
        let joins: SQLQueryString = """
            JOIN plans p ON p.id = x.plan_id JOIN schools s ON s.id = p.school_id JOIN regions r ON r.id = s.region_id
            JOIN certificates c ON c.id = p.certificate_id JOIN organizations o ON o.id = c.organization_id
            """
        // A unit's sessions are found through its plans. Province-wide, the page is read off
        // the newest-first index before anything is joined.
        let importedFrom: SQLQueryString
        if provinceWide {
            let inYear: SQLQueryString = year.map { "WHERE x.plan_year = \(bind: $0)" } ?? ""
            importedFrom = """
                (SELECT x.plan_id, x.exam_date, x.registered, x.attended, x.passed FROM candidate_sessions x \(inYear)
                 ORDER BY x.exam_date DESC, x.plan_id DESC LIMIT \(literal: limit)) x \(joins) WHERE 1 = 1
                """
        } else {
            importedFrom = "candidate_sessions x \(joins) WHERE 1 = 1 \(unitFilter) \(yearFilter)"
        }
        let columns: SQLQueryString = """
            SELECT x.plan_id, s.code AS school, s.name AS school_name, c.code AS certificate, p.level, p.year,
              CAST(x.registered AS BIGINT) AS reg, CAST(x.attended AS BIGINT) AS att, CAST(x.passed AS BIGINT) AS pas
            """
        let entered = try await sql.raw("""
            \(columns), x.date AS d, x.site, es.number AS site_number FROM exams x \(joins)
            LEFT JOIN exam_sites es ON es.id = x.site_id WHERE 1 = 1 \(unitFilter) \(yearFilter)
            ORDER BY x.date DESC, x.plan_id DESC LIMIT \(literal: limit)
            """).all()
        let imported = try await sql.raw("""
            \(columns), x.exam_date AS d, NULL AS site, NULL AS site_number FROM \(importedFrom) ORDER BY x.exam_date DESC, x.plan_id DESC LIMIT \(literal: limit)
            """).all()
        var listed = try entered.map { try session($0, source: "manual") } + imported.map { try session($0, source: "import") }
        listed.sort { ($0.row.date, $0.plan.uuidString) > ($1.row.date, $1.plan.uuidString) }
        return listed.prefix(limit).map(\.row).sorted { a, b in
            a.date != b.date ? a.date > b.date : (a.school, a.certificate, a.level.rawValue) < (b.school, b.certificate, b.level.rawValue)
        }
    }

    private static func session(_ r: any SQLRow, source: String) throws -> (row: SessionBody, plan: UUID) {
        let plan = try r.decode(column: "plan_id", as: UUID.self)
        let body = SessionBody(school: try r.decode(column: "school", as: String.self),
                               schoolName: try r.decode(column: "school_name", as: String.self),
                               certificate: try r.decode(column: "certificate", as: String.self),
                               level: try .stored(r.decode(column: "level", as: String.self), table: PlanRow.schema, column: "level", id: plan),
                               year: try r.decode(column: "year", as: Int.self), date: try r.decode(column: "d", as: String.self),
                               site: try r.decode(column: "site", as: String?.self),
                               siteNumber: try r.decode(column: "site_number", as: String?.self), registered: try r.decode(column: "reg", as: Int.self),
                               attended: try r.decode(column: "att", as: Int.self), passed: try r.decode(column: "pas", as: Int.self),
                               source: source)
        return (body, plan)
    }

    /// Reads an uploaded result file: CSV streamed from memory, XLSX or another encoding whole.
    static func rows(of data: Data) throws -> CandidateImport.Rows {
        if !XLSX.looksLikeXLSX(data), looksLikeUTF8(data.prefix(4096)) {
            return CandidateImport.Rows(CSVRowReader(data: data))
        }
        do {
            return CandidateImport.Rows(try Table.read(data))
        } catch {
            throw AppError.invalid([FieldError(code: "unreadable", message: error.message)], detail: error.message)
        }
    }

    /// UTF-8 up to a character cut off at the end of the sample.
    static func looksLikeUTF8(_ sample: Data) -> Bool {
        (0...3).contains { cut in sample.count >= cut && String(data: sample.dropLast(cut), encoding: .utf8) != nil }
    }
}
