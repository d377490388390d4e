import Fluent

/// Users with bcrypt passwords and their API tokens.
struct CreateAccounts: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("users")
            .id()
            .field("username", .string, .required)
            .field("password_hash", .string, .required)
            .field("role", .string, .required)
            .field("region_id", .uuid, .references("regions", "id"))
            .field("school_id", .uuid, .references("schools", "id"))
            .field("organization_id", .uuid, .references("organizations", "id"))
            .field("active", .bool, .required)
            .field("failed_logins", .int, .required)
            .field("locked_until", .datetime)
            .field("created_at", .datetime, .required)
            .unique(on: "username")
            .create()
        try await db.schema("api_tokens")
            .id()
            .field("user_id", .uuid, .required, .references("users", "id", onDelete: .cascade))
            .field("token_hash", .string, .required)
            .field("expires_at", .datetime, .required)
            .field("revoked_at", .datetime)
            .field("created_at", .datetime, .required)
            .unique(on: "token_hash")
            .create()
    }

    func revert(on db: any Database) async throws {
        try await db.schema("api_tokens").delete()
        try await db.schema("users").delete()
    }
}
