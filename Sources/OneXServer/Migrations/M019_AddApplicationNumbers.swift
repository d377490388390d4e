import Fluent
import SQLKit

/// Application numbers (豫1X-2026-春-0012), given at the first submission and unique.
struct AddApplicationNumbers: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("applications").field("number", .string).update()
        guard let sql = db as? any SQLDatabase else { throw MigrationNeedsSQL() }
        try await sql.raw("CREATE UNIQUE INDEX applications_number ON applications (number)").run()
    }

    func revert(on db: any Database) async throws {
        guard let sql = db as? any SQLDatabase else { throw MigrationNeedsSQL() }
        try await sql.raw("DROP INDEX applications_number").run()
        try await db.schema("applications").deleteField("number").update()
    }
}
