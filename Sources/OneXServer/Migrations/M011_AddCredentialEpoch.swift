import Fluent

/// A counter on each account that a password change or a deactivation raises, so the web
/// sessions begun before it end (see `WebSession`).
struct AddCredentialEpoch: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("users")
            .field(.definition(name: .key("credential_epoch"), dataType: .int, constraints: [.required, .sql(.default(0))])).update()
    }

    func revert(on db: any Database) async throws {
        try await db.schema("users").deleteField("credential_epoch").update()
    }
}
