import Fluent
import SQLKit

/// Exam results and monitoring (EXAM-1, HN-9, AH41-10, AH22-8): per-plan running totals that
/// the indicator query sums in one pass, per-candidate results keyed by exam number and
/// certificate, declared pilot students, and the two-monthly snapshots with their bulletins.
struct CreateExamResults: AsyncMigration {
    func prepare(on db: any Database) async throws {
        // One column per ALTER: SQLite adds a single column per statement.
        for column in ["new_count", "adjustment_count", "applied_count", "exam_registered", "exam_attended", "exam_passed"] {
            try await db.schema("plans").field(.definition(name: .key(FieldKey(stringLiteral: column)), dataType: .int,
                                                           constraints: [.required, .sql(.default(0))])).update()
        }
        try await db.schema("plans").field("last_exam_on", .string).update()
        try await db.schema("exams").field("site", .string).update()
        try await db.schema("exams").field("recorded_by", .string).update()

        try await db.schema("exam_candidates")
            .field("exam_number", .string, .required)
            .field("certificate_id", .uuid, .required, .references("certificates", "id"))
            .field("plan_id", .uuid, .required, .references("plans", "id"))
            .field("school_id", .uuid, .required, .references("schools", "id"))
            .field("exam_date", .string, .required)
            .field("id_hash", .string, .required)
            .field("name_masked", .string, .required)
            .field("attended", .int, .required)
            .field("passed", .int, .required)
            .unique(on: "exam_number", "certificate_id")
            .create()
        try await db.schema("student_coverage")
            .id()
            .field("school_id", .uuid, .required, .references("schools", "id"))
            .field("year", .int, .required)
            .field("declared", .int)
            .field("examined", .int, .required, .sql(.default(0)))
            .unique(on: "school_id", "year")
            .create()
        try await db.schema("indicator_snapshots")
            .id()
            .field("taken_on", .string, .required)
            .field("year", .int, .required)
            .field("school_id", .uuid, .required, .references("schools", "id"))
            .field("planned", .int, .required)
            .field("completed", .int, .required)
            .field("attended", .int, .required)
            .field("expected", .double, .required)
            .field("warned", .bool, .required)
            .unique(on: "taken_on", "school_id", "year")
            .create()
        try await db.schema("warning_bulletins")
            .id()
            .field("taken_on", .string, .required)
            .field("published_by", .string, .required)
            .field("published_at", .datetime, .required)
            .unique(on: "taken_on")
            .create()

        let sql = db as! any SQLDatabase
        try await sql.create(index: "plans_year").on("plans").column("year").run()
        try await sql.create(index: "exams_plan").on("exams").column("plan_id").run()
        try await sql.create(index: "plan_changes_plan").on("plan_changes").column("plan_id").run()
        try await sql.create(index: "exam_candidates_plan").on("exam_candidates").column("plan_id").column("exam_date").run()
        try await sql.create(index: "exam_candidates_school").on("exam_candidates").column("school_id").column("exam_date").run()
        // Plans approved before this migration get their totals once.
        try await PlanTotals.recomputeChanges(planIDs: nil, on: sql)
        try await PlanTotals.recomputeExams(planIDs: nil, on: sql)
    }

    func revert(on db: any Database) async throws {
        for table in ["warning_bulletins", "indicator_snapshots", "student_coverage", "exam_candidates"] {
            try await db.schema(table).delete()
        }
    }
}
