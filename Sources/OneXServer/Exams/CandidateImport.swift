import Fluent
import Foundation
import OneXDomain
import SQLKit
import Vapor

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
        init<S: Sequence>(_ rows: S) where S.Element == [String] {
            iterator = AnyIterator(rows.makeIterator())
        }
        func next() -> [String]? { iterator.next() }
    }

    /// Enough to work through in a spreadsheet; a file with more is wrong throughout.
    static let reportedErrors = 2_000
    private static let batchSize = 500

    /// An id with its text form, made once per school, certificate and plan: `uuidString` goes
    /// through `sprintf`, which per row cost more than hashing the ID number.
    private struct RowID: Hashable {
        let uuid: UUID
        let text: String

        init(_ uuid: UUID) {
            self.uuid = uuid
            text = uuid.uuidString
        }

        static func == (a: RowID, b: RowID) -> Bool { a.uuid == b.uuid }
        func hash(into hasher: inout Hasher) { hasher.combine(uuid) }
    }

    private struct PlanKey: Hashable {
        var school: RowID
        var certificate: RowID
        var level: String
        var year: Int
    }

    private struct Pending {
        var line: Int
        var result: CandidateResult
        var school: RowID
        var certificate: RowID
        var plan: RowID?
        var idHash: String
    }

    /// `organization`: when an organisation imports, only its own certificates are accepted.
    ///
    /// Rows are checked and staged in a temporary table of the import's own connection, which
    /// holds no lock on the shared tables; only the final `INSERT … SELECT` from the staging
    /// table, the plans' totals and the audit entry run in a transaction. A long file therefore
    /// never keeps other users waiting on SQLite's single writer.
    /// `confirmOverPlan`: the province office has confirmed registrations beyond a plan's
    /// tolerance (see `ImportOverPlan`).
    static func run(
        _ rows: Rows, organization: String?, actor: String, confirmOverPlan: Bool = false, now: Date,
        hasher: IDHasher, on db: any Database, logger: Logger? = nil,
        progress: @escaping @Sendable (Int) async -> Void = { _ in }
    ) async throws -> Summary {
        let started = Date()
        do {
            let summary = try await importRows(
                rows, organization: organization, actor: actor, confirmOverPlan: confirmOverPlan,
                now: now, hasher: hasher, on: db,
                logger: logger, progress: progress)
            Metrics.shared.importFinished(
                rows: summary.rows, seconds: Date().timeIntervalSince(started), failed: false)
            return summary
        } catch {
            Metrics.shared.importFinished(rows: 0, seconds: Date().timeIntervalSince(started), failed: true)
            throw error
        }
    }

    private static func importRows(
        _ rows: Rows, organization: String?, actor: String, confirmOverPlan: Bool, now: Date,
        hasher: IDHasher,
        on db: any Database, logger: Logger?,
        progress: @escaping @Sendable (Int) async -> Void
    ) async throws -> Summary {
        try await db.withConnection { conn in
            let sql = try conn.sql()
            var phases = PhaseLog()
            let schools = try await codes("schools", on: sql)
            let certificates = try await certificateOwners(on: sql)
            let isSQLite = sql.dialect.name == "sqlite"
            let uuidType = isSQLite ? "TEXT" : "UUID"
            // Inserting a million rows into indexes of millions is page-cache bound: give this
            // connection 128 MiB while it imports (a fixed ceiling, not growing with the file).
            if isSQLite { try await sql.raw("PRAGMA cache_size = -131072").run() }
            try await sql.raw("DROP TABLE IF EXISTS onex_import_staging").run()
            try await sql.raw("DROP TABLE IF EXISTS onex_import_sessions").run()
            try await sql.raw(
                """
                CREATE TEMPORARY TABLE onex_import_staging (line INTEGER NOT NULL, exam_number TEXT NOT NULL, certificate_id \(unsafeRaw: uuidType) NOT NULL,
                  plan_id \(unsafeRaw: uuidType) NOT NULL, school_id \(unsafeRaw: uuidType) NOT NULL, exam_date TEXT NOT NULL,
                  id_hash TEXT NOT NULL, name_masked TEXT NOT NULL, attended INTEGER NOT NULL, passed INTEGER NOT NULL)
                """
            ).run()
            let outcome: Result<Summary, any Error>
            do {
                phases.done("codes loaded")
                let rowCount = try await stage(
                    rows, schools: schools, certificates: certificates,
                    organization: organization, hasher: hasher, on: sql, progress: progress)
                phases.done("checked and staged")
                // Not `conn.transaction`: Fluent's PostgreSQL driver takes a connection from
                // `withConnection` to be in a transaction already and would not begin one.
                try await WriteTransaction.begin(on: sql)
                let summary: Summary
                do {
                    summary = try await commit(
                        rows: rowCount, actor: actor, confirmOverPlan: confirmOverPlan, now: now,
                        on: conn, phases: &phases)
                    try await sql.raw("COMMIT").run()
                } catch {
                    try? await sql.raw("ROLLBACK").run()
                    throw error
                }
                phases.done("committed")
                logger?.info("candidate import: \(rowCount) rows; \(phases.line)")
                await progress(rowCount)
                outcome = .success(summary)
            } catch {
                outcome = .failure(error)
            }
            // The pooled connection goes back as it came, whatever happened.
            try? await sql.raw("DROP TABLE IF EXISTS onex_import_staging").run()
            try? await sql.raw("DROP TABLE IF EXISTS onex_import_sessions").run()
            if isSQLite { try? await sql.raw("PRAGMA cache_size = -2000").run() }
            return try outcome.get()
        }
    }

    /// Checks every row and stages the good ones; throws with every bad line (up to
    /// `reportedErrors`) if any. Returns the number of data rows.
    private static func stage(
        _ rows: Rows, schools: [String: RowID], certificates: [String: (id: RowID, organization: String)],
        organization: String?, hasher: IDHasher, on sql: any SQLDatabase,
        progress: @Sendable (Int) async -> Void
    ) async throws -> Int {
        guard let header = rows.next() else {
            throw AppError.invalid(
                [FieldError(code: "empty", UIText(zh: "文件为空", en: "The file is empty"), line: 1)],
                detail: "文件为空，未导入任何数据")
        }
        let columns: [String: Int]
        switch CandidateResult.header(header) {
        case .success(let c): columns = c
        case .failure(let e): throw AppError.invalid([e], detail: e.message)
        }
        var errors = ErrorList()
        var plans = PlanResolver()
        var line = 1
        var rowCount = 0
        var batch: [Pending] = []
        // Plans are looked up a batch at a time; after the first error nothing more is staged
        // and the rest is only checked. A batch is written while the next one is read and
        // checked; the connection still runs one statement at a time.
        var writing: Task<Void, any Error>?
        func flush() async throws {
            try await writing?.value
            writing = nil
            let staged = try await plans.resolve(batch, on: sql, errors: &errors)
            if errors.count == 0 { writing = Task { try await insert(staged, on: sql) } }
            batch.removeAll(keepingCapacity: true)
        }
        do {
            while let row = rows.next() {
                line += 1
                if row.allSatisfy({ $0.trimmingSpaces.isEmpty }) { continue }
                rowCount += 1
                switch CandidateResult.parse(row, columns: columns, line: line) {
                case .failure(let e): errors.add(e.errors)
                case .success(let r):
                    var problems: [FieldError] = []
                    let school = schools[r.school]
                    if school == nil {
                        problems.append(
                            rowError(
                                line, "school",
                                UIText(
                                    zh: "院校代码“\(QuotedCell.text(r.school))”不存在",
                                    en: "No school has the code “\(QuotedCell.text(r.school))”")))
                    }
                    let certificate = certificates[r.certificate]
                    if certificate == nil {
                        problems.append(
                            rowError(
                                line, "certificate",
                                UIText(
                                    zh: "证书代码“\(QuotedCell.text(r.certificate))”不存在",
                                    en: "No certificate has the code “\(QuotedCell.text(r.certificate))”")))
                    } else if let organization, certificate?.organization != organization {
                        problems.append(
                            rowError(
                                line, "certificate",
                                UIText(
                                    zh: "证书“\(QuotedCell.text(r.certificate))”不属于本机构",
                                    en:
                                        "Certificate “\(QuotedCell.text(r.certificate))” is not your organisation's"
                                )))
                    }
                    if let school, let certificate, problems.isEmpty {
                        batch.append(
                            Pending(
                                line: line, result: r, school: school, certificate: certificate.id, plan: nil,
                                idHash: errors.count == 0 ? hasher.hash(r.idNumber) : ""))
                    } else {
                        errors.add(problems)
                    }
                }
                if batch.count >= batchSize { try await flush() }
                if rowCount % 2000 == 0 { await progress(rowCount) }
            }
            if !batch.isEmpty { try await flush() }
            try await writing?.value
        } catch {
            // Nothing may still be writing when the caller drops the staging table.
            _ = try? await writing?.value
            throw error
        }
        if errors.count > 0 {
            let listed = errors.listed
            let more = errors.count > listed.count ? "（仅列出前\(listed.count)处）" : ""
            throw AppError.invalid(listed, detail: "文件有\(errors.count)处错误\(more)，未导入任何数据")
        }
        if rowCount == 0 {
            throw AppError.invalid(
                [FieldError(code: "empty", UIText(zh: "文件没有数据行", en: "The file has no data rows"), line: 2)],
                detail: "文件没有数据行，未导入任何数据")
        }
        return rowCount
    }

    /// Every error is counted; the first `reportedErrors` by line are listed.
    private struct ErrorList {
        private(set) var count = 0
        private var kept: [FieldError] = []

        mutating func add(_ more: [FieldError]) {
            count += more.count
            kept.append(contentsOf: more)
            if kept.count > 4 * reportedErrors { trim() }
        }

        var listed: [FieldError] {
            var copy = self
            copy.trim()
            return copy.kept
        }

        private mutating func trim() {
            kept.sort { ($0.line ?? 0) < ($1.line ?? 0) }
            kept = Array(kept.prefix(reportedErrors))
        }
    }

    /// Finds each row's plan, asking the database once per batch for the plans not seen yet:
    /// a file touches a small part of a national database's plans, and loading them all costs
    /// more than the whole import of a usual file.
    private struct PlanResolver {
        private var known: [PlanKey: RowID?] = [:]
        /// Earlier years' plans that carry over: active and not yet completed (HN-3).
        private var carried: [PlanKey: RowID?] = [:]

        /// The batch's rows with their plans; a row without one becomes an error.
        mutating func resolve(_ batch: [Pending], on sql: any SQLDatabase, errors: inout ErrorList)
            async throws -> [Pending]
        {
            func key(_ p: Pending, yearsBack: Int) -> PlanKey {
                PlanKey(
                    school: p.school, certificate: p.certificate, level: p.result.level.rawValue,
                    year: p.result.date.year - yearsBack)
            }
            try await Self.load(
                batch.map { key($0, yearsBack: 0) }, into: &known, carryingOver: false, on: sql)
            // HN-3: only an active, unfinished plan of the year before carries over; an exited or
            // completed one does not, and the row then has no plan.
            try await Self.load(
                batch.filter { (known[key($0, yearsBack: 0)] ?? nil) == nil }.map { key($0, yearsBack: 1) },
                into: &carried, carryingOver: true, on: sql)
            var found: [Pending] = []
            found.reserveCapacity(batch.count)
            for var p in batch {
                if let plan = (known[key(p, yearsBack: 0)] ?? nil) ?? (carried[key(p, yearsBack: 1)] ?? nil) {
                    p.plan = plan
                    found.append(p)
                } else {
                    let r = p.result
                    errors.add([
                        rowError(
                            p.line, "plan",
                            UIText(
                                zh:
                                    "院校\(r.school)在\(r.date.year)年没有证书\(r.certificate)\(r.level.chinese)的考核计划，上一年度也没有可沿用的未完成计划",
                                en:
                                    "School \(r.school) has no \(r.date.year) plan for \(r.certificate) \(r.level.english), nor an unfinished one from the year before"
                            ))
                    ])
                }
            }
            return found
        }

        /// Static: a method of `self` called with `&known` would hold a copy of `self`, and
        /// every batch would copy the whole cache (quadratic in the plans a file touches).
        private static func load(
            _ keys: [PlanKey], into cache: inout [PlanKey: RowID?], carryingOver: Bool,
            on sql: any SQLDatabase
        ) async throws {
            let missing = Array(Set(keys.filter { cache[$0] == nil }))
            var start = 0
            while start < missing.count {
                let chunk = missing[start..<min(missing.count, start + 100)]
                start += 100
                var q: SQLQueryString = "SELECT id, school_id, certificate_id, level, year FROM plans WHERE ("
                for (i, k) in chunk.enumerated() {
                    q += """
                        \(unsafeRaw: i == 0 ? "" : " OR ")(school_id = \(bind: k.school.uuid) AND certificate_id = \(bind: k.certificate.uuid) \
                        AND level = \(bind: k.level) AND year = \(bind: k.year))
                        """
                }
                q += ")"
                if carryingOver { q += " AND status = 'active' AND exam_attended < count" }
                for k in chunk { cache[k] = .some(nil) }
                for r in try await sql.raw(q).all() {
                    let k = PlanKey(
                        school: RowID(try r.decode(column: "school_id", as: UUID.self)),
                        certificate: RowID(try r.decode(column: "certificate_id", as: UUID.self)),
                        level: try r.decode(column: "level", as: String.self),
                        year: try r.decode(column: "year", as: Int.self))
                    cache[k] = .some(RowID(try r.decode(column: "id", as: UUID.self)))
                }
            }
        }
    }

    /// Moves the staged rows into `exam_candidates` (rows already there stay as they are) and
    /// brings the plans' totals, sessions, student coverage and the audit log up to date.
    /// Everything is set-based over the staging table, so nothing here holds a row per
    /// candidate in memory.
    private static func commit(
        rows: Int, actor: String, confirmOverPlan: Bool, now: Date, on tx: any Database,
        phases: inout PhaseLog
    ) async throws -> Summary {
        let sql = try tx.sql()
        if sql.dialect.name == "postgresql" {
            // Imports commit one at a time (SQLite's `BEGIN IMMEDIATE` does the same), so the
            // statement below sees every row an overlapping import stored, and those rows are
            // not counted again in this import's totals.
            try await sql.raw("SELECT pg_advisory_xact_lock(7215002, hashtext(current_schema()))").run()
        }
        // What is already stored is not new: leaving it out of the staging table makes the
        // sessions, totals and coverage below exactly those of the new rows.
        try await sql.raw(
            """
            DELETE FROM onex_import_staging WHERE EXISTS (SELECT 1 FROM exam_candidates e
              WHERE e.exam_number = onex_import_staging.exam_number AND e.certificate_id = onex_import_staging.certificate_id)
            """
        ).run()
        let staged = try await count("SELECT COUNT(*) AS n FROM onex_import_staging", on: sql)
        phases.done("stored rows left out")
        // `WHERE 1 = 1` tells SQLite's parser that ON CONFLICT belongs to the INSERT; the
        // conflict left is a row repeated within the file, kept once. In plan order, the
        // inserts into the plan index touch each of its pages once.
        let insert: SQLQueryString = """
            INSERT INTO exam_candidates (exam_number, certificate_id, plan_id, school_id, exam_date, id_hash, name_masked, attended, passed)
            SELECT exam_number, certificate_id, plan_id, school_id, exam_date, id_hash, name_masked, attended, passed
            FROM onex_import_staging WHERE 1 = 1 ORDER BY plan_id, exam_date, line
            ON CONFLICT (exam_number, certificate_id) DO NOTHING
            """
        let inserted: Int
        if sql.dialect.name == "sqlite" {
            try await sql.raw(insert).run()
            inserted = try await count("SELECT changes() AS n", on: sql)
        } else {
            inserted = try await count(
                "WITH added AS (\(insert) RETURNING 1) SELECT COUNT(*) AS n FROM added", on: sql)
        }
        if inserted < staged { try await keepStoredOnly(on: sql) }
        phases.done("new rows")
        // The staging table now holds exactly the rows stored. They are grouped by session once;
        // the plans' totals, the sessions and the summary all grow from the groups.
        try await sql.raw(
            """
            CREATE TEMPORARY TABLE onex_import_sessions AS
            SELECT plan_id, exam_date, COUNT(*) AS registered, SUM(attended) AS attended, SUM(passed) AS passed
            FROM onex_import_staging GROUP BY plan_id, exam_date
            """
        ).run()
        try await ImportOverPlan.check(confirmed: confirmOverPlan, actor: actor, now: now, on: tx)
        phases.done("plans checked")
        try await PlanTotals.addSessions(from: "onex_import_sessions", on: sql)
        phases.done("totals")
        try await CandidateSessions.add(from: "onex_import_sessions", on: sql)
        phases.done("sessions")
        var schoolYears = Set<String>()
        for r in try await sql.raw(
            "SELECT DISTINCT school_id, substr(exam_date, 1, 4) AS year FROM onex_import_staging"
        ).all() {
            schoolYears.insert(
                "\(try r.decode(column: "school_id", as: UUID.self))|\(try r.decode(column: "year", as: String.self))"
            )
        }
        try await StudentCoverage.recomputeExamined(schoolYears, on: sql)
        phases.done("coverage")
        let sessions = try await count("SELECT COUNT(*) AS n FROM onex_import_sessions", on: sql)
        let summary = Summary(
            rows: rows, candidates: inserted, unchanged: rows - inserted, sessions: sessions)
        try await AuditWriter(tx).append(
            actor: actor, action: "import", entity: "exam_candidates",
            key: UUID().uuidString, before: nil as Summary?, after: summary, at: now)
        return summary
    }

    /// A row repeated within the file was stored once. Copies that differ (another day, result
    /// or student under the same exam number) make the file ambiguous: it is refused with their
    /// lines, like any bad row. Identical copies are harmless: the staging table keeps one of
    /// each, so it holds exactly the rows stored.
    private static func keepStoredOnly(on sql: any SQLDatabase) async throws {
        let conflicts = try await sql.raw(
            """
            SELECT exam_number, MIN(line) AS first_line, MAX(line) AS last_line FROM onex_import_staging
            GROUP BY exam_number, certificate_id
            HAVING COUNT(DISTINCT plan_id) > 1 OR COUNT(DISTINCT exam_date) > 1 OR COUNT(DISTINCT id_hash) > 1
              OR COUNT(DISTINCT attended) > 1 OR COUNT(DISTINCT passed) > 1
            ORDER BY MAX(line) LIMIT \(bind: reportedErrors + 1)
            """
        ).all()
        if !conflicts.isEmpty {
            var errors: [FieldError] = []
            for r in conflicts.prefix(reportedErrors) {
                let line = try r.decode(column: "last_line", as: Int.self)
                let number = QuotedCell.text(try r.decode(column: "exam_number", as: String.self))
                let first = try r.decode(column: "first_line", as: Int.self)
                errors.append(
                    rowError(
                        line, "examNumber",
                        UIText(
                            zh: "准考证号“\(number)”与第\(first)行重复，但考核日期、成绩或身份证号不同",
                            en:
                                "Exam number “\(number)” repeats line \(first) with another date, result or ID number"
                        )))
            }
            let more = conflicts.count > reportedErrors ? "（仅列出前\(reportedErrors)处）" : ""
            throw AppError.invalid(errors, detail: "文件中有准考证号重复且内容不同\(more)，未导入任何数据")
        }
        try await sql.raw(
            """
            DELETE FROM onex_import_staging WHERE line NOT IN (SELECT MIN(line) FROM onex_import_staging
              GROUP BY exam_number, certificate_id)
            """
        ).run()
    }

    private static func count(_ query: SQLQueryString, on sql: any SQLDatabase) async throws -> Int {
        try await sql.raw(query).first()?.decode(column: "n", as: Int.self) ?? 0
    }

    private static func rowError(_ line: Int, _ field: String, _ text: UIText) -> FieldError {
        FieldError(code: "invalid", text, field: field).onLine(line)
    }

    private static func insert(_ batch: [Pending], on sql: any SQLDatabase) async throws {
        var rows = JSONRows(reserving: batch.count * 220)
        for p in batch {
            let r = p.result
            rows.startRow()
            rows.add(p.line)
            rows.add(r.examNumber)
            rows.add(p.certificate.text)
            rows.add(p.plan?.text ?? "")
            rows.add(p.school.text)
            rows.add(r.date.description)
            rows.add(p.idHash)
            rows.add(r.maskedName)
            rows.add(r.attended)
            rows.add(r.passed)
            rows.endRow()
        }
        let columns =
            "line, exam_number, certificate_id, plan_id, school_id, exam_date, id_hash, name_masked, attended, passed"
        if sql.dialect.name == "sqlite" {
            try await sql.raw(
                """
                INSERT INTO onex_import_staging (\(unsafeRaw: columns))
                SELECT value ->> 0, value ->> 1, value ->> 2, value ->> 3, value ->> 4, value ->> 5, value ->> 6, value ->> 7,
                  value ->> 8, value ->> 9
                FROM jsonb_each(\(bind: rows.text))
                """
            ).run()
        } else {
            try await sql.raw(
                """
                INSERT INTO onex_import_staging (\(unsafeRaw: columns))
                SELECT (e ->> 0)::int, e ->> 1, (e ->> 2)::uuid, (e ->> 3)::uuid, (e ->> 4)::uuid, e ->> 5, e ->> 6, e ->> 7,
                  (e ->> 8)::int, (e ->> 9)::int
                FROM json_array_elements(\(bind: rows.text)::json) e
                """
            ).run()
        }
    }

    private static func codes(_ table: String, on sql: any SQLDatabase) async throws -> [String: RowID] {
        var out: [String: RowID] = [:]
        for r in try await sql.raw("SELECT id, code FROM \(ident: table)").all() {
            out[try r.decode(column: "code", as: String.self)] = RowID(
                try r.decode(column: "id", as: UUID.self))
        }
        return out
    }

    private static func certificateOwners(on sql: any SQLDatabase) async throws -> [String: (
        id: RowID, organization: String
    )] {
        var out: [String: (id: RowID, organization: String)] = [:]
        let rows = try await sql.raw(
            "SELECT c.id, c.code, o.code AS org FROM certificates c JOIN organizations o ON o.id = c.organization_id"
        ).all()
        for r in rows {
            out[try r.decode(column: "code", as: String.self)] =
                (
                    RowID(try r.decode(column: "id", as: UUID.self)),
                    try r.decode(column: "org", as: String.self)
                )
        }
        return out
    }
}
