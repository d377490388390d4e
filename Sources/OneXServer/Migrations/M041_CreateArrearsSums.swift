import Fluent
import SQLKit

/// The arrears of each city's schools to each organisation, summed from `arrears_pairs` and
/// kept by triggers on it: the province's fee panel asks for its totals per city and per
/// organisation on every dashboard view, which over the national data's 288,000 pairs is
/// 0.1 s a grouping, and over these rows (a city × an organisation) a lookup. Settled and owed
/// are each pair's own (what a school paid beyond its debt to one organisation settles nothing
/// of another), so they are kept as sums of the pairs' values rather than computed from the sums.
struct CreateArrearsSums: AsyncMigration {
    /// The kept columns, each with a pair's contribution as an expression over a row `X`.
    static let columns: [(name: String, pair: String)] = [
        ("pairs", "1"),
        ("payable", "X.payable"),
        ("confirmed", "X.confirmed"),
        (
            "settled",
            "CASE WHEN X.confirmed >= X.payable THEN X.payable WHEN X.confirmed > 0 THEN X.confirmed ELSE 0 END"
        ),
        ("owed", "CASE WHEN X.payable > X.confirmed THEN X.payable - X.confirmed ELSE 0 END"),
        ("overdue", "X.overdue"),
        ("unpriced", "X.unpriced"),
    ]

    func prepare(on db: any Database) async throws {
        let sql = try db.sql()
        var table = db.schema("arrears_sums")
            .field("region_id", .uuid, .required, .references("regions", "id"))
            .field("organization_id", .uuid, .required, .references("organizations", "id"))
        for column in Self.columns {
            table = table.field(FieldKey(stringLiteral: column.name), .int64, .required)
        }
        try await table.unique(on: "region_id", "organization_id").create()

        let names = Self.columns.map(\.name).joined(separator: ", ")
        func of(_ row: String, _ column: (name: String, pair: String)) -> String {
            column.pair.replacingOccurrences(of: "X.", with: row)
        }
        let sums = Self.columns.map { "SUM(\(of("a.", $0)))" }.joined(separator: ", ")
        try await sql.raw(
            """
            INSERT INTO arrears_sums (region_id, organization_id, \(unsafeRaw: names))
            SELECT a.region_id, a.organization_id, \(unsafeRaw: sums) FROM arrears_pairs a
            GROUP BY a.region_id, a.organization_id
            """
        ).run()

        func add(_ row: String) -> String {
            let values = Self.columns.map { of(row, $0) }.joined(separator: ", ")
            let update = Self.columns.map { "\($0.name) = arrears_sums.\($0.name) + excluded.\($0.name)" }
                .joined(separator: ", ")
            return """
                INSERT INTO arrears_sums (region_id, organization_id, \(names))
                VALUES (\(row)region_id, \(row)organization_id, \(values))
                ON CONFLICT (region_id, organization_id) DO UPDATE SET \(update);
                """
        }
        func remove(_ row: String) -> String {
            let update = Self.columns.map { "\($0.name) = \($0.name) - (\(of(row, $0)))" }.joined(
                separator: ", ")
            let pair = "region_id = \(row)region_id AND organization_id = \(row)organization_id"
            return """
                UPDATE arrears_sums SET \(update) WHERE \(pair);
                DELETE FROM arrears_sums WHERE \(pair) AND pairs = 0;
                """
        }
        if sql.dialect.name == "postgresql" {
            try await sql.raw(
                """
                CREATE FUNCTION arrears_sums_keep() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                  IF TG_OP <> 'INSERT' THEN \(unsafeRaw: remove("OLD.")) END IF;
                  IF TG_OP <> 'DELETE' THEN \(unsafeRaw: add("NEW.")) END IF;
                  RETURN NULL;
                END $$
                """
            ).run()
            try await sql.raw(
                """
                CREATE TRIGGER arrears_sums_keep AFTER INSERT OR UPDATE OR DELETE ON arrears_pairs
                FOR EACH ROW EXECUTE FUNCTION arrears_sums_keep()
                """
            ).run()
        } else {
            let triggers = [
                ("insert", "INSERT", add("NEW.")),
                ("update", "UPDATE", remove("OLD.") + "\n" + add("NEW.")),
                ("delete", "DELETE", remove("OLD.")),
            ]
            for (name, event, body) in triggers {
                try await sql.raw(
                    """
                    CREATE TRIGGER arrears_sums_\(unsafeRaw: name) AFTER \(unsafeRaw: event) ON arrears_pairs
                    FOR EACH ROW BEGIN
                    \(unsafeRaw: body)
                    END
                    """
                ).run()
            }
        }
    }

    func revert(on db: any Database) async throws {
        let sql = try db.sql()
        if sql.dialect.name == "postgresql" {
            try await sql.raw("DROP TRIGGER arrears_sums_keep ON arrears_pairs").run()
            try await sql.raw("DROP FUNCTION arrears_sums_keep()").run()
        } else {
            for name in ["insert", "update", "delete"] {
                try await sql.raw("DROP TRIGGER arrears_sums_\(unsafeRaw: name)").run()
            }
        }
        try await db.schema("arrears_sums").delete()
    }
}
