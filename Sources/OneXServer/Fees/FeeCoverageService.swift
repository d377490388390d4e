import Fluent
import Foundation
import OneXDomain
import SQLKit

/// Fee-standard coverage (AH38-1, indicators.md): of the certificates piloted in the province
/// (with a plan), how many have a published standard in force for every planned level, and
/// which lack one — with the levels missing and how long they have been piloted without it.
enum FeeCoverageService {
    struct Missing: Codable, Sendable {
        var certificate: String
        var certificateName: String
        var organizationName: String
        var levels: [Level]
        /// The day the certificate's first plan was approved, and the days since.
        var pilotedSince: String
        var daysWithout: Int
    }

    struct Coverage: Codable, Sendable {
        var piloted: Int
        var covered: Int
        var rate: Double?
        var missing: [Missing]
    }

    static func coverage(actor: Actor, today: LocalDate, on db: any Database) async throws -> Coverage {
        // A province figure: for the roles that see every standard.
        guard Access.scope(of: .feeStandards, for: actor) == .all else { throw AppError.forbidden }
        let sql = try db.sql()
        // Each certificate and level asks the index `plans_first_approved` for its first plan:
        // a lookup each, where grouping the plans reads every one of them.
        let levels = Level.allCases.map { "SELECT '\($0.rawValue)' AS level" }.joined(
            separator: " UNION ALL ")
        let planned = try await sql.raw(
            """
            SELECT * FROM (
              SELECT c.code AS certificate, c.name AS certificate_name, o.name AS organization_name, l.level,
                (SELECT MIN(p.first_approved_at) FROM plans p WHERE p.certificate_id = c.id AND p.level = l.level) AS since
              FROM certificates c JOIN organizations o ON o.id = c.organization_id CROSS JOIN (\(unsafeRaw: levels)) l
            ) x WHERE x.since IS NOT NULL ORDER BY x.certificate, x.level
            """
        ).all()
        let priced = try await sql.raw(
            """
            SELECT DISTINCT c.code AS certificate, f.level FROM fee_standards f JOIN certificates c ON c.id = f.certificate_id
            WHERE f.status = 'published' AND f.effective_from <= \(bind: today.description)
            """
        ).all()
        let inForce = Set(
            try priced.map {
                "\(try $0.decode(column: "certificate", as: String.self))|\(try $0.decode(column: "level", as: String.self))"
            })
        var byCertificate: [String: Missing] = [:]
        var order: [String] = []
        for r in planned {
            let code = try r.decode(column: "certificate", as: String.self)
            let raw = try r.decode(column: "level", as: String.self)
            let level: Level = try .stored(raw, table: "plans", column: "level", id: nil)
            let since = LocalDate(try r.decode(column: "since", as: Date.self))
            if byCertificate[code] == nil {
                order.append(code)
                byCertificate[code] = Missing(
                    certificate: code,
                    certificateName: try r.decode(column: "certificate_name", as: String.self),
                    organizationName: try r.decode(column: "organization_name", as: String.self), levels: [],
                    pilotedSince: since.description, daysWithout: 0)
            }
            if since.description < byCertificate[code]!.pilotedSince {
                byCertificate[code]!.pilotedSince = since.description
            }
            if !inForce.contains("\(code)|\(raw)") { byCertificate[code]!.levels.append(level) }
        }
        let missing = order.compactMap { byCertificate[$0] }.filter { !$0.levels.isEmpty }.map {
            m -> Missing in
            var m = m
            m.levels.sort()
            m.daysWithout = LocalDate(m.pilotedSince).map { max(0, today.days(since: $0)) } ?? 0
            return m
        }.sorted { $0.daysWithout > $1.daysWithout }
        let piloted = order.count
        let covered = piloted - missing.count
        return Coverage(
            piloted: piloted, covered: covered, rate: piloted > 0 ? Double(covered) / Double(piloted) : nil,
            missing: missing)
    }
}
