import Fluent
import SQLKit

/// An entered exam session may name the approved exam site it was held at (AH41-3); the
/// free-text place stays for sessions held elsewhere and for those entered before.
struct AddExamSessionSites: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("exams").field("site_id", .uuid).update()
        guard let sql = db as? any SQLDatabase else { throw MigrationNeedsSQL() }
        try await sql.raw("CREATE INDEX exams_site ON exams (site_id)").run()
    }

    func revert(on db: any Database) async throws {
        guard let sql = db as? any SQLDatabase else { throw MigrationNeedsSQL() }
        try await sql.raw("DROP INDEX exams_site").run()
        try await db.schema("exams").deleteField("site_id").update()
    }
}
