import Foundation
import SQLKit

/// Keeps each plan's running totals (the sums indicators.md is built from) in step with its
/// changes, exam sessions and candidate results, so the indicators of a whole province are one
/// pass over `plans`. Called in the same transaction as every write that affects them.
enum PlanTotals {
    /// new / adjustment (counting in indicators, HN-10) / applied (new + increase, AH22-2).
    static func recomputeChanges(planIDs: [UUID]?, on sql: any SQLDatabase) async throws {
        try await forEachBatch(planIDs) { filter in
            try await sql.raw("""
                UPDATE plans SET
                  new_count = COALESCE((SELECT SUM(c.count) FROM plan_changes c WHERE c.plan_id = plans.id AND c.kind = 'new'), 0),
                  adjustment_count = COALESCE((SELECT SUM(ABS(c.count)) FROM plan_changes c WHERE c.plan_id = plans.id
                    AND c.kind IN ('increase', 'decrease') AND c.counts_in_indicators = \(bind: true)), 0),
                  applied_count = COALESCE((SELECT SUM(c.count) FROM plan_changes c WHERE c.plan_id = plans.id
                    AND c.kind IN ('new', 'increase')), 0)
                \(filter)
                """).run()
        }
    }

    /// registered / attended / passed and the last exam day, over sessions entered by hand and
    /// imported candidate results (each candidate row is one registration).
    static func recomputeExams(planIDs: [UUID]?, on sql: any SQLDatabase) async throws {
        try await forEachBatch(planIDs) { filter in
            try await sql.raw("""
                UPDATE plans SET
                  exam_registered = COALESCE((SELECT SUM(e.registered) FROM exams e WHERE e.plan_id = plans.id), 0)
                    + (SELECT COUNT(*) FROM exam_candidates k WHERE k.plan_id = plans.id),
                  exam_attended = COALESCE((SELECT SUM(e.attended) FROM exams e WHERE e.plan_id = plans.id), 0)
                    + COALESCE((SELECT SUM(k.attended) FROM exam_candidates k WHERE k.plan_id = plans.id), 0),
                  exam_passed = COALESCE((SELECT SUM(e.passed) FROM exams e WHERE e.plan_id = plans.id), 0)
                    + COALESCE((SELECT SUM(k.passed) FROM exam_candidates k WHERE k.plan_id = plans.id), 0),
                  last_exam_on = (SELECT MAX(x.d) FROM (SELECT e.date AS d FROM exams e WHERE e.plan_id = plans.id
                    UNION ALL SELECT k.exam_date AS d FROM exam_candidates k WHERE k.plan_id = plans.id) x)
                \(filter)
                """).run()
        }
    }

    /// Adds sessions of candidate results that have just been stored, listed in `table` (columns
    /// `plan_id`, `exam_date`, `registered`, `attended`, `passed`), to their plans' totals:
    /// reading only the new sessions instead of every result of the plans they touch.
    static func addSessions(from table: String, on sql: any SQLDatabase) async throws {
        try await sql.raw("""
            UPDATE plans SET
              exam_registered = exam_registered + t.registered, exam_attended = exam_attended + t.attended,
              exam_passed = exam_passed + t.passed,
              last_exam_on = CASE WHEN last_exam_on IS NULL OR last_exam_on < t.last THEN t.last ELSE last_exam_on END
            FROM (SELECT plan_id, SUM(registered) AS registered, SUM(attended) AS attended, SUM(passed) AS passed,
                    MAX(exam_date) AS last FROM \(ident: table) GROUP BY plan_id) t
            WHERE plans.id = t.plan_id
            """).run()
    }

    /// Runs `body` with `WHERE id IN (…)` for batches of ids, or once with no filter for all.
    private static func forEachBatch(_ ids: [UUID]?, _ body: (SQLQueryString) async throws -> Void) async throws {
        guard let ids else { return try await body("") }
        var start = 0
        while start < ids.count {
            let batch = ids[start..<min(ids.count, start + 500)]
            try await body("WHERE id IN (\(binds: batch.map { $0 as any Encodable & Sendable }))")
            start += 500
        }
    }
}
