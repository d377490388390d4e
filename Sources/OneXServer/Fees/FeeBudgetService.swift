import Fluent
import Foundation
import OneXDomain
import SQLKit

/// A school's fee budget for a year (GD-1): each plan's planned candidates × the standard in
/// force on the day the budget is for — today for the current year, 1 January for a later one
/// — beside what the school has paid that year by funding source. Plans with no standard in
/// force are listed as unpriced.
enum FeeBudgetService {
    struct Line: Codable, Sendable {
        var certificate: String
        var certificateName: String
        var organizationName: String
        var level: Level
        var planned: Int
        /// Fen per candidate, nil when no standard is in force.
        var fee: Int?
        var amount: Int
    }

    struct Budget: Codable, Sendable {
        var school: String
        var schoolName: String
        var year: Int
        var pricedOn: String
        var lines: [Line]
        var total: Int
        var unpricedCandidates: Int
        /// Paid in the year (not disputed), by funding source.
        var paid: [String: Int]
    }

    /// A school's budget is its own business, its city's and the province's: the scope of its
    /// payments, less the organisations paid (they see what they are owed, not budgets).
    static func authorise(_ actor: Actor) throws {
        switch Access.scope(of: .payments, for: actor) {
        case .organization, .none: throw AppError.forbidden
        default: break
        }
    }

    static func budget(school code: String, year: Int, actor: Actor, today: LocalDate, on db: any Database)
        async throws -> Budget
    {
        try authorise(actor)
        guard let inScope = ScopeCondition.joined(Access.scope(of: .payments, for: actor)) else {
            throw AppError.forbidden
        }
        let sql = try db.sql()
        guard
            let school = try await sql.raw(
                """
                SELECT s.id, s.name FROM schools s JOIN regions r ON r.id = s.region_id WHERE s.code = \(bind: code) AND \(inScope)
                """
            ).first()
        else { throw AppError.notFound }
        let schoolID = try school.decode(column: "id", as: UUID.self)
        let day = max(today, LocalDate(year: year, month: 1, day: 1))
        let rows = try await sql.raw(
            """
            SELECT c.code AS certificate, c.name AS certificate_name, o.name AS organization_name, p.level, CAST(p.count AS BIGINT) AS planned,
              (SELECT COALESCE(f.verified_amount, f.amount) FROM fee_standards f
               WHERE f.certificate_id = p.certificate_id AND f.level = p.level AND f.status = 'published' AND f.effective_from <= \(bind: day.description)
               ORDER BY f.effective_from DESC LIMIT 1) AS fee
            FROM plans p JOIN certificates c ON c.id = p.certificate_id JOIN organizations o ON o.id = c.organization_id
            WHERE p.school_id = \(bind: schoolID) AND p.year = \(bind: year)
            ORDER BY c.code, p.level
            """
        ).all()
        var lines: [Line] = []
        for r in rows {
            let planned = try r.decode(column: "planned", as: Int.self)
            let fee = try r.decode(column: "fee", as: Int?.self)
            lines.append(
                Line(
                    certificate: try r.decode(column: "certificate", as: String.self),
                    certificateName: try r.decode(column: "certificate_name", as: String.self),
                    organizationName: try r.decode(column: "organization_name", as: String.self),
                    level: try .stored(
                        r.decode(column: "level", as: String.self), table: "plans", column: "level", id: nil),
                    planned: planned, fee: fee, amount: fee.map { planned.clampedMultiplied(by: $0) } ?? 0))
        }
        var paid: [String: Int] = [:]
        for r in try await sql.raw(
            """
            SELECT funding_source, CAST(SUM(amount) AS BIGINT) AS paid FROM payments
            WHERE school_id = \(bind: schoolID) AND status <> 'disputed' AND paid_on >= \(bind: "\(year)-01-01") AND paid_on <= \(bind: "\(year)-12-31")
            GROUP BY funding_source
            """
        ).all() {
            let source: FundingSource = try .stored(
                r.decode(column: "funding_source", as: String.self), table: "payments",
                column: "funding_source", id: nil)
            paid[source.rawValue] = try r.decode(column: "paid", as: Int.self)
        }
        return Budget(
            school: code, schoolName: try school.decode(column: "name", as: String.self), year: year,
            pricedOn: day.description,
            lines: lines, total: lines.reduce(0) { $0.clampedAdding($1.amount) },
            unpricedCandidates: lines.filter { $0.fee == nil }.reduce(0) { $0.clampedAdding($1.planned) },
            paid: paid)
    }
}
