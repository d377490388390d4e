import Fluent

/// When an account last opened its notices: the notices since are its unread ones, counted in
/// the menu.
struct AddNoticesSeen: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("users").field("notices_seen_at", .datetime).update()
    }

    func revert(on db: any Database) async throws {
        try await db.schema("users").deleteField("notices_seen_at").update()
    }
}
