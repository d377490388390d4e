import Fluent
import Foundation
import OneXDomain
import SQLKit

/// What each school owes each organisation (AH38-2, indicators.md): payable = Σ attended × the
/// fee standard in force on the exam day, over entered sessions and imported candidates;
/// exams with no standard in force are counted as unpriced, never as zero owed. The figures are
/// kept per school and organisation by `ArrearsLedger`; this reads them for an actor.
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

    /// The pairs in the actor's scope, from the ledger `ArrearsLedger` keeps, brought up to date
    /// for `today` first.
    static func items(
        actor: Actor, school: String?, organization: String?, region: String? = nil, today: LocalDate,
        on db: any Database
    ) async throws
        -> [Item]
    {
        let inScope = try await condition(
            actor: actor, school: school, organization: organization, region: region, today: today, on: db)
        let rows = try await db.sql().raw(
            """
            SELECT s.code AS school, s.name AS school_name, r.code AS region, r.name AS region_name,
              o.code AS organization, o.name AS organization_name, a.payable, a.unpriced, a.paid, a.confirmed,
              a.age0, a.age1, a.age2, a.age3, a.overdue, a.certificates
            FROM arrears_pairs a JOIN schools s ON s.id = a.school_id JOIN regions r ON r.id = s.region_id
            JOIN organizations o ON o.id = a.organization_id
            WHERE \(inScope)
            """
        ).all()
        return try rows.map(item)
            .sorted {
                ($0.outstanding, $1.school, $1.organization) > ($1.outstanding, $0.school, $0.organization)
            }
    }

    static func item(_ r: any SQLRow) throws -> Item {
        let balance = Arrears(
            payable: try r.decode(column: "payable", as: Int.self),
            paid: try r.decode(column: "paid", as: Int.self),
            confirmed: try r.decode(column: "confirmed", as: Int.self),
            unpricedAttended: try r.decode(column: "unpriced", as: Int.self))
        let certificates = try r.decode(column: "certificates", as: String.self)
        return Item(
            school: try r.decode(column: "school", as: String.self),
            schoolName: try r.decode(column: "school_name", as: String.self),
            region: try r.decode(column: "region", as: String.self),
            regionName: try r.decode(column: "region_name", as: String.self),
            organization: try r.decode(column: "organization", as: String.self),
            organizationName: try r.decode(column: "organization_name", as: String.self),
            payable: balance.payable, paid: balance.paid, confirmed: balance.confirmed,
            outstanding: balance.outstanding, unpricedAttended: balance.unpricedAttended,
            settlementRate: balance.settlementRate,
            ageing: try (0..<4).map { try r.decode(column: "age\($0)", as: Int.self) },
            overdue: try r.decode(column: "overdue", as: Int.self),
            certificates: try JSONDecoder().decode([String].self, from: Data(certificates.utf8)))
    }

    /// One page of the pairs in the actor's scope, the largest debts first, and how many there
    /// are: the API's list. The page is chosen among the pairs alone (by the outstanding index),
    /// then named.
    static func page(
        actor: Actor, school: String?, organization: String?, region: String?, paging: Paging,
        today: LocalDate,
        on db: any Database
    ) async throws -> (items: [Item], total: Int) {
        let inScope = try await condition(
            actor: actor, school: school, organization: organization, region: region, today: today, on: db)
        let units = units(actor: actor, school: school, organization: organization, region: region)
        let sql = try db.sql()
        let order: SQLQueryString =
            "ORDER BY a.payable - a.confirmed DESC, a.school_id DESC, a.organization_id DESC"
        let rows = try await sql.raw(
            """
            SELECT s.code AS school, s.name AS school_name, r.code AS region, r.name AS region_name,
              o.code AS organization, o.name AS organization_name, a.payable, a.unpriced, a.paid, a.confirmed,
              a.age0, a.age1, a.age2, a.age3, a.overdue, a.certificates
            FROM (SELECT a.* FROM arrears_pairs a \(units) WHERE \(inScope) \(order)
                  LIMIT \(bind: paging.limit) OFFSET \(bind: paging.offset)) a
            JOIN schools s ON s.id = a.school_id JOIN regions r ON r.id = s.region_id
            JOIN organizations o ON o.id = a.organization_id
            \(order)
            """
        ).all()
        let count = try await sql.raw("SELECT COUNT(*) AS n FROM arrears_pairs a \(units) WHERE \(inScope)")
            .first()
        return (try rows.map(item), try count?.decode(column: "n", as: Int.self) ?? 0)
    }

    /// Whether the actor asks for every pair: the province with no filter.
    static func isWhole(actor: Actor, school: String?, organization: String?, region: String?) -> Bool {
        Access.scope(of: .payments, for: actor) == .all && school == nil && organization == nil
            && region == nil
    }

    /// The joins a condition of `condition` needs: none for the province's whole table, whose
    /// condition names no unit.
    static func units(actor: Actor, school: String?, organization: String?, region: String?) -> SQLQueryString
    {
        isWhole(actor: actor, school: school, organization: organization, region: region)
            ? ""
            : """
            JOIN schools s ON s.id = a.school_id JOIN regions r ON r.id = s.region_id
            JOIN organizations o ON o.id = a.organization_id
            """
    }

    /// The pairs `a` (joined to `s`, `r`, `o`) in the actor's scope and the filters, once the
    /// ledger holds them up to date for `today`.
    static func condition(
        actor: Actor, school: String?, organization: String?, region: String?, today: LocalDate,
        on db: any Database
    ) async throws -> SQLQueryString {
        let deadline = try await PolicyVersion.current(on: db)?.policy().rules.settlementDeadlineDay
        let scope = Access.scope(of: .payments, for: actor)
        guard let inScope = ScopeCondition.joined(scope) else { throw AppError.forbidden }
        try await ArrearsLedger.refresh(
            ArrearsLedger.schools(for: scope, school: school, region: region), today: today,
            deadline: deadline,
            on: db)
        var filter: SQLQueryString = ""
        if let school { filter += " AND s.code = \(bind: school)" }
        if let organization { filter += " AND o.code = \(bind: organization)" }
        if let region { filter += " AND r.code = \(bind: region)" }
        return "\(inScope) \(filter)"
    }

    /// The total of the pairs in the actor's scope and their totals per grouping, summed by the
    /// database (a dashboard of the province would otherwise read every pair): one statement per
    /// grouping, whose rows also add up to the total. The province's whole table is summed from
    /// the pairs' own city and organisation columns, on indexes that hold the figures.
    static func summed(
        actor: Actor, school: String?, organization: String?, region: String?, by groupings: [Grouping],
        today: LocalDate, on db: any Database
    ) async throws -> (total: Total, groups: [[Total]]) {
        let inScope = try await condition(
            actor: actor, school: school, organization: organization, region: region, today: today, on: db)
        let units = units(actor: actor, school: school, organization: organization, region: region)
        let sums: SQLQueryString = """
            CAST(SUM(a.payable) AS BIGINT) AS payable, CAST(SUM(a.confirmed) AS BIGINT) AS confirmed,
            CAST(SUM(CASE WHEN a.confirmed >= a.payable THEN a.payable WHEN a.confirmed > 0 THEN a.confirmed ELSE 0 END)
              AS BIGINT) AS settled,
            CAST(SUM(CASE WHEN a.payable > a.confirmed THEN a.payable - a.confirmed ELSE 0 END) AS BIGINT) AS owed,
            CAST(SUM(a.overdue) AS BIGINT) AS overdue, CAST(SUM(a.unpriced) AS BIGINT) AS unpriced
            """
        func total(_ r: any SQLRow, key: String, name: String) throws -> Total {
            var t = Total(key: key, name: name)
            t.payable = try r.decode(column: "payable", as: Int?.self) ?? 0
            t.confirmed = try r.decode(column: "confirmed", as: Int?.self) ?? 0
            t.settled = try r.decode(column: "settled", as: Int?.self) ?? 0
            t.owed = try r.decode(column: "owed", as: Int?.self) ?? 0
            t.overdue = try r.decode(column: "overdue", as: Int?.self) ?? 0
            t.unpricedAttended = try r.decode(column: "unpriced", as: Int?.self) ?? 0
            return t
        }
        // The province's whole table per city or organisation: from the sums kept per city and
        // organisation (`arrears_sums`), a few thousand rows instead of every pair.
        let kept: SQLQueryString = """
            CAST(SUM(a.payable) AS BIGINT) AS payable, CAST(SUM(a.confirmed) AS BIGINT) AS confirmed,
            CAST(SUM(a.settled) AS BIGINT) AS settled, CAST(SUM(a.owed) AS BIGINT) AS owed,
            CAST(SUM(a.overdue) AS BIGINT) AS overdue, CAST(SUM(a.unpriced) AS BIGINT) AS unpriced
            """
        let sql = try db.sql()
        var groups: [[Total]] = []
        for grouping in groupings {
            let (column, table): (SQLQueryString, SQLQueryString) =
                switch grouping {
                case .region: ("a.region_id", "regions")
                case .school: ("a.school_id", "schools")
                case .organization: ("a.organization_id", "organizations")
                }
            let whole =
                isWhole(actor: actor, school: school, organization: organization, region: region)
                && grouping != .school
            let rows = try await sql.raw(
                """
                SELECT g.code AS code, g.name AS name, x.* FROM
                  (SELECT \(column) AS unit, \(whole ? kept : sums) FROM \(unsafeRaw: whole ? "arrears_sums" : "arrears_pairs") a
                   \(units) WHERE \(inScope) GROUP BY \(column)) x
                JOIN \(table) g ON g.id = x.unit
                """
            ).all()
            groups.append(
                try rows.map {
                    try total(
                        $0, key: try $0.decode(column: "code", as: String.self),
                        name: try $0.decode(column: "name", as: String.self))
                }
                .sorted { ($0.owed, $1.key) > ($1.owed, $0.key) })
        }
        var sum = Total(key: "", name: "")
        if let first = groups.first {
            for part in first { sum.add(part) }
        } else if let row = try await sql.raw("SELECT \(sums) FROM arrears_pairs a \(units) WHERE \(inScope)")
            .first()
        {
            sum = try total(row, key: "", name: "")
        }
        return (sum, groups)
    }

    /// Balances summed per region, school or organisation. Each school's money counts toward
    /// its own debt to each organisation only: settled = Σ min(confirmed, payable), owed =
    /// payable − settled, settlement rate = settled / payable (indicators.md), so money one school
    /// paid ahead neither settles another's debt nor lifts the rate.
    struct Total: Sendable, Equatable {
        var key: String
        var name: String
        var payable = 0
        var confirmed = 0
        var settled = 0
        var owed = 0
        var overdue = 0
        var unpricedAttended = 0

        var settlementRate: Double? { payable > 0 ? Double(settled) / Double(payable) : nil }

        mutating func add(_ other: Total) {
            payable = payable.clampedAdding(other.payable)
            confirmed = confirmed.clampedAdding(other.confirmed)
            settled = settled.clampedAdding(other.settled)
            owed = owed.clampedAdding(other.owed)
            overdue = overdue.clampedAdding(other.overdue)
            unpricedAttended = unpricedAttended.clampedAdding(other.unpricedAttended)
        }

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
