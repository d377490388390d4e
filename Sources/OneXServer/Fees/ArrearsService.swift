import Fluent
import Foundation
import OneXDomain
import SQLKit

/// What each school owes each organisation (AH38-2, indicators.md): payable = Σ attended × the
/// fee standard in force on the exam day, over entered sessions and imported candidates;
/// exams with no standard in force are counted as unpriced, never as zero owed.
enum ArrearsService {
    struct Item: Codable, Sendable {
        var school: String
        var schoolName: String
        /// The school's city (its region), for the figures per region.
        var region: String
        var regionName: String
        var organization: String
        var organizationName: String
        var payable: Int
        var paid: Int
        var confirmed: Int
        var outstanding: Int
        var unpricedAttended: Int
        var settlementRate: Double?
        /// Outstanding fen by the age of the exams it is for: `[<3 months, 3–6, 6–12, >12]`.
        var ageing: [Int]
        /// Outstanding for exams the policy's settlement deadline has passed for.
        var overdue: Int
        /// Names of the certificates examined for this school and organisation.
        var certificates: [String]
    }

    static func items(
        actor: Actor, school: String?, organization: String?, region: String? = nil, today: LocalDate,
        on db: any Database
    ) async throws
        -> [Item]
    {
        let deadline = try await PolicyVersion.current(on: db)?.policy().rules.settlementDeadlineDay
        let scope = Access.scope(of: .payments, for: actor)
        guard let inScope = ScopeCondition.joined(scope) else { throw AppError.forbidden }
        var filter: SQLQueryString = ""
        if let school { filter += " AND s.code = \(bind: school)" }
        if let organization { filter += " AND o.code = \(bind: organization)" }
        if let region { filter += " AND r.code = \(bind: region)" }
        let sql = try db.sql()
        let units: SQLQueryString = """
            JOIN schools s ON s.id = p.school_id JOIN regions r ON r.id = s.region_id
            JOIN organizations o ON o.id = c.organization_id
            """
        // The exam days in scope with their plan's school, organisation, certificate and level.
        // The province's whole table reads every day once and joins no units; a scope or a
        // filter starts from the plans it names (the aliases `ScopeCondition.joined` reads), so
        // a school's or a city's view reads only its own days, by the plan indexes.
        let planned: SQLQueryString =
            scope == .all && school == nil && organization == nil && region == nil
            ? """
            SELECT p.school_id, c.organization_id, p.certificate_id, p.level, h.d, h.attended
            FROM (SELECT plan_id, date AS d, attended FROM exams
                  UNION ALL SELECT plan_id, exam_date AS d, attended FROM candidate_sessions) h
            JOIN plans p ON p.id = h.plan_id JOIN certificates c ON c.id = p.certificate_id
            """
            : """
            SELECT p.school_id, c.organization_id, p.certificate_id, p.level, e.date AS d, e.attended
            FROM plans p JOIN certificates c ON c.id = p.certificate_id \(units) JOIN exams e ON e.plan_id = p.id
            WHERE \(inScope) \(filter)
            UNION ALL
            SELECT p.school_id, c.organization_id, p.certificate_id, p.level, k.exam_date AS d, k.attended
            FROM plans p JOIN certificates c ON c.id = p.certificate_id \(units)
            JOIN candidate_sessions k ON k.plan_id = p.id
            WHERE \(inScope) \(filter)
            """
        // Past the policy's settlement deadline, what is left of exams held by it is overdue.
        var overdueCase: SQLQueryString = "0"
        if let deadline, today > deadline {
            overdueCase = "CASE WHEN l.d <= \(bind: deadline.description) THEN l.owed ELSE 0 END"
        }
        // One statement: each exam day's attended candidates priced by the standard in force
        // that day (the last published version effective on or before it, looked up once per
        // certificate level and day; days are YYYY-MM-DD text, so they compare as days on both
        // databases), summed per school, organisation and day; the organisation's confirmed
        // money settles the oldest days first (a running total per pair), and what is left of
        // each day is aged by whole months to today. One row per school and organisation.
        let owed = try await sql.raw(
            """
            WITH planned AS (\(planned)),
            prices AS (
              SELECT x.certificate_id, x.level, x.d,
                (SELECT COALESCE(f.verified_amount, f.amount) FROM fee_standards f
                 WHERE f.certificate_id = x.certificate_id AND f.level = x.level AND f.status = 'published'
                   AND f.effective_from <= x.d
                 ORDER BY f.effective_from DESC LIMIT 1) AS fee
              FROM (SELECT DISTINCT certificate_id, level, d FROM planned) x
            ),
            daily AS (
              SELECT pl.school_id, pl.organization_id, pl.d,
                SUM(pl.attended * COALESCE(pr.fee, 0)) AS payable,
                SUM(CASE WHEN pr.fee IS NULL THEN pl.attended ELSE 0 END) AS unpriced
              FROM planned pl JOIN prices pr ON pr.certificate_id = pl.certificate_id AND pr.level = pl.level AND pr.d = pl.d
              GROUP BY pl.school_id, pl.organization_id, pl.d
            ),
            money AS (
              SELECT y.school_id, y.organization_id, SUM(CASE WHEN y.status = 'confirmed' THEN y.amount ELSE 0 END) AS confirmed
              FROM \(PaymentService.scoped)
              WHERE \(inScope) \(filter)
              GROUP BY y.school_id, y.organization_id
            ),
            aged AS (
              SELECT a.school_id, a.organization_id, a.d, a.payable, a.unpriced,
                CASE WHEN m.confirmed > 0 THEN m.confirmed ELSE 0 END AS credit,
                SUM(a.payable) OVER (PARTITION BY a.school_id, a.organization_id ORDER BY a.d) AS through
              FROM daily a LEFT JOIN money m ON m.school_id = a.school_id AND m.organization_id = a.organization_id
            ),
            lefts AS (
              SELECT school_id, organization_id, d, payable, unpriced,
                CASE WHEN through - credit <= 0 THEN 0 WHEN through - credit >= payable THEN payable ELSE through - credit END AS owed,
                (\(bind: today.year) - CAST(substr(d, 1, 4) AS INTEGER)) * 12 + (\(bind: today.month) - CAST(substr(d, 6, 2) AS INTEGER))
                  - CASE WHEN \(bind: today.day) < CAST(substr(d, 9, 2) AS INTEGER) THEN 1 ELSE 0 END AS months
              FROM aged
            ),
            pairs AS (
              SELECT l.school_id, l.organization_id,
                SUM(l.payable) AS payable, SUM(l.unpriced) AS unpriced,
                SUM(CASE WHEN l.months < 3 THEN l.owed ELSE 0 END) AS age0,
                SUM(CASE WHEN l.months >= 3 AND l.months < 6 THEN l.owed ELSE 0 END) AS age1,
                SUM(CASE WHEN l.months >= 6 AND l.months < 12 THEN l.owed ELSE 0 END) AS age2,
                SUM(CASE WHEN l.months >= 12 THEN l.owed ELSE 0 END) AS age3,
                SUM(\(overdueCase)) AS overdue
              FROM lefts l GROUP BY l.school_id, l.organization_id
            )
            SELECT s.code AS school, s.name AS school_name, r.code AS region, r.name AS region_name, o.code AS organization,
              o.name AS organization_name, CAST(x.payable AS BIGINT) AS payable, CAST(x.unpriced AS BIGINT) AS unpriced,
              CAST(x.age0 AS BIGINT) AS age0, CAST(x.age1 AS BIGINT) AS age1, CAST(x.age2 AS BIGINT) AS age2,
              CAST(x.age3 AS BIGINT) AS age3, CAST(x.overdue AS BIGINT) AS overdue
            FROM pairs x JOIN schools s ON s.id = x.school_id JOIN regions r ON r.id = s.region_id
            JOIN organizations o ON o.id = x.organization_id
            """
        ).all()
        let money = try await sql.raw(
            """
            SELECT s.code AS school, s.name AS school_name, r.code AS region, r.name AS region_name, o.code AS organization,
              o.name AS organization_name,
              CAST(SUM(CASE WHEN y.status <> 'disputed' THEN y.amount ELSE 0 END) AS BIGINT) AS paid,
              CAST(SUM(CASE WHEN y.status = 'confirmed' THEN y.amount ELSE 0 END) AS BIGINT) AS confirmed
            FROM \(PaymentService.scoped)
            WHERE \(inScope) \(filter)
            GROUP BY s.code, s.name, r.code, r.name, o.code, o.name
            """
        ).all()
        // The certificates behind each pair: those its plans have exams of.
        let named = try await sql.raw(
            """
            SELECT DISTINCT s.code AS school, o.code AS organization, c.name AS certificate_name
            FROM plans p JOIN schools s ON s.id = p.school_id JOIN regions r ON r.id = s.region_id
            JOIN certificates c ON c.id = p.certificate_id JOIN organizations o ON o.id = c.organization_id
            WHERE p.exam_registered > 0 AND \(inScope) \(filter)
            """
        ).all()
        struct Key: Hashable { var school, organization: String }
        var items: [Key: Item] = [:]
        func item(_ r: any SQLRow) throws -> (Key, Item) {
            let key = Key(
                school: try r.decode(column: "school", as: String.self),
                organization: try r.decode(column: "organization", as: String.self))
            let blank = Item(
                school: key.school, schoolName: try r.decode(column: "school_name", as: String.self),
                region: try r.decode(column: "region", as: String.self),
                regionName: try r.decode(column: "region_name", as: String.self),
                organization: key.organization,
                organizationName: try r.decode(column: "organization_name", as: String.self), payable: 0,
                paid: 0, confirmed: 0,
                outstanding: 0, unpricedAttended: 0, settlementRate: nil, ageing: [0, 0, 0, 0], overdue: 0,
                certificates: [])
            return (key, items[key] ?? blank)
        }
        for r in owed {
            var (key, i) = try item(r)
            i.payable = try r.decode(column: "payable", as: Int?.self) ?? 0
            i.unpricedAttended = try r.decode(column: "unpriced", as: Int?.self) ?? 0
            i.ageing = try (0..<4).map { try r.decode(column: "age\($0)", as: Int?.self) ?? 0 }
            i.overdue = try r.decode(column: "overdue", as: Int?.self) ?? 0
            items[key] = i
        }
        for r in money {
            var (key, i) = try item(r)
            i.paid = try r.decode(column: "paid", as: Int?.self) ?? 0
            i.confirmed = try r.decode(column: "confirmed", as: Int?.self) ?? 0
            items[key] = i
        }
        for r in named {
            let key = Key(
                school: try r.decode(column: "school", as: String.self),
                organization: try r.decode(column: "organization", as: String.self))
            items[key]?.certificates.append(try r.decode(column: "certificate_name", as: String.self))
        }
        return items.values.map { i in
            var i = i
            let a = Arrears(
                payable: i.payable, paid: i.paid, confirmed: i.confirmed, unpricedAttended: i.unpricedAttended
            )
            i.outstanding = a.outstanding
            i.settlementRate = a.settlementRate
            i.certificates.sort()
            return i
        }
        .sorted {
            ($0.outstanding, $1.school, $1.organization) > ($1.outstanding, $0.school, $0.organization)
        }
    }

    /// Balances summed per region, school or organisation. Each school's money counts toward
    /// its own debt to each organisation only: settled = Σ min(confirmed, payable), owed =
    /// payable − settled, settlement rate = settled / payable (indicators.md), so money one school
    /// paid ahead neither settles another's debt nor lifts the rate.
    struct Total: Sendable {
        var key: String
        var name: String
        var payable = 0
        var confirmed = 0
        var settled = 0
        var owed = 0
        var overdue = 0
        var unpricedAttended = 0

        var settlementRate: Double? { payable > 0 ? Double(settled) / Double(payable) : nil }

        mutating func add(_ i: Item) {
            payable = payable.clampedAdding(i.payable)
            confirmed = confirmed.clampedAdding(i.confirmed)
            let balance = Arrears(
                payable: i.payable, paid: i.paid, confirmed: i.confirmed, unpricedAttended: i.unpricedAttended
            )
            settled = settled.clampedAdding(balance.settled)
            owed = owed.clampedAdding(max(0, i.outstanding))
            overdue = overdue.clampedAdding(i.overdue)
            unpricedAttended = unpricedAttended.clampedAdding(i.unpricedAttended)
        }
    }

    enum Grouping: Sendable { case region, school, organization }

    static func totals(_ items: [Item], by grouping: Grouping) -> [Total] {
        var out: [String: Total] = [:]
        for i in items {
            let (key, name) =
                switch grouping {
                case .region: (i.region, i.regionName)
                case .school: (i.school, i.schoolName)
                case .organization: (i.organization, i.organizationName)
                }
            out[key, default: Total(key: key, name: name)].add(i)
        }
        return out.values.sorted { ($0.owed, $1.key) > ($1.owed, $0.key) }
    }

    /// All of them as one line.
    static func total(_ items: [Item]) -> Total {
        var t = Total(key: "", name: "")
        for i in items { t.add(i) }
        return t
    }
}
