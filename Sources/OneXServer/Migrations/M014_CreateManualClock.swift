import Fluent

/// The manual clock of tests and demos (`ONEX_CLOCK=manual`), shared by every server: one row,
/// its instant and how many times it was set.
struct CreateManualClock: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("manual_clock")
            .field("id", .int, .identifier(auto: false))
            .field("at", .double, .required)
            .field("revision", .int, .required)
            .create()
    }

    func revert(on db: any Database) async throws {
        try await db.schema("manual_clock").delete()
    }
}
