import Fluent
import SQLKit

/// The rectification ledger (整改台账, AH38-3..6): items with their four lists, and each item's
/// history of progress, leaders' reviews and closure steps, with the evidence file an entry
/// carries. Entries are added, never changed; the item keeps its current state.
struct CreateRectificationLedger: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("rectification_items")
            .id()
            .field("number", .string, .required)
            .field("category", .string, .required)
            .field("problem", .string, .required)
            .field("task", .string, .required)
            .field("responsible_kind", .string, .required)
            .field("responsible_unit", .string, .required)
            .field("person", .string)
            .field("phone", .string)
            .field("deadline", .string, .required)
            .field("status", .string, .required)
            // The units that see the item (scoping): the responsible school, the region of the
            // school or the bureau, the responsible organisation.
            .field("school_code", .string)
            .field("region_code", .string)
            .field("organization_code", .string)
            // The live figure a generated item is about.
            .field("link_certificate", .string)
            .field("link_school", .string)
            .field("link_organization", .string)
            .field("created_by", .string, .required)
            .field("created_on", .string, .required)
            .field("created_at", .datetime, .required)
            .field("updated_at", .datetime, .required)
            .create()
        try await db.schema("rectification_entries")
            .id()
            .field("item_id", .uuid, .required, .references("rectification_items", "id"))
            .field("kind", .string, .required)
            .field("on_day", .string, .required)
            .field("text", .string, .required)
            .field("leader", .string)
            .field("filename", .string)
            .field("content_type", .string)
            .field("size", .int)
            .field("sha256", .string)
            .field("data", .data)
            .field("actor", .string, .required)
            .field("at", .datetime, .required)
            .create()
        guard let sql = db as? any SQLDatabase else { throw MigrationNeedsSQL() }
        try await sql.raw("CREATE UNIQUE INDEX rectification_items_number ON rectification_items (number)")
            .run()
        try await sql.raw("CREATE INDEX rectification_items_school ON rectification_items (school_code)")
            .run()
        try await sql.raw("CREATE INDEX rectification_items_region ON rectification_items (region_code)")
            .run()
        try await sql.raw(
            "CREATE INDEX rectification_items_organization ON rectification_items (organization_code)"
        )
        .run()
        try await sql.raw(
            "CREATE INDEX rectification_entries_item ON rectification_entries (item_id, on_day)"
        ).run()
    }

    func revert(on db: any Database) async throws {
        try await db.schema("rectification_entries").delete()
        try await db.schema("rectification_items").delete()
    }
}
