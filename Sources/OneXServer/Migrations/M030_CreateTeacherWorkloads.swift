import Fluent
import SQLKit

/// Teachers' X-certificate training hours per term (AH41-7). A teacher is named by the school;
/// the ID number, if given, is kept only as the keyed hash (`teacher_key`), so the same teacher
/// is one person across terms and years.
struct CreateTeacherWorkloads: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("teacher_workloads")
            .id()
            .field("school_id", .uuid, .required, .references("schools", "id"))
            .field("teacher_name", .string, .required)
            .field("teacher_key", .string, .required)
            .field("year", .int, .required)
            .field("half", .string, .required)
            .field("certificate_id", .uuid, .required, .references("certificates", "id"))
            .field("hours", .int, .required)
            .field("recorded_by", .string, .required)
            .field("recorded_at", .datetime, .required)
            .create()
        guard let sql = db as? any SQLDatabase else { throw MigrationNeedsSQL() }
        try await sql.raw(
            "CREATE UNIQUE INDEX teacher_workloads_entry ON teacher_workloads (school_id, teacher_key, year, half, certificate_id)"
        ).run()
    }

    func revert(on db: any Database) async throws {
        try await db.schema("teacher_workloads").delete()
    }
}
