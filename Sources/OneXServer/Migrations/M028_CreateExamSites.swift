import Fluent
import SQLKit

/// Exam sites (考核站点, AH41-3): a school's application to host exams of a certificate, its
/// place and means, and where the application stands. The reasons and decisions are in the
/// audit log; the row keeps the last reason shown to the school.
struct CreateExamSites: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("exam_sites")
            .id()
            .field("number", .string, .required)
            .field("school_id", .uuid, .required, .references("schools", "id"))
            .field("certificate_id", .uuid, .required, .references("certificates", "id"))
            .field("place", .string, .required)
            .field("address", .string, .required)
            .field("capacity", .int, .required)
            .field("equipment", .string, .required)
            .field("contact", .string, .required)
            .field("phone", .string, .required)
            .field("status", .string, .required)
            .field("reason", .string)
            .field("approved_on", .string)
            .field("created_at", .datetime, .required)
            .field("updated_at", .datetime, .required)
            .create()
        guard let sql = db as? any SQLDatabase else { throw MigrationNeedsSQL() }
        try await sql.raw("CREATE UNIQUE INDEX exam_sites_number ON exam_sites (number)").run()
        try await sql.raw("CREATE INDEX exam_sites_school ON exam_sites (school_id)").run()
        try await sql.raw("CREATE INDEX exam_sites_certificate ON exam_sites (certificate_id, status)").run()
    }

    func revert(on db: any Database) async throws {
        try await db.schema("exam_sites").delete()
    }
}
