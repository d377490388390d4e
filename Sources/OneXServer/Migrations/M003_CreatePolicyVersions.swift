import Fluent

struct CreatePolicyVersions: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("policy_versions")
            .id()
            .field("version", .int, .required)
            .field("document", .string, .required)
            .field("author", .string, .required)
            .field("created_at", .datetime, .required)
            .unique(on: "version")
            .create()
    }

    func revert(on db: any Database) async throws {
        try await db.schema("policy_versions").delete()
    }
}
