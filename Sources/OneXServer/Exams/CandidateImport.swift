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
    static func run(_ rows: Rows, organization: String?, actor: String, now: Date, hasher: IDHasher, on db: any Database,
                    progress: @escaping @Sendable (Int) async -> Void = { _ in }) async throws -> Summary {
        try await db.transaction { tx in
            let sql = tx as! any SQLDatabase
            guard let header = rows.next() else {
                throw AppError.invalid([FieldError(code: "empty", message: "文件为空", line: 1)], detail: "文件为空，未导入任何数据")
            }
            let columns: [String: Int]
            switch CandidateResult.header(header) {
            case .success(let c): columns = c
            case .failure(let e): throw AppError.invalid([e], detail: e.message)
            }
            let schools = try await codes("schools", on: sql)
            let certificates = try await certificateOwners(on: sql)
            let plans = try await planIndex(on: sql)

            var errors: [FieldError] = []
            var errorCount = 0
            var line = 1
            var rowCount = 0
            var batch: [Pending] = []
            var inserted = 0
            var touchedPlans = Set<UUID>()
            var sessions = Set<String>()
            var schoolYears = Set<String>()

            func flush() async throws {
                guard !batch.isEmpty else { return }
                for r in try await insert(batch, on: sql) {
                    inserted += 1
                    touchedPlans.insert(r.plan)
                    sessions.insert("\(r.plan)|\(r.date)")
                    schoolYears.insert("\(r.school)|\(r.date.prefix(4))")
                }
                batch.removeAll(keepingCapacity: true)
            }

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
                            if problems.isEmpty {
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
                // After the first error nothing more is written; the rest is only checked.
                if batch.count >= batchSize && errorCount == 0 { try await flush() }
                if rowCount % 2000 == 0 { await progress(rowCount) }
            }
            if errorCount == 0 { try await flush() }
            if errorCount > 0 {
                let more = errorCount > errors.count ? "（仅列出前\(errors.count)处）" : ""
                throw AppError.invalid(errors, detail: "文件有\(errorCount)处错误\(more)，未导入任何数据")
            }
            if rowCount == 0 {
                throw AppError.invalid([FieldError(code: "empty", message: "文件没有数据行", line: 2)], detail: "文件没有数据行，未导入任何数据")
            }
            try await PlanTotals.recomputeExams(planIDs: Array(touchedPlans), on: sql)
            try await StudentCoverage.recomputeExamined(schoolYears, on: sql)
            let summary = Summary(rows: rowCount, candidates: inserted, unchanged: rowCount - inserted, sessions: sessions.count)
            try await AuditWriter(tx).append(actor: actor, action: "import", entity: "exam_candidates",
                                             key: UUID().uuidString, before: nil as Summary?, after: summary, at: now)
            await progress(rowCount)
            return summary
        }
    }

    private static func rowError(_ line: Int, _ field: String, _ message: String) -> FieldError {
        FieldError(code: "invalid", message: "第\(line)行：\(message)", field: field, line: line)
    }

    private struct Inserted {
        var plan: UUID
        var school: UUID
        var date: String
    }

    private static func insert(_ batch: [Pending], on sql: any SQLDatabase) async throws -> [Inserted] {
        var q: SQLQueryString = """
            INSERT INTO exam_candidates (exam_number, certificate_id, plan_id, school_id, exam_date, id_hash, name_masked,
              attended, passed) VALUES
            """
        for (i, p) in batch.enumerated() {
            let r = p.result
            q += """
                \(unsafeRaw: i == 0 ? "" : ",")(\(bind: r.examNumber), \(bind: p.certificate), \(bind: p.plan), \(bind: p.school), \
                \(bind: r.date.description), \(bind: p.idHash), \(bind: r.maskedName), \(bind: r.attended ? 1 : 0), \(bind: r.passed ? 1 : 0))
                """
        }
        q += " ON CONFLICT (exam_number, certificate_id) DO NOTHING RETURNING plan_id, school_id, exam_date"
        return try await sql.raw(q).all().map {
            Inserted(plan: try $0.decode(column: "plan_id", as: UUID.self), school: try $0.decode(column: "school_id", as: UUID.self),
                     date: try $0.decode(column: "exam_date", as: String.self))
        }
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
