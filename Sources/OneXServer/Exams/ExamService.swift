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
        let certScope: RecordScope = actor.role == .organization ? .organization(actor.unit ?? "") : .all
        guard try await CertificateStore.find(input.certificate, scope: certScope, on: db) != nil else { throw AppError.notFound }
        let resolver = CodeResolver(db)
        guard let schoolID = try await resolver.id(.schools, input.school),
            let certID = try await resolver.id(.certificates, input.certificate),
            let plan = try await PlanRow.query(on: db).filter(\.$school.$id == schoolID).filter(\.$certificate.$id == certID)
                .filter(\.$level == input.level.rawValue).filter(\.$year == input.year).first()
        else {
            throw AppError.invalid([FieldError(code: "no_such_plan",
                                               message: "院校\(input.school)在\(input.year)年没有证书\(input.certificate)\(input.level.chinese)的考核计划")])
        }
        let exam = ExamRow()
        exam.$plan.id = plan.id!
        exam.date = input.date.description
        exam.site = input.site.flatMap { $0.isEmpty ? nil : $0 }
        exam.registered = input.registered
        exam.attended = input.attended
        exam.passed = input.passed
        exam.recordedBy = actor.username
        try await db.transaction { tx in
            try await exam.create(on: tx)
            try await PlanTotals.recomputeExams(planIDs: [plan.id!], on: tx as! any SQLDatabase)
            try await AuditWriter(tx).append(actor: actor.username, action: "create", entity: "exams", key: exam.id!.uuidString,
                                             before: nil as ExamSession?, after: input, at: now)
        }
        return exam.id!
    }

    /// Sessions the actor may see, newest first: entered ones and, per plan and day, imported ones.
    static func sessions(actor: Actor, school: String?, year: Int?, limit: Int, on db: any Database) async throws -> [SessionBody] {
        let sql = db as! any SQLDatabase
        var filter: SQLQueryString = ""
        let unit = actor.unit ?? ""
        switch actor.role {
        case .school: filter += " AND s.code = \(bind: unit)"
        case .cityReviewer: filter += " AND r.code = \(bind: unit)"
        case .organization: filter += " AND o.code = \(bind: unit)"
        case .provinceAdmin, .provinceReviewer, .auditor: break
        case .expert: throw AppError.forbidden
        }
        if let school { filter += " AND s.code = \(bind: school)" }
        if let year { filter += " AND p.year = \(bind: year)" }
        // Each source is joined and filtered by itself, so a unit's sessions are found through
        // its plans. Province-wide, only imported sessions on or after the `limit`-th newest
        // day can be among the newest `limit` (found by the date index), which spares sorting
        // millions of sessions.
        var importedFrom: SQLQueryString = ""
        if school == nil, limit > 0, [.provinceAdmin, .provinceReviewer, .auditor].contains(actor.role) {
            let yearJoin: SQLQueryString = year.map { "JOIN plans p ON p.id = x.plan_id AND p.year = \(bind: $0)" } ?? ""
            if let cutoff = try await sql.raw("""
                SELECT x.exam_date AS d FROM candidate_sessions x \(yearJoin) ORDER BY x.exam_date DESC LIMIT 1 OFFSET \(literal: limit - 1)
                """).first()?.decode(column: "d", as: String.self) {
                importedFrom = " AND x.exam_date >= \(bind: cutoff)"
            }
        }
        let joins: SQLQueryString = """
            JOIN plans p ON p.id = x.plan_id JOIN schools s ON s.id = p.school_id JOIN regions r ON r.id = s.region_id
            JOIN certificates c ON c.id = p.certificate_id JOIN organizations o ON o.id = c.organization_id
            """
        let rows = try await sql.raw("""
            SELECT s.code AS school, s.name AS school_name, c.code AS certificate, p.level, p.year, x.date AS d, x.site,
              CAST(x.registered AS BIGINT) AS reg, CAST(x.attended AS BIGINT) AS att, CAST(x.passed AS BIGINT) AS pas, 'manual' AS source
            FROM exams x \(joins) WHERE 1 = 1 \(filter)
            UNION ALL
            SELECT s.code AS school, s.name AS school_name, c.code AS certificate, p.level, p.year, x.exam_date AS d, NULL AS site,
              CAST(x.registered AS BIGINT) AS reg, CAST(x.attended AS BIGINT) AS att, CAST(x.passed AS BIGINT) AS pas, 'import' AS source
            FROM candidate_sessions x \(joins) WHERE 1 = 1 \(filter) \(importedFrom)
            ORDER BY d DESC, school, certificate LIMIT \(literal: limit)
            """).all()
        return try rows.map {
            SessionBody(school: try $0.decode(column: "school", as: String.self),
                        schoolName: try $0.decode(column: "school_name", as: String.self),
                        certificate: try $0.decode(column: "certificate", as: String.self),
                        level: Level(rawValue: try $0.decode(column: "level", as: String.self)) ?? .junior,
                        year: try $0.decode(column: "year", as: Int.self), date: try $0.decode(column: "d", as: String.self),
                        site: try $0.decode(column: "site", as: String?.self), registered: try $0.decode(column: "reg", as: Int.self),
                        attended: try $0.decode(column: "att", as: Int.self), passed: try $0.decode(column: "pas", as: Int.self),
                        source: try $0.decode(column: "source", as: String.self))
        }
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
