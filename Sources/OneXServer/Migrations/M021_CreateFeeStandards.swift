import Fluent
import SQLKit

/// Provincial fee standards per certificate level, every version kept (MOE12-1, MOE12-2).
struct CreateFeeStandards: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("fee_standards")
            .id()
            .field("certificate_id", .uuid, .required, .references("certificates", "id"))
            .field("level", .string, .required)
            .field("amount", .int64, .required)
            .field("effective_from", .string, .required)
            .field("status", .string, .required)
            .field("is_raise", .bool, .required)
            .field("raise_request", .string)
            .field("breakdown", .string)
            .field("proposed_by", .string, .required)
            .field("proposed_at", .datetime, .required)
            .field("review", .string)
            .field("reviewed_by", .string)
            .field("verified_amount", .int64)
            .field("decided_by", .string)
            .field("decided_at", .datetime)
            .field("decision_comment", .string)
            .field("document_number", .string)
            .field("published_on", .string)
            .field("published_by", .string)
            .create()
        guard let sql = db as? any SQLDatabase else { throw MigrationNeedsSQL() }
        // A certificate level's versions in order: the standard in force is the last published
        // one on or before a day.
        try await sql.raw(
            "CREATE INDEX fee_standards_versions ON fee_standards (certificate_id, level, effective_from)"
        ).run()
    }

    func revert(on db: any Database) async throws {
        try await db.schema("fee_standards").delete()
    }
}
