import Fluent
import Foundation
import OneXDomain
import SQLKit

/// What the province discloses without login (AH41-12): the pilot schools of a year by city
/// with the certificates they pilot, and the organisations with their certificates. Names only:
/// no counts of a single school, nothing about students.
enum PublicDisclosure {
    struct Pilot: Codable, Sendable {
        var region: String
        var regionName: String
        var school: String
        var schoolName: String
        var schoolKind: SchoolKind
        var certificate: String
        var certificateName: String
        /// When the school began piloting the certificate this year (its first approval).
        var since: Date
    }

    struct Certificate: Codable, Sendable {
        var organization: String
        var organizationName: String
        var code: String
        var name: String
        var batch: Int
        var levels: [Level]
    }

    /// The year's pilots (plans not exited), by city, school and certificate.
    static func pilots(year: Int, region: String?, on db: any Database) async throws -> [Pilot] {
        let filter: SQLQueryString = region.map { " AND r.code = \(bind: $0)" } ?? ""
        return try await db.sql().raw(
            """
            SELECT r.code AS region, r.name AS region_name, s.code AS school, s.name AS school_name, s.kind,
              c.code AS certificate, c.name AS certificate_name, MIN(p.first_approved_at) AS since
            FROM plans p JOIN schools s ON s.id = p.school_id JOIN regions r ON r.id = s.region_id
            JOIN certificates c ON c.id = p.certificate_id
            WHERE p.year = \(bind: year) AND p.status <> \(bind: PlanStatus.exited.rawValue)\(filter)
            GROUP BY r.code, r.name, s.code, s.name, s.kind, c.code, c.name
            ORDER BY r.code, s.code, c.code
            """
        ).all().map { row in
            Pilot(
                region: try row.decode(column: "region", as: String.self),
                regionName: try row.decode(column: "region_name", as: String.self),
                school: try row.decode(column: "school", as: String.self),
                schoolName: try row.decode(column: "school_name", as: String.self),
                schoolKind: try .stored(
                    try row.decode(column: "kind", as: String.self), table: "schools", column: "kind", id: nil
                ),
                certificate: try row.decode(column: "certificate", as: String.self),
                certificateName: try row.decode(column: "certificate_name", as: String.self),
                since: try row.decode(column: "since", as: Date.self))
        }
    }

    /// Pilot schools per city of the year: code, name and how many schools.
    static func cities(year: Int, on db: any Database) async throws -> [(
        code: String, name: String, schools: Int
    )] {
        try await db.sql().raw(
            """
            SELECT r.code, r.name, COUNT(DISTINCT p.school_id) AS n FROM plans p
            JOIN schools s ON s.id = p.school_id JOIN regions r ON r.id = s.region_id
            WHERE p.year = \(bind: year) AND p.status <> \(bind: PlanStatus.exited.rawValue)
            GROUP BY r.code, r.name ORDER BY r.code
            """
        ).all().map {
            (
                try $0.decode(column: "code", as: String.self),
                try $0.decode(column: "name", as: String.self),
                try $0.decode(column: "n", as: Int.self)
            )
        }
    }

    /// Every organisation's certificates, by organisation and certificate code.
    static func certificates(on db: any Database) async throws -> [Certificate] {
        try await OneXServer.Certificate.query(on: db).with(\.$organization).all()
            .map {
                Certificate(
                    organization: $0.organization.code, organizationName: $0.organization.name, code: $0.code,
                    name: $0.name, batch: $0.batch,
                    levels: $0.levels.split(separator: ";").compactMap { Level(rawValue: String($0)) })
            }
            .sorted { ($0.organization, $0.code) < ($1.organization, $1.code) }
    }
}
