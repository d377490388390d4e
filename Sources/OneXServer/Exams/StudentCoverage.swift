import Foundation
import SQLKit

/// Student coverage (AH41-10): per school and year, the pilot students the school declared and
/// the distinct students examined (by ID hash), kept in `student_coverage`.
enum StudentCoverage {
    /// `schoolYears`: "schoolUUID|YYYY".
    static func recomputeExamined(_ schoolYears: Set<String>, on sql: any SQLDatabase) async throws {
        for key in schoolYears {
            let parts = key.split(separator: "|")
            guard parts.count == 2, let school = UUID(uuidString: String(parts[0])), let year = Int(parts[1]) else { continue }
            try await sql.raw("""
                INSERT INTO student_coverage (id, school_id, year, examined) VALUES (\(bind: UUID()), \(bind: school), \(bind: year),
                  (SELECT COUNT(DISTINCT k.id_hash) FROM plans p JOIN exam_candidates k ON k.plan_id = p.id
                   WHERE p.school_id = \(bind: school) AND k.attended = 1
                   AND k.exam_date >= \(bind: "\(year)-01-01") AND k.exam_date <= \(bind: "\(year)-12-31")))
                ON CONFLICT (school_id, year) DO UPDATE SET examined = excluded.examined
                """).run()
        }
    }

    /// A school declares its pilot students for a year (AH41-10).
    static func declare(school: UUID, year: Int, count: Int, on sql: any SQLDatabase) async throws {
        try await sql.raw("""
            INSERT INTO student_coverage (id, school_id, year, declared, examined) VALUES (\(bind: UUID()), \(bind: school), \(bind: year), \(bind: count), 0)
            ON CONFLICT (school_id, year) DO UPDATE SET declared = excluded.declared
            """).run()
    }
}
