import Fluent
import SQLKit

/// Schools' payments to organisations (AH38-2, GD-1): never updated in amount or deleted; a
/// correction is a row of its own naming the row it reverses.
struct CreatePayments: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("payments")
            .id()
            .field("school_id", .uuid, .required, .references("schools", "id"))
            .field("organization_id", .uuid, .required, .references("organizations", "id"))
            .field("amount", .int64, .required)
            .field("paid_on", .string, .required)
            .field("funding_source", .string, .required)
            .field("voucher", .string)
            .field("note", .string)
            .field("corrects_id", .uuid, .references("payments", "id"))
            .field("status", .string, .required)
            .field("dispute_reason", .string)
            .field("recorded_by", .string, .required)
            .field("recorded_at", .datetime, .required)
            .field("answered_by", .string)
            .field("answered_at", .datetime)
            .unique(on: "corrects_id")
            .create()
        guard let sql = db as? any SQLDatabase else { throw MigrationNeedsSQL() }
        try await sql.raw(
            "CREATE INDEX payments_school_organization ON payments (school_id, organization_id)"
        ).run()
        try await sql.raw("CREATE INDEX payments_organization ON payments (organization_id)").run()
    }

    func revert(on db: any Database) async throws {
        try await db.schema("payments").delete()
    }
}
