import Foundation
import SQLKit

/// The days each certificate was examined in a plan year (`exam_days`), kept as sessions are
/// written: an entered session, imported sessions, or all of them rebuilt. A day is never
/// removed by a write that adds sessions; `recomputeAll` rebuilds it from what is stored.
/// `WHERE 1 = 1` tells SQLite's parser that ON CONFLICT belongs to the INSERT.
enum ExamDays {
    /// The days of the sessions listed in `table` (`plan_id`, `exam_date`).
    static func add(from table: String, on sql: any SQLDatabase) async throws {
        try await sql.raw(
            """
            INSERT INTO exam_days (certificate_id, plan_year, exam_date)
            SELECT DISTINCT p.certificate_id, p.year, t.exam_date FROM \(ident: table) t JOIN plans p ON p.id = t.plan_id
            WHERE 1 = 1 ON CONFLICT (certificate_id, plan_year, exam_date) DO NOTHING
            """
        ).run()
    }

    /// The day of one entered session.
    static func add(plan: UUID, day: String, on sql: any SQLDatabase) async throws {
        try await sql.raw(
            """
            INSERT INTO exam_days (certificate_id, plan_year, exam_date)
            SELECT p.certificate_id, p.year, \(bind: day) FROM plans p WHERE p.id = \(bind: plan)
            ON CONFLICT (certificate_id, plan_year, exam_date) DO NOTHING
            """
        ).run()
    }

    static func recomputeAll(on sql: any SQLDatabase) async throws {
        try await sql.raw("DELETE FROM exam_days").run()
        try await sql.raw(
            """
            INSERT INTO exam_days (certificate_id, plan_year, exam_date)
            SELECT DISTINCT p.certificate_id, p.year, s.d FROM
              (SELECT DISTINCT plan_id, exam_date AS d FROM candidate_sessions
               UNION SELECT DISTINCT plan_id, date AS d FROM exams) s
            JOIN plans p ON p.id = s.plan_id
            """
        ).run()
    }
}
