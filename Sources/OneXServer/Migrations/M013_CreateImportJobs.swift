import Fluent
import SQLKit

/// Candidate imports and their progress, shared by every server.
struct CreateImportJobs: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("import_jobs")
            .id()
            .field("owner", .string, .required)
            .field("file_name", .string, .required)
            .field("state", .string, .required)
            .field("processed", .int, .required)
            .field("total", .int, .required)
            .field("summary", .string)
            .field("errors", .string, .required)
            .field("started_at", .datetime, .required)
            .field("finished_at", .datetime)
            .create()
        guard let sql = db as? any SQLDatabase else { throw MigrationNeedsSQL() }
        // An account's imports, newest first.
        try await sql.raw("CREATE INDEX import_jobs_owner ON import_jobs (owner, started_at)").run()
    }

    func revert(on db: any Database) async throws {
        try await db.schema("import_jobs").delete()
    }
}
