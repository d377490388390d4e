import SQLKit

/// Imported exam sessions (a plan and a day) with their counts, kept in `candidate_sessions`
/// so the sessions list reads a few rows per plan instead of grouping every candidate result.
enum CandidateSessions {
    /// Rebuilds the sessions of the plans `plansWhere` selects (a condition on `plan_id`), or
    /// of every plan.
    static func recompute(plansWhere condition: SQLQueryString?, on sql: any SQLDatabase) async throws {
        let filter: SQLQueryString = condition.map { "WHERE " + $0 } ?? ""
        try await sql.raw("DELETE FROM candidate_sessions \(filter)").run()
        try await sql.raw("""
            INSERT INTO candidate_sessions (plan_id, exam_date, registered, attended, passed)
            SELECT plan_id, exam_date, COUNT(*), SUM(attended), SUM(passed) FROM exam_candidates \(filter)
            GROUP BY plan_id, exam_date
            """).run()
    }
}
