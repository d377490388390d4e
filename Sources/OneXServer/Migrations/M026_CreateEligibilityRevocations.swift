import Fluent

/// A school's loss of a year's pilot eligibility for missed biweekly reports (AH41-9), and its
/// lifting; both kept, never deleted.
struct CreateEligibilityRevocations: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("eligibility_revocations")
            .id()
            .field("school_id", .uuid, .required, .references("schools", "id"))
            .field("year", .int, .required)
            .field("reason", .string, .required)
            .field("revoked_by", .string, .required)
            .field("revoked_at", .datetime, .required)
            .field("lifted_by", .string)
            .field("lifted_at", .datetime)
            .field("lift_reason", .string)
            .create()
    }

    func revert(on db: any Database) async throws {
        try await db.schema("eligibility_revocations").delete()
    }
}
