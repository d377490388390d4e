import Fluent
import OneXDomain
import SQLKit

/// Exam-site coverage of a year (AH41-3) as `SiteCoverage` computes it, over the pilots the
/// reader may see (`Access.scope(of: .plans)`) and every approved site (sites are public).
enum SiteCoverageService {
    struct Cell: Codable, Sendable {
        var certificate: String
        var region: String
        var schools: Int
        var sites: Int
        var covered: Bool
    }

    struct City: Codable, Sendable {
        var region: String
        var name: String
        var certificates: Int
        var covered: Int
        var gaps: Int
    }

    struct Named: Codable, Sendable {
        var code: String
        var name: String
    }

    struct Report: Codable, Sendable {
        var year: Int
        var cells: [Cell]
        var cities: [City]
        /// The certificates and regions the cells name, by code.
        var certificates: [Named]
        var regions: [Named]

        var gaps: Int { cells.filter { !$0.covered }.count }
    }

    /// A school that would use a site: a pilot of the certificate in the city, with its
    /// planned candidates of the year.
    struct PilotSchool: Codable, Sendable {
        var certificate: String
        var region: String
        var school: String
        var schoolName: String
        var planned: Int
    }

    static func report(year: Int, actor: Actor, on db: any Database) async throws -> Report {
        guard let inScope = ScopeCondition.onPlans(Access.scope(of: .plans, for: actor)) else {
            throw AppError.forbidden
        }
        let pilotRows = try await db.sql().raw(
            """
            SELECT DISTINCT c.code AS certificate, c.name AS certificate_name, r.code AS region,
              r.name AS region_name, s.code AS school
            FROM plans p JOIN schools s ON s.id = p.school_id JOIN regions r ON r.id = s.region_id
            JOIN certificates c ON c.id = p.certificate_id
            WHERE p.year = \(bind: year) AND p.status <> \(bind: PlanStatus.exited.rawValue) AND \(inScope)
            """
        ).all()
        var certificates: [String: String] = [:]
        var regions: [String: String] = [:]
        var pilots: [SiteCoverage.Pilot] = []
        for r in pilotRows {
            let c = try r.decode(column: "certificate", as: String.self)
            let g = try r.decode(column: "region", as: String.self)
            certificates[c] = try r.decode(column: "certificate_name", as: String.self)
            regions[g] = try r.decode(column: "region_name", as: String.self)
            pilots.append(
                .init(certificate: c, region: g, school: try r.decode(column: "school", as: String.self)))
        }
        let sites = try await db.sql().raw(
            """
            SELECT c.code AS certificate, r.code AS region FROM exam_sites x
            JOIN schools s ON s.id = x.school_id JOIN regions r ON r.id = s.region_id
            JOIN certificates c ON c.id = x.certificate_id
            WHERE x.status = \(bind: ExamSiteStatus.approved.rawValue)
            """
        ).all().map {
            SiteCoverage.Site(
                certificate: try $0.decode(column: "certificate", as: String.self),
                region: try $0.decode(column: "region", as: String.self))
        }
        let cells = SiteCoverage.cells(pilots: pilots, sites: sites)
        return Report(
            year: year,
            cells: cells.map {
                Cell(
                    certificate: $0.certificate, region: $0.region, schools: $0.schools, sites: $0.sites,
                    covered: $0.covered)
            },
            cities: SiteCoverage.tallies(cells).map {
                City(
                    region: $0.region, name: regions[$0.region] ?? $0.region, certificates: $0.certificates,
                    covered: $0.covered, gaps: $0.gaps)
            },
            certificates: certificates.sorted { $0.key < $1.key }.map { Named(code: $0.key, name: $0.value) },
            regions: regions.sorted { $0.key < $1.key }.map { Named(code: $0.key, name: $0.value) })
    }

    /// The drill-down of a cell: the pilot schools of the certificate in the city (of every
    /// cell the reader sees without them).
    static func schools(certificate: String?, region: String?, year: Int, actor: Actor, on db: any Database)
        async throws -> [PilotSchool]
    {
        guard let inScope = ScopeCondition.onPlans(Access.scope(of: .plans, for: actor)) else {
            throw AppError.forbidden
        }
        return try await db.sql().raw(
            """
            SELECT c.code AS certificate, r.code AS region, s.code, s.name, CAST(SUM(p.count) AS BIGINT) AS planned
            FROM plans p JOIN schools s ON s.id = p.school_id JOIN regions r ON r.id = s.region_id
            JOIN certificates c ON c.id = p.certificate_id
            WHERE p.year = \(bind: year) AND p.status <> \(bind: PlanStatus.exited.rawValue) AND \(inScope)
              \(certificate.map { "AND c.code = \(bind: $0)" } ?? "" as SQLQueryString)
              \(region.map { "AND r.code = \(bind: $0)" } ?? "" as SQLQueryString)
            GROUP BY c.code, r.code, s.code, s.name ORDER BY c.code, r.code, s.code
            """
        ).all().map {
            PilotSchool(
                certificate: try $0.decode(column: "certificate", as: String.self),
                region: try $0.decode(column: "region", as: String.self),
                school: try $0.decode(column: "code", as: String.self),
                schoolName: try $0.decode(column: "name", as: String.self),
                planned: try $0.decode(column: "planned", as: Int.self))
        }
    }
}
