import Fluent

/// The person behind an account (姓名), so pages name reviewers and importers by name and unit
/// rather than by login. Optional: an account of a unit without a named person shows the unit.
struct AddDisplayNames: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("users").field("display_name", .string).update()
    }

    func revert(on db: any Database) async throws {
        try await db.schema("users").deleteField("display_name").update()
    }
}
