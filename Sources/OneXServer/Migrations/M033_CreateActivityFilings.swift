import Fluent
import SQLKit

/// Organisations' filings of provincial activities (报备, AH41-4): what, when, where, how many,
/// and where the filing stands; the last reason the office gave is kept on the row.
struct CreateActivityFilings: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("activity_filings")
            .id()
            .field("number", .string, .required)
            .field("certificate_id", .uuid, .required, .references("certificates", "id"))
            .field("kind", .string, .required)
            .field("title", .string, .required)
            .field("starts_on", .string, .required)
            .field("ends_on", .string, .required)
            .field("place", .string, .required)
            .field("participants", .int, .required)
            .field("status", .string, .required)
            .field("reason", .string)
            .field("created_by", .string, .required)
            .field("created_at", .datetime, .required)
            .field("updated_at", .datetime, .required)
            .create()
        guard let sql = db as? any SQLDatabase else { throw MigrationNeedsSQL() }
        try await sql.raw("CREATE UNIQUE INDEX activity_filings_number ON activity_filings (number)").run()
        try await sql.raw(
            "CREATE INDEX activity_filings_certificate ON activity_filings (certificate_id, kind, starts_on)"
        ).run()
    }

    func revert(on db: any Database) async throws {
        try await db.schema("activity_filings").delete()
    }
}
