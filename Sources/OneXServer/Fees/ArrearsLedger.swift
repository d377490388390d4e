import Fluent
import Foundation
import OneXDomain
import SQLKit

/// Keeps `arrears_pairs` true (M038): recomputes the schools the database marked, those whose
/// ageing has moved on since it was computed, and all of them when the settlement deadline
/// changed. Readers call `refresh` for the schools they are about to read, the scheduler for
/// all of them every minute, so a page seldom waits for more than what changed since.
enum ArrearsLedger {
    /// Schools recomputed in one transaction: short enough that writers barely wait.
    static let chunk = 50
    static let pauseBetweenChunks = Duration.milliseconds(150)

    /// Which schools a reader is about to read (an organisation's view spans every school).
    enum Schools: Sendable {
        case all
        case region(String)
        case school(String)
    }

    static func schools(for scope: RecordScope, school: String?, region: String?) -> Schools {
        if let school { return .school(school) }
        if case .school(let code) = scope { return .school(code) }
        if let region { return .region(region) }
        if case .region(let code) = scope { return .region(code) }
        return .all
    }

    /// Brings the figures of `schools` up to date for `today` under `deadline`; returns how many
    /// schools it recomputed.
    @discardableResult
    static func refresh(_ schools: Schools, today: LocalDate, deadline: LocalDate?, on db: any Database)
        async throws
        -> Int
    {
        let sql = try db.sql()
        try await adopt(deadline: deadline, on: db)
        var condition: SQLQueryString = "1 = 1"
        switch schools {
        case .all: break
        case .region(let code): condition = "r.code = \(bind: code)"
        case .school(let code): condition = "s.code = \(bind: code)"
        }
        let day = today.description
        // Most reads find nothing stale: the earliest expiry and the latest computation day are
        // one index lookup each, and only when one of them is off are the pairs searched.
        let bounds = try await sql.raw(
            """
            SELECT (SELECT MIN(good_until) FROM arrears_pairs) AS expiry, (SELECT MAX(good_from) FROM arrears_pairs) AS latest,
              (SELECT COUNT(*) FROM (SELECT 1 FROM arrears_marks LIMIT 1) m) AS marked
            """
        ).first()
        let expiry = try bounds?.decode(column: "expiry", as: String?.self)
        let latest = try bounds?.decode(column: "latest", as: String?.self)
        let marked = try bounds?.decode(column: "marked", as: Int.self) ?? 0
        let aged = expiry.map { $0 < day } ?? false || latest.map { $0 > day } ?? false
        guard marked > 0 || aged else { return 0 }
        let agedPairs: SQLQueryString =
            aged
            ? """
            UNION SELECT school_id FROM arrears_pairs WHERE good_until < \(bind: day)
            UNION SELECT school_id FROM arrears_pairs WHERE good_from > \(bind: day)
            """ : ""
        let stale = try await sql.raw(
            """
            SELECT DISTINCT x.school_id FROM (SELECT school_id FROM arrears_marks \(agedPairs)) x
            JOIN schools s ON s.id = x.school_id JOIN regions r ON r.id = s.region_id
            WHERE \(condition)
            """
        ).all().map { try $0.decode(column: "school_id", as: UUID.self) }
        var done = 0
        while done < stale.count {
            // A shutting-down scheduler stops between transactions; the rest stays marked.
            try Task.checkCancellation()
            let ids = Array(stale[done..<min(done + chunk, stale.count)])
            try await db.writeTransaction { tx in try await recompute(ids, today: today, on: tx) }
            done += ids.count
            // A writer waiting for SQLite's lock retries at most every 100 ms: without a pause it
            // would find the next chunk holding it, chunk after chunk, until its wait ran out.
            if done < stale.count { try await Task.sleep(for: pauseBetweenChunks) }
        }
        return stale.count
    }

    /// A new settlement deadline changes what is overdue everywhere: every school with figures
    /// is marked, in the same transaction that records the deadline they will be computed with.
    static func adopt(deadline: LocalDate?, on db: any Database) async throws {
        let wanted = deadline?.description ?? ""
        let sql = try db.sql()
        let kept = try await sql.raw("SELECT deadline FROM arrears_state WHERE id = 1").first()?.decode(
            column: "deadline", as: String.self)
        guard kept != wanted else { return }
        try await db.writeTransaction { tx in
            let sql = try tx.sql()
            try await sql.raw(
                "INSERT INTO arrears_marks (school_id) SELECT DISTINCT school_id FROM arrears_pairs"
            ).run()
            try await sql.raw("UPDATE arrears_state SET deadline = \(bind: wanted) WHERE id = 1").run()
        }
    }

    /// Recomputes those of `ids` still marked or aged, inside the caller's write transaction.
    /// The marks are taken first: a write committed after that leaves a new mark, so the school
    /// is recomputed again.
    static func recompute(_ ids: [UUID], today: LocalDate, on db: any Database) async throws {
        let sql = try db.sql()
        if sql.dialect.name == "postgresql" {
            // One recomputation at a time: a later one never has its figures overwritten by an
            // earlier one that read less.
            try await sql.raw("SELECT pg_advisory_xact_lock(7215003, hashtext(current_schema()))").run()
        }
        let chosen: SQLQueryString = "\(binds: ids.map { $0 as any Encodable & Sendable })"
        // Another refresh may have done some of them since they were chosen.
        let marked = try await sql.raw(
            "DELETE FROM arrears_marks WHERE school_id IN (\(chosen)) RETURNING school_id"
        )
        .all().map { try $0.decode(column: "school_id", as: UUID.self) }
        let day = today.description
        let aged = try await sql.raw(
            """
            SELECT DISTINCT school_id FROM arrears_pairs
            WHERE school_id IN (\(chosen)) AND (good_until < \(bind: day) OR good_from > \(bind: day))
            """
        ).all().map { try $0.decode(column: "school_id", as: UUID.self) }
        let stale = Set(marked).union(aged)
        guard !stale.isEmpty else { return }
        let list: SQLQueryString = "\(binds: stale.map { $0 as any Encodable & Sendable })"
        let kept = try await sql.raw("SELECT deadline FROM arrears_state WHERE id = 1").first()
        let deadline = try kept.map { try $0.decode(column: "deadline", as: String.self) }.flatMap {
            LocalDate($0)
        }
        let pairs = try await compute(list, today: today, deadline: deadline, on: sql)
        try await sql.raw("DELETE FROM arrears_pairs WHERE school_id IN (\(list))").run()
        let columns =
            "school_id, organization_id, region_id, payable, unpriced, paid, confirmed, age0, age1, age2, age3, overdue, certificates, good_from, good_until"
        let forever = LocalDate(year: 2999, month: 12, day: 31)
        for start in stride(from: 0, to: pairs.count, by: 500) {
            var insert: SQLQueryString = "INSERT INTO arrears_pairs (\(unsafeRaw: columns)) VALUES "
            for (n, p) in pairs[start..<min(start + 500, pairs.count)].enumerated() {
                let certificates = String(
                    decoding: try JSONEncoder().encode(p.certificates.sorted()), as: UTF8.self)
                let values: [any Encodable & Sendable] = [
                    p.school, p.organization, p.region, p.payable, p.unpriced, p.paid, p.confirmed,
                    p.ageing.buckets[0], p.ageing.buckets[1], p.ageing.buckets[2], p.ageing.buckets[3],
                    p.ageing.overdue, certificates, today.description, (p.goodUntil ?? forever).description,
                ]
                insert += "\(unsafeRaw: n == 0 ? "" : ",")(\(binds: values))"
            }
            try await sql.raw(insert).run()
        }
    }

    struct Pair {
        var school: UUID
        var organization: UUID
        var region: UUID
        var days: [(day: LocalDate, amount: Int)] = []
        var payable = 0
        var unpriced = 0
        var paid = 0
        var confirmed = 0
        var certificates: [String] = []
        var ageing = ArrearsAgeing(buckets: [0, 0, 0, 0], overdue: 0)
        var goodUntil: LocalDate?

        mutating func add(_ day: LocalDate, _ payable: Int, _ unpriced: Int) {
            days.append((day, payable))
            self.payable = self.payable.clampedAdding(payable)
            self.unpriced = self.unpriced.clampedAdding(unpriced)
        }
    }

    struct Key: Hashable {
        var school: UUID
        var organization: UUID
        var region: UUID
    }

    /// Each exam day's attended candidates priced by the standard in force that day (the last
    /// published version effective on or before it, looked up once per certificate level and
    /// day; days are YYYY-MM-DD text, so they compare as days on both databases), summed per
    /// school, organisation and day; the money per school and organisation; the certificates
    /// examined. The ageing is `ArrearsAgeing`'s.
    static func compute(
        _ list: SQLQueryString, today: LocalDate, deadline: LocalDate?, on sql: any SQLDatabase
    )
        async throws -> [Pair]
    {
        let days = try await sql.raw(
            """
            WITH planned AS (
              SELECT p.school_id, c.organization_id, s.region_id, p.certificate_id, p.level, e.date AS d, e.attended
              FROM plans p JOIN schools s ON s.id = p.school_id JOIN certificates c ON c.id = p.certificate_id
              JOIN exams e ON e.plan_id = p.id
              WHERE p.school_id IN (\(list))
              UNION ALL
              SELECT p.school_id, c.organization_id, s.region_id, p.certificate_id, p.level, k.exam_date AS d, k.attended
              FROM plans p JOIN schools s ON s.id = p.school_id JOIN certificates c ON c.id = p.certificate_id
              JOIN candidate_sessions k ON k.plan_id = p.id
              WHERE p.school_id IN (\(list))
            ),
            prices AS (
              SELECT x.certificate_id, x.level, x.d,
                (SELECT COALESCE(f.verified_amount, f.amount) FROM fee_standards f
                 WHERE f.certificate_id = x.certificate_id AND f.level = x.level AND f.status = 'published'
                   AND f.effective_from <= x.d
                 ORDER BY f.effective_from DESC LIMIT 1) AS fee
              FROM (SELECT DISTINCT certificate_id, level, d FROM planned) x
            )
            SELECT pl.school_id, pl.organization_id, pl.region_id, pl.d,
              CAST(SUM(pl.attended * COALESCE(pr.fee, 0)) AS BIGINT) AS payable,
              CAST(SUM(CASE WHEN pr.fee IS NULL THEN pl.attended ELSE 0 END) AS BIGINT) AS unpriced
            FROM planned pl JOIN prices pr ON pr.certificate_id = pl.certificate_id AND pr.level = pl.level AND pr.d = pl.d
            GROUP BY pl.school_id, pl.organization_id, pl.region_id, pl.d
            """
        ).all()
        let money = try await sql.raw(
            """
            SELECT y.school_id, y.organization_id, s.region_id,
              CAST(SUM(CASE WHEN y.status <> 'disputed' THEN y.amount ELSE 0 END) AS BIGINT) AS paid,
              CAST(SUM(CASE WHEN y.status = 'confirmed' THEN y.amount ELSE 0 END) AS BIGINT) AS confirmed
            FROM payments y JOIN schools s ON s.id = y.school_id
            WHERE y.school_id IN (\(list)) GROUP BY y.school_id, y.organization_id, s.region_id
            """
        ).all()
        // The certificates behind each pair: those its plans have exams of.
        let named = try await sql.raw(
            """
            SELECT DISTINCT p.school_id, c.organization_id, s.region_id, c.name
            FROM plans p JOIN schools s ON s.id = p.school_id JOIN certificates c ON c.id = p.certificate_id
            WHERE p.exam_registered > 0 AND p.school_id IN (\(list))
            """
        ).all()
        var pairs: [Key: Pair] = [:]
        func key(_ r: any SQLRow) throws -> Key {
            Key(
                school: try r.decode(column: "school_id", as: UUID.self),
                organization: try r.decode(column: "organization_id", as: UUID.self),
                region: try r.decode(column: "region_id", as: UUID.self))
        }
        for r in days {
            let k = try key(r)
            let text = try r.decode(column: "d", as: String.self)
            guard let day = LocalDate(text) else {
                throw StoredValueError(table: "exams", column: "date", id: nil, value: text)
            }
            let payable = try r.decode(column: "payable", as: Int?.self) ?? 0
            let unpriced = try r.decode(column: "unpriced", as: Int?.self) ?? 0
            pairs[k, default: Pair(school: k.school, organization: k.organization, region: k.region)].add(
                day, payable, unpriced)
        }
        for r in money {
            let k = try key(r)
            let paid = try r.decode(column: "paid", as: Int?.self) ?? 0
            let confirmed = try r.decode(column: "confirmed", as: Int?.self) ?? 0
            pairs[k, default: Pair(school: k.school, organization: k.organization, region: k.region)].paid =
                paid
            pairs[k]?.confirmed = confirmed
        }
        for r in named {
            pairs[try key(r)]?.certificates.append(try r.decode(column: "name", as: String.self))
        }
        return pairs.values.map { p in
            var p = p
            p.ageing = ArrearsAgeing.age(
                payables: p.days, confirmed: p.confirmed, today: today, deadline: deadline)
            p.goodUntil = ArrearsAgeing.unchangedThrough(
                payables: p.days, confirmed: p.confirmed, today: today, deadline: deadline)
            return p
        }
    }
}
