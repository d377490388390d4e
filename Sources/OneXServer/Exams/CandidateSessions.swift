import SQLKit

/// Imported exam sessions (a plan and a day) with their counts, kept in `candidate_sessions`
/// so the sessions list reads a few rows per plan instead of grouping every candidate result.
enum CandidateSessions {
    /// Rebuilds every session from the candidate results.
    static func recomputeAll(on sql: any SQLDatabase) async throws {
        try await sql.raw("DELETE FROM candidate_sessions").run()
        try await sql.raw("""
            INSERT INTO candidate_sessions (plan_id, exam_date, registered, attended, passed, plan_year)
            SELECT k.plan_id, k.exam_date, COUNT(*), SUM(k.attended), SUM(k.passed), MIN(p.year)
            FROM exam_candidates k JOIN plans p ON p.id = k.plan_id GROUP BY k.plan_id, k.exam_date
            """).run()
        try await ExamDays.recomputeAll(on: sql)
    }

    /// Adds sessions of candidate results that have just been stored, listed in `table` (one row
    /// per plan and day: `plan_id`, `exam_date`, `registered`, `attended`, `passed`).
    /// `WHERE 1 = 1` tells SQLite's parser that ON CONFLICT belongs to the INSERT.
    static func add(from table: String, on sql: any SQLDatabase) async throws {
        try await sql.raw("""
            INSERT INTO candidate_sessions (plan_id, exam_date, registered, attended, passed, plan_year)
            SELECT t.plan_id, t.exam_date, t.registered, t.attended, t.passed, p.year
            FROM \(ident: table) t JOIN plans p ON p.id = t.plan_id WHERE 1 = 1
            ON CONFLICT (plan_id, exam_date) DO UPDATE SET registered = candidate_sessions.registered + excluded.registered,
              attended = candidate_sessions.attended + excluded.attended, passed = candidate_sessions.passed + excluded.passed
            """).run()
        try await ExamDays.add(from: table, on: sql)
    }
}
