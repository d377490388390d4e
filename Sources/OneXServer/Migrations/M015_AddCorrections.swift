import Fluent

/// A returned application stays a draft and remembers who returned it and by when it must come
/// back (`Correction`): the stage that returned it and the last day, as `YYYY-MM-DD`.
struct AddCorrections: AsyncMigration {
    func prepare(on db: any Database) async throws {
        // One column per statement: SQLite adds one column at a time.
        try await db.schema("applications").field("returned_by_stage", .string).update()
        try await db.schema("applications").field("correction_due", .string).update()
    }

    func revert(on db: any Database) async throws {
        try await db.schema("applications").deleteField("correction_due").update()
        try await db.schema("applications").deleteField("returned_by_stage").update()
    }
}
