import Fluent
import SQLKit

/// The province's sessions list wants the newest sessions first. Exams of a certificate are
/// held on the same national days, so one day has hundreds of thousands of sessions and a
/// date index alone still leaves them all to be joined and sorted. Ordering by day and then
/// by plan lets the newest page be read straight off an index; the plan's year (which never
/// changes) is kept beside it so a year's list is read the same way.
struct OrderCandidateSessions: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("candidate_sessions")
            .field(.definition(name: .key("plan_year"), dataType: .int, constraints: [.required, .sql(.default(0))])).update()
        let sql = db as! any SQLDatabase
        try await sql.raw("UPDATE candidate_sessions SET plan_year = (SELECT p.year FROM plans p WHERE p.id = candidate_sessions.plan_id)").run()
        try await sql.drop(index: "candidate_sessions_date").run()
        try await sql.create(index: "candidate_sessions_newest").on("candidate_sessions").column("exam_date").column("plan_id").run()
        try await sql.create(index: "candidate_sessions_year").on("candidate_sessions")
            .column("plan_year").column("exam_date").column("plan_id").run()
    }

    func revert(on db: any Database) async throws {
        let sql = db as! any SQLDatabase
        try await sql.drop(index: "candidate_sessions_year").run()
        try await sql.drop(index: "candidate_sessions_newest").run()
        try await db.schema("candidate_sessions").deleteField("plan_year").update()
        try await sql.create(index: "candidate_sessions_date").on("candidate_sessions").column("exam_date").run()
    }
}
