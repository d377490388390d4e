import Fluent

/// In-app notices, addressed to a unit or a role, at most once per (audience, key).
struct CreateNotices: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("notices")
            .id()
            .field("audience", .string, .required)
            .field("key", .string, .required)
            .field("title", .string, .required)
            .field("body", .string, .required)
            .field("link", .string)
            .field("created_at", .datetime, .required)
            .unique(on: "audience", "key")
            .create()
    }

    func revert(on db: any Database) async throws {
        try await db.schema("notices").delete()
    }
}
