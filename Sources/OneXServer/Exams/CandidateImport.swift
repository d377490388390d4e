import Fluent
import Foundation
import OneXDomain
import SQLKit

/// Imports the national platform's per-candidate result export (EXAM-1) in one transaction:
/// a file with any bad row writes nothing and reports every bad line. Rows are read one at a
/// time and written in batches, so memory does not grow with the file. ID numbers are hashed
/// before anything is written; names are kept only masked. A row whose exam number and
/// certificate are already stored is left as it is, so re-importing a file changes nothing.
enum CandidateImport {
    struct Summary: Codable, Sendable, Equatable {
        /// Data rows read.
        var rows: Int
        /// Candidate results written (new rows).
        var candidates: Int
        /// Rows already imported before, left unchanged.
        var unchanged: Int
        /// Exam sessions (plan and day) the new rows belong to.
        var sessions: Int
    }

    /// One reader shared by the transaction's task only; `@unchecked` because the iterator
    /// (a file stream) is not `Sendable` but is never used from two tasks.
    final class Rows: @unchecked Sendable {
        private var iterator: AnyIterator<[String]>
        init<S: Sequence>(_ rows: S) where S.Element == [String] { iterator = AnyIterator(rows.makeIterator()) }
        func next() -> [String]? { iterator.next() }
    }

    static let reportedErrors = 100
    private static let batchSize = 500

    private struct PlanKey: Hashable {
        var school: UUID
        var certificate: UUID
        var level: String
        var year: Int
    }

    private struct Pending {
        var result: CandidateResult
        var school: UUID
        var certificate: UUID
        var plan: UUID
        var idHash: String
    }

    /// `organization`: when an organisation imports, only its own certificates are accepted.
    ///
    /// Rows are checked and staged in a temporary table of the import's own connection, which
    /// holds no lock on the shared tables; only the final `INSERT … SELECT` from the staging
    /// table, the plans' totals and the audit entry run in a transaction. A long file therefore
    /// never keeps other users waiting on SQLite's single writer.
    static func run(_ rows: Rows, organization: String?, actor: String, now: Date, hasher: IDHasher, on db: any Database,
                    progress: @escaping @Sendable (Int) async -> Void = { _ in }) async throws -> Summary {
        let schools = try await codes("schools", on: db as! any SQLDatabase)
        let certificates = try await certificateOwners(on: db as! any SQLDatabase)
        let plans = try await planIndex(on: db as! any SQLDatabase)
        return try await db.withConnection { conn in
            let sql = conn as! any SQLDatabase
            let uuidType = sql.dialect.name == "postgresql" ? "UUID" : "TEXT"
            try await sql.raw("DROP TABLE IF EXISTS onex_import_staging").run()
            try await sql.raw("""
                CREATE TEMPORARY TABLE onex_import_staging (exam_number TEXT NOT NULL, certificate_id \(unsafeRaw: uuidType) NOT NULL,
                  plan_id \(unsafeRaw: uuidType) NOT NULL, school_id \(unsafeRaw: uuidType) NOT NULL, exam_date TEXT NOT NULL,
                  id_hash TEXT NOT NULL, name_masked TEXT NOT NULL, attended INTEGER NOT NULL, passed INTEGER NOT NULL)
                """).run()
            do {
                let rowCount = try await stage(rows, schools: schools, certificates: certificates, plans: plans,
                                               organization: organization, hasher: hasher, on: sql, progress: progress)
                let summary = try await conn.transaction { tx in
                    try await commit(rows: rowCount, actor: actor, now: now, on: tx)
                }
                try await sql.raw("DROP TABLE onex_import_staging").run()
                await progress(rowCount)
                return summary
            } catch {
                try? await sql.raw("DROP TABLE IF EXISTS onex_import_staging").run()
                throw error
            }
        }
    }

    /// Checks every row and stages the good ones; throws with every bad line (up to
    /// `reportedErrors`) if any. Returns the number of data rows.
    private static func stage(_ rows: Rows, schools: [String: UUID], certificates: [String: (id: UUID, organization: String)],
                              plans: [PlanKey: UUID], organization: String?, hasher: IDHasher, on sql: any SQLDatabase,
                              progress: @Sendable (Int) async -> Void) async throws -> Int {
        guard let header = rows.next() else {
            throw AppError.invalid([FieldError(code: "empty", message: "文件为空", line: 1)], detail: "文件为空，未导入任何数据")
        }
        let columns: [String: Int]
        switch CandidateResult.header(header) {
        case .success(let c): columns = c
        case .failure(let e): throw AppError.invalid([e], detail: e.message)
        }
        var errors: [FieldError] = []
        var errorCount = 0
        var line = 1
        var rowCount = 0
        var batch: [Pending] = []
        while let row = rows.next() {
            line += 1
            if row.allSatisfy({ $0.trimmingCharacters(in: .whitespaces).isEmpty }) { continue }
            rowCount += 1
            var problems: [FieldError] = []
            switch CandidateResult.parse(row, columns: columns, line: line) {
            case .failure(let e): problems = e.errors
            case .success(let r):
                let school = schools[r.school]
                if school == nil { problems.append(rowError(line, "school", "院校代码“\(r.school)”不存在")) }
                let certificate = certificates[r.certificate]
                if certificate == nil {
                    problems.append(rowError(line, "certificate", "证书代码“\(r.certificate)”不存在"))
                } else if let organization, certificate?.organization != organization {
                    problems.append(rowError(line, "certificate", "证书“\(r.certificate)”不属于本机构"))
                }
                if let school, let certificate {
                    // HN-3: an unfinished plan of an earlier year carries over.
                    let plan = plans[PlanKey(school: school, certificate: certificate.id, level: r.level.rawValue, year: r.date.year)]
                        ?? plans[PlanKey(school: school, certificate: certificate.id, level: r.level.rawValue, year: r.date.year - 1)]
                    if let plan {
                        if problems.isEmpty && errorCount == 0 {
                            batch.append(Pending(result: r, school: school, certificate: certificate.id, plan: plan,
                                                 idHash: hasher.hash(r.idNumber)))
                        }
                    } else {
                        problems.append(rowError(line, "plan", "院校\(r.school)在\(r.date.year)年没有证书\(r.certificate)\(r.level.chinese)的考核计划"))
                    }
                }
            }
            if !problems.isEmpty {
                errorCount += problems.count
                if errors.count < reportedErrors { errors.append(contentsOf: problems.prefix(reportedErrors - errors.count)) }
                batch.removeAll(keepingCapacity: true)
            }
            // After the first error nothing more is staged; the rest is only checked.
            if batch.count >= batchSize {
                try await insert(batch, on: sql)
                batch.removeAll(keepingCapacity: true)
            }
            if rowCount % 2000 == 0 { await progress(rowCount) }
        }
        if errorCount > 0 {
            let more = errorCount > errors.count ? "（仅列出前\(errors.count)处）" : ""
            throw AppError.invalid(errors, detail: "文件有\(errorCount)处错误\(more)，未导入任何数据")
        }
        if rowCount == 0 {
            throw AppError.invalid([FieldError(code: "empty", message: "文件没有数据行", line: 2)], detail: "文件没有数据行，未导入任何数据")
        }
        if !batch.isEmpty { try await insert(batch, on: sql) }
        return rowCount
    }

    /// Moves the staged rows into `exam_candidates` (rows already there stay as they are) and
    /// brings the plans' totals, student coverage and the audit log up to date.
    private static func commit(rows: Int, actor: String, now: Date, on tx: any Database) async throws -> Summary {
        let sql = tx as! any SQLDatabase
        // `WHERE 1 = 1` tells SQLite's parser that ON CONFLICT belongs to the INSERT.
        let inserted = try await sql.raw("""
            INSERT INTO exam_candidates (exam_number, certificate_id, plan_id, school_id, exam_date, id_hash, name_masked, attended, passed)
            SELECT exam_number, certificate_id, plan_id, school_id, exam_date, id_hash, name_masked, attended, passed
            FROM onex_import_staging WHERE 1 = 1
            ON CONFLICT (exam_number, certificate_id) DO NOTHING RETURNING plan_id, school_id, exam_date
            """).all()
        var touchedPlans = Set<UUID>()
        var sessions = Set<String>()
        var schoolYears = Set<String>()
        for r in inserted {
            let plan = try r.decode(column: "plan_id", as: UUID.self)
            let date = try r.decode(column: "exam_date", as: String.self)
            touchedPlans.insert(plan)
            sessions.insert("\(plan)|\(date)")
            schoolYears.insert("\(try r.decode(column: "school_id", as: UUID.self))|\(date.prefix(4))")
        }
        try await PlanTotals.recomputeExams(planIDs: Array(touchedPlans), on: sql)
        try await StudentCoverage.recomputeExamined(schoolYears, on: sql)
        let summary = Summary(rows: rows, candidates: inserted.count, unchanged: rows - inserted.count, sessions: sessions.count)
        try await AuditWriter(tx).append(actor: actor, action: "import", entity: "exam_candidates",
                                         key: UUID().uuidString, before: nil as Summary?, after: summary, at: now)
        return summary
    }

    private static func rowError(_ line: Int, _ field: String, _ message: String) -> FieldError {
        FieldError(code: "invalid", message: "第\(line)行：\(message)", field: field, line: line)
    }

    private static func insert(_ batch: [Pending], on sql: any SQLDatabase) async throws {
        var q: SQLQueryString = """
            INSERT INTO onex_import_staging (exam_number, certificate_id, plan_id, school_id, exam_date, id_hash, name_masked,
              attended, passed) VALUES
            """
        for (i, p) in batch.enumerated() {
            let r = p.result
            q += """
                \(unsafeRaw: i == 0 ? "" : ",")(\(bind: r.examNumber), \(bind: p.certificate), \(bind: p.plan), \(bind: p.school), \
                \(bind: r.date.description), \(bind: p.idHash), \(bind: r.maskedName), \(bind: r.attended ? 1 : 0), \(bind: r.passed ? 1 : 0))
                """
        }
        try await sql.raw(q).run()
    }

    private static func codes(_ table: String, on sql: any SQLDatabase) async throws -> [String: UUID] {
        var out: [String: UUID] = [:]
        for r in try await sql.raw("SELECT id, code FROM \(ident: table)").all() {
            out[try r.decode(column: "code", as: String.self)] = try r.decode(column: "id", as: UUID.self)
        }
        return out
    }

    private static func certificateOwners(on sql: any SQLDatabase) async throws -> [String: (id: UUID, organization: String)] {
        var out: [String: (id: UUID, organization: String)] = [:]
        let rows = try await sql.raw("SELECT c.id, c.code, o.code AS org FROM certificates c JOIN organizations o ON o.id = c.organization_id").all()
        for r in rows {
            out[try r.decode(column: "code", as: String.self)] =
                (try r.decode(column: "id", as: UUID.self), try r.decode(column: "org", as: String.self))
        }
        return out
    }

    private static func planIndex(on sql: any SQLDatabase) async throws -> [PlanKey: UUID] {
        var out: [PlanKey: UUID] = [:]
        for r in try await sql.raw("SELECT id, school_id, certificate_id, level, year FROM plans").all() {
            let key = PlanKey(school: try r.decode(column: "school_id", as: UUID.self),
                              certificate: try r.decode(column: "certificate_id", as: UUID.self),
                              level: try r.decode(column: "level", as: String.self), year: try r.decode(column: "year", as: Int.self))
            out[key] = try r.decode(column: "id", as: UUID.self)
        }
        return out
    }
}
