import Fluent
import SQLKit

/// Imports become records of their unit: the organisation that uploaded (nil for the province
/// office), so colleagues and the province can list them; and every problem of a refused file
/// with its line and column (`FieldError`s as JSON), for the error table and its CSV.
struct ScopeImportJobs: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("import_jobs").field("organization", .string).update()
        try await db.schema("import_jobs").field("problems", .string).update()
        guard let sql = db as? any SQLDatabase else { throw MigrationNeedsSQL() }
        try await sql.raw("CREATE INDEX import_jobs_organization ON import_jobs (organization, started_at)")
            .run()
    }

    func revert(on db: any Database) async throws {
        guard let sql = db as? any SQLDatabase else { throw MigrationNeedsSQL() }
        try await sql.raw("DROP INDEX import_jobs_organization").run()
        try await db.schema("import_jobs").deleteField("problems").update()
        try await db.schema("import_jobs").deleteField("organization").update()
    }
}
