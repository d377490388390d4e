import Fluent
import OneXDomain
import SQLKit
import Vapor

/// Monitoring snapshots and pace warnings (AH22-8): every `snapshotEveryMonths` months (and on
/// demand) each school's indicators for the year are frozen; a school below
/// `warnBelowExpectedPace` of its expected pace is warned, and the province publishes the list
/// of warned schools as a 通报.
enum MonitoringService {
    struct SnapshotResult: Codable, Sendable {
        var takenOn: String
        var year: Int
        var schools: Int
        var warned: [String]
    }

    struct SchoolPace: Codable, Sendable {
        var school: String
        var name: String
        var region: String
        var planned: Int
        var completed: Int
        var expected: Double
        /// completed / expected
        var pace: Double?
        var warned: Bool

        var shortfall: Double { max(0, expected - Double(completed)) }
    }

    /// Freezes today's figures; a second run on the same day changes nothing.
    static func snapshot(now: Date, on db: any Database) async throws -> SnapshotResult {
        let day = LocalDate(now)
        let year = day.year
        guard let policy = try await PolicyVersion.current(on: db)?.policy() else { throw AppError.notFound }
        let threshold = policy.monitoring.warnBelowExpectedPace
        return try await db.writeTransaction { tx in
            let sql = try tx.sql()
            let already =
                try await sql.raw(
                    "SELECT COUNT(*) AS n FROM indicator_snapshots WHERE taken_on = \(bind: day.description)"
                )
                .first()?.decode(column: "n", as: Int.self) ?? 0
            let rows = try await IndicatorService.rows(.province, year: year, asOf: day, by: .school, on: tx)
            let ids = try await schoolIDs(on: sql)
            var warned: [String] = []
            for row in rows {
                guard let id = ids[row.key] else { continue }
                let pace = Pace(
                    planned: row.totals.planned, completed: row.totals.completed, year: year, on: day)
                let behind = pace.isBehind(threshold: threshold)
                let expectedText = String(Int(clampingRounded: pace.expected.rounded()))
                let message =
                    "截至\(day)，贵校\(year)年考核计划完成\(row.totals.completed)人，按进度应完成约\(expectedText)人（"
                    + IndicatorSet.percent(pace.ratio) + "），低于" + IndicatorSet.percent(threshold)
                    + "，请加快组织考核。"
                if behind { warned.append(row.key) }
                guard already == 0 else { continue }
                try await sql.raw(
                    """
                    INSERT INTO indicator_snapshots (id, taken_on, year, school_id, planned, completed, attended, expected, warned)
                    VALUES (\(bind: UUID()), \(bind: day.description), \(bind: year), \(bind: id), \(bind: row.totals.planned),
                      \(bind: row.totals.completed), \(bind: row.totals.attended), \(bind: pace.expected), \(bind: behind))
                    """
                ).run()
                if behind {
                    _ = try await NoticeService.send(
                        audience: .school(row.key), key: "pace-warning:\(day)",
                        title: "考核进度预警",
                        body: message,
                        link: SitePath.dashboard.path, now: now, on: tx)
                }
            }
            return SnapshotResult(takenOn: day.description, year: year, schools: rows.count, warned: warned)
        }
    }

    /// Days with a snapshot, newest first.
    static func snapshotDays(on db: any Database) async throws -> [String] {
        try await db.sql().raw("SELECT DISTINCT taken_on FROM indicator_snapshots ORDER BY taken_on DESC")
            .all()
            .map { try $0.decode(column: "taken_on", as: String.self) }
    }

    /// The province's (or a region's) completion at each snapshot of a year: the trend line.
    static func trend(year: Int, region: String?, on db: any Database) async throws -> [(
        day: String, completed: Int, planned: Int
    )] {
        let filter: SQLQueryString = region.map { "AND r.code = \(bind: $0)" } ?? ""
        return try await db.sql().raw(
            """
            SELECT x.taken_on, CAST(SUM(x.completed) AS BIGINT) AS completed, CAST(SUM(x.planned) AS BIGINT) AS planned
            FROM indicator_snapshots x JOIN schools s ON s.id = x.school_id JOIN regions r ON r.id = s.region_id
            WHERE x.year = \(bind: year) \(filter) GROUP BY x.taken_on ORDER BY x.taken_on
            """
        ).all().map {
            (
                try $0.decode(column: "taken_on", as: String.self),
                try $0.decode(column: "completed", as: Int.self),
                try $0.decode(column: "planned", as: Int.self)
            )
        }
    }

    /// The warned schools of a snapshot day (the 通报 list), slowest first.
    static func warnings(takenOn: String, region: String?, on db: any Database) async throws -> [SchoolPace] {
        let filter: SQLQueryString = region.map { "AND r.code = \(bind: $0)" } ?? ""
        return try await db.sql().raw(
            """
            SELECT s.code, s.name, r.name AS region, x.planned, x.completed, x.expected, x.warned
            FROM indicator_snapshots x JOIN schools s ON s.id = x.school_id JOIN regions r ON r.id = s.region_id
            WHERE x.taken_on = \(bind: takenOn) AND x.warned = \(bind: true) \(filter)
            """
        ).all().map { r in
            let expected = try r.decode(column: "expected", as: Double.self)
            let completed = try r.decode(column: "completed", as: Int.self)
            return SchoolPace(
                school: try r.decode(column: "code", as: String.self),
                name: try r.decode(column: "name", as: String.self),
                region: try r.decode(column: "region", as: String.self),
                planned: try r.decode(column: "planned", as: Int.self), completed: completed,
                expected: expected,
                pace: expected > 0 ? Double(completed) / expected : nil, warned: true)
        }.sorted { a, b in (a.pace ?? 1.0) < (b.pace ?? 1.0) }
    }

    /// Schools furthest behind their expected pace today (largest shortfall first).
    static func behind(
        _ rows: [IndicatorService.Row], year: Int, today: LocalDate, threshold: Double, limit: Int,
        on db: any Database
    ) async throws -> [SchoolPace] {
        var ranked = rows.map { row in
            let pace = Pace(
                planned: row.totals.planned, completed: row.totals.completed, year: year, on: today)
            return SchoolPace(
                school: row.key, name: row.label, region: "", planned: row.totals.planned,
                completed: row.totals.completed, expected: pace.expected, pace: pace.ratio,
                warned: pace.isBehind(threshold: threshold))
        }
        .filter { $0.shortfall > 0 }
        .sorted { a, b in a.shortfall > b.shortfall }
        .prefix(limit).map { $0 }
        let regions = try await schoolRegions(ranked.map(\.school), on: db.sql())
        for i in ranked.indices { ranked[i].region = regions[ranked[i].school] ?? "" }
        return ranked
    }

    /// A 通报's document number as typed: trimmed, at most 40 characters, none of them control
    /// characters; empty means none yet.
    static func documentNumber(_ text: String?) throws -> String? {
        let t = (text ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if t.isEmpty { return nil }
        guard t.count <= 40, t == t.withoutControlCharacters else {
            throw AppError.invalid([
                FieldError(code: "invalid", message: "文号最多40个字符，如：豫教职成〔2026〕12号", field: "documentNumber")
            ])
        }
        return t
    }

    static func publish(
        takenOn: String, documentNumber: String?, actor: Actor, now: Date, on db: any Database
    ) async throws {
        guard try await snapshotDays(on: db).contains(takenOn) else { throw AppError.notFound }
        let number = try Self.documentNumber(documentNumber)
        let sql = try db.sql()
        let exists =
            try await sql.raw("SELECT COUNT(*) AS n FROM warning_bulletins WHERE taken_on = \(bind: takenOn)")
            .first()?
            .decode(column: "n", as: Int.self) ?? 0
        guard exists == 0 else { return }
        try await db.writeTransaction { tx in
            try await tx.sql().raw(
                """
                INSERT INTO warning_bulletins (id, taken_on, published_by, published_at, document_number)
                VALUES (\(bind: UUID()), \(bind: takenOn), \(bind: actor.username), \(bind: now), \(bind: number))
                """
            ).run()
            let written = LocalDate(takenOn)?.chinese ?? takenOn
            let issuer = try await issuingUnit(on: tx)
            for role in [Role.cityReviewer, .school] {
                _ = try await NoticeService.send(
                    audience: .role(role), key: "bulletin:\(takenOn)",
                    title: "考核进度预警通报（\(written)）", body: "\(issuer)发布了考核进度预警通报，请查看名单。",
                    link: SitePath.bulletin(takenOn).path, now: now, on: tx)
            }
            try await AuditWriter(tx).append(
                actor: actor.username, action: "publish", entity: "warning_bulletins", key: takenOn,
                before: nil, after: "published", at: now)
        }
    }

    static func isPublished(_ takenOn: String, on db: any Database) async throws -> Bool {
        try await publication(takenOn, on: db) != nil
    }

    struct Publication {
        var takenOn: String
        var documentNumber: String?
        /// When the province put it on the public pages (AH41-12); nil while it is not there.
        var publicAt: Date?
    }

    /// The bulletin of a snapshot day as published, or nil while it is not.
    static func publication(_ takenOn: String, on db: any Database) async throws -> Publication? {
        try await publications(where: "taken_on = \(bind: takenOn)", on: db).first
    }

    /// The bulletins the province put on the public pages, newest first.
    static func publicBulletins(on db: any Database) async throws -> [Publication] {
        try await publications(where: "public_at IS NOT NULL ORDER BY taken_on DESC", on: db)
    }

    private static func publications(where condition: SQLQueryString, on db: any Database) async throws
        -> [Publication]
    {
        try await db.sql().raw(
            "SELECT taken_on, document_number, public_at FROM warning_bulletins WHERE \(condition)"
        ).all().map {
            Publication(
                takenOn: try $0.decode(column: "taken_on", as: String.self),
                documentNumber: try $0.decode(column: "document_number", as: String?.self),
                publicAt: try $0.decode(column: "public_at", as: Date?.self))
        }
    }

    /// Puts a published bulletin on the public pages, or takes it off them (AH41-12). Only a
    /// bulletin already published to the cities and schools can be made public; asking twice
    /// changes nothing.
    static func setPublic(_ takenOn: String, shown: Bool, actor: Actor, now: Date, on db: any Database)
        async throws
    {
        guard try await snapshotDays(on: db).contains(takenOn) else { throw AppError.notFound }
        guard let publication = try await publication(takenOn, on: db) else {
            throw AppError(
                .conflict, kind: "not_published",
                detail: "该日的预警通报尚未发布，请先发布通报，再在公开页公布",
                english:
                    "This bulletin is not published yet: publish it first, then put it on the public pages.")
        }
        guard (publication.publicAt != nil) != shown else { return }
        try await db.writeTransaction { tx in
            try await tx.sql().raw(
                """
                UPDATE warning_bulletins SET public_at = \(bind: shown ? now : nil),
                  public_by = \(bind: shown ? actor.username : nil) WHERE taken_on = \(bind: takenOn)
                """
            ).run()
            try await AuditWriter(tx).append(
                actor: actor.username, action: shown ? "makePublic" : "withdrawPublic",
                entity: "warning_bulletins",
                key: takenOn, before: shown ? "internal" : "public", after: shown ? "public" : "internal",
                at: now)
        }
    }

    /// Who issues a 通报: the province's department of education, named from the policy in force.
    static func issuingUnit(on db: any Database) async throws -> String {
        let province = try await PolicyVersion.current(on: db)?.policy().province ?? ""
        return province.isEmpty ? "省教育厅" : province + "教育厅"
    }

    private static func schoolIDs(on sql: any SQLDatabase) async throws -> [String: UUID] {
        var out: [String: UUID] = [:]
        for r in try await sql.raw("SELECT id, code FROM schools").all() {
            out[try r.decode(column: "code", as: String.self)] = try r.decode(column: "id", as: UUID.self)
        }
        return out
    }

    /// The city of each of the schools named.
    private static func schoolRegions(_ schools: [String], on sql: any SQLDatabase) async throws -> [String:
        String]
    {
        var out: [String: String] = [:]
        if schools.isEmpty { return out }
        for r in try await sql.raw(
            """
            SELECT s.code, r.name FROM schools s JOIN regions r ON r.id = s.region_id
            WHERE s.code IN (\(binds: schools.map { $0 as any Encodable & Sendable }))
            """
        ).all() {
            out[try r.decode(column: "code", as: String.self)] = try r.decode(column: "name", as: String.self)
        }
        return out
    }
}
