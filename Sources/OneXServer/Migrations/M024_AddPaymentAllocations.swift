import Fluent

/// A payment may say what it is for, per certificate: a JSON list of `{certificate, amount}`
/// (certificate codes, fen), absent when the school did not allocate it.
struct AddPaymentAllocations: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("payments").field("allocation", .string).update()
    }

    func revert(on db: any Database) async throws {
        try await db.schema("payments").deleteField("allocation").update()
    }
}
