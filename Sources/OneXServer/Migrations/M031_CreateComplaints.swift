import Fluent
import SQLKit

/// Complaints about an organisation or a certificate (AH41-2): who filed it (and the codes that
/// scope it), what it is about, its evidence file, where it stands, and its history of steps.
struct CreateComplaints: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("complaints")
            .id()
            .field("number", .string, .required)
            .field("complainant_role", .string, .required)
            .field("complainant_unit", .string, .required)
            .field("complainant_name", .string, .required)
            .field("school_code", .string)
            .field("region_code", .string)
            .field("organization_code", .string)
            .field("subject_organization", .string, .required)
            .field("subject_certificate", .string)
            .field("what", .string, .required)
            .field("occurred_on", .string, .required)
            .field("filename", .string)
            .field("content_type", .string)
            .field("data", .data)
            .field("status", .string, .required)
            .field("forwarded_on", .string)
            .field("moe_reported_on", .string)
            .field("created_at", .datetime, .required)
            .field("updated_at", .datetime, .required)
            .create()
        try await db.schema("complaint_entries")
            .id()
            .field("complaint_id", .uuid, .required, .references("complaints", "id"))
            .field("step", .string, .required)
            .field("text", .string, .required)
            .field("actor", .string, .required)
            .field("at", .datetime, .required)
            .create()
        guard let sql = db as? any SQLDatabase else { throw MigrationNeedsSQL() }
        try await sql.raw("CREATE UNIQUE INDEX complaints_number ON complaints (number)").run()
        try await sql.raw("CREATE INDEX complaints_subject ON complaints (subject_organization)").run()
        try await sql.raw("CREATE INDEX complaint_entries_complaint ON complaint_entries (complaint_id, at)")
            .run()
    }

    func revert(on db: any Database) async throws {
        try await db.schema("complaint_entries").delete()
        try await db.schema("complaints").delete()
    }
}
