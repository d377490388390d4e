import Fluent
import SQLKit

/// The days each certificate was examined in a plan year, entered or imported (AH41-4): a few
/// thousand rows where the sessions are millions, so the province's list of exam days without a
/// filing reads these instead of every session. Filled here from the sessions already stored;
/// kept by `ExamDays` as sessions are written.
struct CreateExamDays: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("exam_days")
            .field("certificate_id", .uuid, .required, .references("certificates", "id"))
            .field("plan_year", .int, .required)
            .field("exam_date", .string, .required)
            .unique(on: "certificate_id", "plan_year", "exam_date")
            .create()
        guard let sql = db as? any SQLDatabase else { throw MigrationNeedsSQL() }
        try await sql.raw("CREATE INDEX exam_days_year ON exam_days (plan_year, exam_date)").run()
        // The schools of a certificate's exam day are found through its plans of the year.
        try await sql.raw("CREATE INDEX plans_certificate_year ON plans (certificate_id, year)").run()
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

    func revert(on db: any Database) async throws {
        guard let sql = db as? any SQLDatabase else { throw MigrationNeedsSQL() }
        try await sql.raw("DROP INDEX plans_certificate_year").run()
        try await db.schema("exam_days").delete()
    }
}
