import Fluent
import SQLKit

/// Schools' biweekly progress reports (AH41-9): one per school and due date, filed in OneX or
/// taken from the national platform's records; a late one is kept with the day it was filed.
struct CreateBiweeklyReports: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("biweekly_reports")
            .id()
            .field("school_id", .uuid, .required, .references("schools", "id"))
            .field("due_date", .string, .required)
            .field("filed_on", .string, .required)
            .field("filed_at", .datetime, .required)
            .field("source", .string, .required)
            .field("progress", .string)
            .field("experience", .string)
            .field("cases", .string)
            .field("problems", .string)
            .field("suggestions", .string)
            .field("filed_by", .string, .required)
            .unique(on: "school_id", "due_date")
            .create()
        guard let sql = db as? any SQLDatabase else { throw MigrationNeedsSQL() }
        try await sql.raw("CREATE INDEX biweekly_reports_due ON biweekly_reports (due_date)").run()
    }

    func revert(on db: any Database) async throws {
        try await db.schema("biweekly_reports").delete()
    }
}
