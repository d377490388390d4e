import Fluent

struct CreateAuditEntries: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("audit_entries")
            .id()
            .field("seq", .int, .required)
            .field("at", .datetime, .required)
            .field("actor", .string, .required)
            .field("action", .string, .required)
            .field("entity", .string, .required)
            .field("entity_key", .string, .required)
            .field("before", .string)
            .field("after", .string)
            .field("prev_hash", .string, .required)
            .field("hash", .string, .required)
            .unique(on: "seq")
            .create()
    }

    func revert(on db: any Database) async throws {
        try await db.schema("audit_entries").delete()
    }
}
