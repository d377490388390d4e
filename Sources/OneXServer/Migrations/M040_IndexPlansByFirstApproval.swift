import Fluent
import SQLKit

/// Fee-standard coverage asks, for every certificate and level, when its first plan was
/// approved. With this index that is one lookup per certificate and level; without it the
/// database read every plan of the certificate (on the national data 2 s of the province's
/// dashboard).
struct IndexPlansByFirstApproval: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.sql().raw(
            "CREATE INDEX plans_first_approved ON plans (certificate_id, level, first_approved_at)"
        ).run()
    }

    func revert(on db: any Database) async throws {
        try await db.sql().raw("DROP INDEX plans_first_approved").run()
    }
}
