import SQLKit

/// Imported exam sessions (a plan and a day) with their counts, kept in `candidate_sessions`
/// so the sessions list reads a few rows per plan instead of grouping every candidate result.
enum CandidateSessions {
    /// Rebuilds the sessions of the plans `plans` lists (a query with a `plan_id` column), or of
    /// every plan. The listed plans drive the join, so only their candidates are read.
    static func recompute(plans: SQLQueryString?, on sql: any SQLDatabase) async throws {
        guard let plans else {
            try await sql.raw("DELETE FROM candidate_sessions").run()
            try await sql.raw("""
                INSERT INTO candidate_sessions (plan_id, exam_date, registered, attended, passed)
                SELECT plan_id, exam_date, COUNT(*), SUM(attended), SUM(passed) FROM exam_candidates GROUP BY plan_id, exam_date
                """).run()
            return
        }
        try await sql.raw("DELETE FROM candidate_sessions WHERE plan_id IN (\(plans))").run()
        try await sql.raw("""
            INSERT INTO candidate_sessions (plan_id, exam_date, registered, attended, passed)
            SELECT k.plan_id, k.exam_date, COUNT(*), SUM(k.attended), SUM(k.passed)
            FROM (\(plans)) t JOIN exam_candidates k ON k.plan_id = t.plan_id GROUP BY k.plan_id, k.exam_date
            """).run()
    }
}
