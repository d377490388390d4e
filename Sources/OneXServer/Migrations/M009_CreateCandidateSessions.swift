import Fluent
import SQLKit

/// An imported exam session is a plan and a day of candidate results. Grouping millions of
/// candidate rows on every view of the sessions list took a minute on national data, so
/// `candidate_sessions` keeps the groups, recomputed for the plans each import touches.
/// Every candidate row is one more entry in each index of `exam_candidates`, so the one on
/// school goes: student coverage reaches a school's candidates through its plans.
struct CreateCandidateSessions: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("candidate_sessions")
            .field("plan_id", .uuid, .required, .references("plans", "id"))
            .field("exam_date", .string, .required)
            .field("registered", .int, .required)
            .field("attended", .int, .required)
            .field("passed", .int, .required)
            .unique(on: "plan_id", "exam_date")
            .create()
        let sql = db as! any SQLDatabase
        try await sql.create(index: "candidate_sessions_date").on("candidate_sessions").column("exam_date").run()
        // Student coverage now finds a school's candidates through its plans, so the import no
        // longer maintains a second index in random order.
        try await sql.drop(index: "exam_candidates_school").run()
        // The table as it was then (M010 adds the plan's year): later code must not change
        // what this migration does.
        try await sql.raw("""
            INSERT INTO candidate_sessions (plan_id, exam_date, registered, attended, passed)
            SELECT plan_id, exam_date, COUNT(*), SUM(attended), SUM(passed) FROM exam_candidates GROUP BY plan_id, exam_date
            """).run()
    }

    func revert(on db: any Database) async throws {
        try await db.schema("candidate_sessions").delete()
        try await (db as! any SQLDatabase).create(index: "exam_candidates_school").on("exam_candidates")
            .column("school_id").column("exam_date").run()
    }
}
