import Fluent
import Foundation
import OneXDomain
import SQLKit

/// Implausible results files are caught like implausible exam sessions: an import that would
/// take a plan's registrations past the policy's tolerance over its planned count is refused
/// with every such plan and its figures, unless the province office confirmed it — then the
/// confirmation is recorded in the audit log with the plans it covered.
enum ImportOverPlan {
    /// Reads the sessions the import is about to add (`onex_import_sessions`), before the plans'
    /// totals grow by them.
    static func check(confirmed: Bool, actor: String, now: Date, on tx: any Database) async throws {
        let sql = try tx.sql()
        let tolerance = try await PolicyVersion.current(on: tx)?.policy().rules.registrationTolerance ?? 0.2
        // Over the planned count at all is a cheap superset; the tolerance is applied below with
        // the same arithmetic as for a session entered by hand.
        let rows = try await sql.raw(
            """
            SELECT p.id AS plan_id, s.code AS school, s.name AS school_name, c.code AS certificate, c.name AS certificate_name, p.level,
              CAST(p.count AS BIGINT) AS planned, CAST(p.exam_registered + a.added AS BIGINT) AS after
            FROM (SELECT plan_id, SUM(registered) AS added FROM onex_import_sessions GROUP BY plan_id) a
            JOIN plans p ON p.id = a.plan_id JOIN schools s ON s.id = p.school_id JOIN certificates c ON c.id = p.certificate_id
            WHERE p.exam_registered + a.added > p.count
            ORDER BY s.code, c.code, p.level
            """
        ).all()
        var problems: [FieldError] = []
        var over = 0
        for r in rows {
            let planned = try r.decode(column: "planned", as: Int.self)
            let after = try r.decode(column: "after", as: Int.self)
            guard
                let problem = ExamSession.overPlanProblem(
                    after: after, planned: planned, tolerance: tolerance)
            else { continue }
            over += 1
            guard problems.count < CandidateImport.reportedErrors else { continue }
            let level = try Level.stored(
                r.decode(column: "level", as: String.self), table: PlanRow.schema, column: "level",
                id: r.decode(column: "plan_id", as: UUID.self))
            let school =
                "\(try r.decode(column: "school_name", as: String.self))（\(try r.decode(column: "school", as: String.self))）"
            let certificate =
                "\(try r.decode(column: "certificate_name", as: String.self))（\(try r.decode(column: "certificate", as: String.self))）"
            problems.append(
                FieldError(
                    code: "over_plan",
                    UIText(
                        zh: "\(school)\(certificate)\(level.chinese)：\(problem.zh)",
                        en: "\(school) \(certificate) \(level.english): \(problem.en)"),
                    field: "plan"))
        }
        guard over > 0 else { return }
        guard confirmed else {
            let pct = Int((max(0, tolerance) * 100).rounded())
            throw AppError.invalid(
                problems,
                detail: "有\(over)个考核计划的报名人数将超过计划数的\(100 + pct)%，未导入任何数据。请核对文件；如确属实，须由省级管理员勾选“确认超计划”后重新导入")
        }
        try await AuditWriter(tx).append(
            actor: actor, action: "confirm.overPlan", entity: "exam_candidates", key: UUID().uuidString,
            before: "\(over) plans over their tolerance",
            after: problems.map(\.message).joined(separator: "\n"), at: now)
    }
}
