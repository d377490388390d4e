import Fluent

/// A published 通报 carries its document number (文号, e.g. 豫教职成〔2026〕12号), printed under
/// its title; absent, the printed sheet leaves the number to be written in.
struct AddBulletinNumbers: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("warning_bulletins").field("document_number", .string).update()
    }

    func revert(on db: any Database) async throws {
        try await db.schema("warning_bulletins").deleteField("document_number").update()
    }
}
