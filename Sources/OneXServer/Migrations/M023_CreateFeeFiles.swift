import Fluent
import SQLKit

/// Files kept with fee standards and payments (MOE12-2's written request for a raise, a
/// payment's voucher): added, never replaced or deleted, like the records they belong to.
struct CreateFeeFiles: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("fee_files")
            .id()
            .field("fee_standard_id", .uuid, .references("fee_standards", "id"))
            .field("payment_id", .uuid, .references("payments", "id"))
            .field("purpose", .string, .required)
            .field("filename", .string, .required)
            .field("content_type", .string, .required)
            .field("size", .int, .required)
            .field("sha256", .string, .required)
            .field("data", .data, .required)
            .field("uploaded_by", .string, .required)
            .field("at", .datetime, .required)
            .create()
        guard let sql = db as? any SQLDatabase else { throw MigrationNeedsSQL() }
        try await sql.raw("CREATE INDEX fee_files_standard ON fee_files (fee_standard_id)").run()
        try await sql.raw("CREATE INDEX fee_files_payment ON fee_files (payment_id)").run()
    }

    func revert(on db: any Database) async throws {
        try await db.schema("fee_files").delete()
    }
}
