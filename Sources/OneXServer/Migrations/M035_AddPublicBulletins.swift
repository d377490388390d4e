import Fluent

/// A published 通报 goes on the public pages only when the province chooses (AH41-12): when,
/// and by whom; empty while it is not public.
struct AddPublicBulletins: AsyncMigration {
    func prepare(on db: any Database) async throws {
        // One column per statement: SQLite alters a table one change at a time.
        try await db.schema("warning_bulletins").field("public_at", .datetime).update()
        try await db.schema("warning_bulletins").field("public_by", .string).update()
    }

    func revert(on db: any Database) async throws {
        try await db.schema("warning_bulletins").deleteField("public_by").update()
        try await db.schema("warning_bulletins").deleteField("public_at").update()
    }
}
