import Fluent
import SQLKit

/// Schools' decisions to admit or exit a certificate (AH41-2), with the experts' justification
/// or the reason. Decisions are added, never changed: the last one is the school's position.
struct CreateCertificateDecisions: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("certificate_decisions")
            .id()
            .field("school_id", .uuid, .required, .references("schools", "id"))
            .field("certificate_id", .uuid, .required, .references("certificates", "id"))
            .field("kind", .string, .required)
            .field("decided_on", .string, .required)
            .field("justification", .string, .required)
            .field("experts", .string)
            .field("recorded_by", .string, .required)
            .field("recorded_at", .datetime, .required)
            .create()
        guard let sql = db as? any SQLDatabase else { throw MigrationNeedsSQL() }
        try await sql.raw(
            "CREATE INDEX certificate_decisions_school ON certificate_decisions (school_id, certificate_id, recorded_at)"
        ).run()
    }

    func revert(on db: any Database) async throws {
        try await db.schema("certificate_decisions").delete()
    }
}
