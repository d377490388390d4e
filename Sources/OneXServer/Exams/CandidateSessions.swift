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
                INSERT INTO candidate_sessions (plan_id, exam_date, registered, attended, passed, plan_year)
                SELECT k.plan_id, k.exam_date, COUNT(*), SUM(k.attended), SUM(k.passed), MIN(p.year)
                FROM exam_candidates k JOIN plans p ON p.id = k.plan_id GROUP BY k.plan_id, k.exam_date
                """).run()
            return
        }
        try await sql.raw("DELETE FROM candidate_sessions WHERE plan_id IN (\(plans))").run()
        try await sql.raw("""
            INSERT INTO candidate_sessions (plan_id, exam_date, registered, attended, passed, plan_year)
            SELECT k.plan_id, k.exam_date, COUNT(*), SUM(k.attended), SUM(k.passed), MIN(p.year)
            FROM (\(plans)) t JOIN exam_candidates k ON k.plan_id = t.plan_id JOIN plans p ON p.id = t.plan_id
            GROUP BY k.plan_id, k.exam_date
            """).run()
    }
}
