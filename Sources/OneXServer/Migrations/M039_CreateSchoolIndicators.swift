import Fluent
import SQLKit

/// The indicator figures of each school and year, kept as sums of its plans' running totals.
/// The province's dashboard groups them by city and school kind and ranks its schools; from
/// the plans that is a pass over every plan of the year for each grouping (on the national
/// data 0.3 s each), from these rows a pass over one row per school. Triggers on `plans` add a
/// plan's new figures and take away its old ones in the writer's own statement, so the sums are
/// exact after every write, whoever writes; a school-year without plans has no row.
struct CreateSchoolIndicators: AsyncMigration {
    /// The kept columns, each with the plan's contribution as an expression over a row `X`.
    static let columns: [(name: String, plan: String)] = [
        ("plans", "1"),
        ("exited_plans", "CASE WHEN X.status = 'exited' THEN 1 ELSE 0 END"),
        ("new_sum", "X.new_count"),
        ("adjusted", "X.adjustment_count"),
        ("planned", "X.count"),
        ("exited", "CASE WHEN X.status = 'exited' THEN X.count ELSE 0 END"),
        ("registered", "X.exam_registered"),
        ("attended", "X.exam_attended"),
        ("passed", "X.exam_passed"),
        ("completed", "CASE WHEN X.exam_attended < X.count THEN X.exam_attended ELSE X.count END"),
    ]

    /// The plan columns the figures are made of: an update of any other column changes nothing.
    static let planColumns =
        "school_id, year, status, count, new_count, adjustment_count, exam_registered, exam_attended, exam_passed"

    func prepare(on db: any Database) async throws {
        let sql = try db.sql()
        var table = db.schema("school_indicators")
            .field("school_id", .uuid, .required, .references("schools", "id"))
            .field("year", .int, .required)
        for column in Self.columns {
            table = table.field(FieldKey(stringLiteral: column.name), .int64, .required)
        }
        try await table.unique(on: "school_id", "year").create()

        let names = Self.columns.map(\.name).joined(separator: ", ")
        let sums = Self.columns.map { "SUM(\($0.plan.replacingOccurrences(of: "X.", with: "p.")))" }
            .joined(separator: ", ")
        try await sql.raw(
            """
            INSERT INTO school_indicators (school_id, year, \(unsafeRaw: names))
            SELECT p.school_id, p.year, \(unsafeRaw: sums) FROM plans p GROUP BY p.school_id, p.year
            """
        ).run()

        func add(_ row: String) -> String {
            let values = Self.columns.map { $0.plan.replacingOccurrences(of: "X.", with: row) }.joined(
                separator: ", ")
            let update = Self.columns.map {
                "\($0.name) = school_indicators.\($0.name) + excluded.\($0.name)"
            }
            .joined(separator: ", ")
            return """
                INSERT INTO school_indicators (school_id, year, \(names))
                VALUES (\(row)school_id, \(row)year, \(values))
                ON CONFLICT (school_id, year) DO UPDATE SET \(update);
                """
        }
        func remove(_ row: String) -> String {
            let update = Self.columns.map {
                "\($0.name) = \($0.name) - (\($0.plan.replacingOccurrences(of: "X.", with: row)))"
            }
            .joined(separator: ", ")
            return """
                UPDATE school_indicators SET \(update) WHERE school_id = \(row)school_id AND year = \(row)year;
                DELETE FROM school_indicators WHERE school_id = \(row)school_id AND year = \(row)year AND plans = 0;
                """
        }
        if sql.dialect.name == "postgresql" {
            try await sql.raw(
                """
                CREATE FUNCTION school_indicators_keep() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                  IF TG_OP <> 'INSERT' THEN \(unsafeRaw: remove("OLD.")) END IF;
                  IF TG_OP <> 'DELETE' THEN \(unsafeRaw: add("NEW.")) END IF;
                  RETURN NULL;
                END $$
                """
            ).run()
            try await sql.raw(
                """
                CREATE TRIGGER school_indicators_keep AFTER INSERT OR UPDATE OF \(unsafeRaw: Self.planColumns) OR DELETE
                ON plans FOR EACH ROW EXECUTE FUNCTION school_indicators_keep()
                """
            ).run()
        } else {
            let triggers = [
                ("insert", "INSERT", add("NEW.")),
                ("update", "UPDATE OF \(Self.planColumns)", remove("OLD.") + "\n" + add("NEW.")),
                ("delete", "DELETE", remove("OLD.")),
            ]
            for (name, event, body) in triggers {
                try await sql.raw(
                    """
                    CREATE TRIGGER school_indicators_\(unsafeRaw: name) AFTER \(unsafeRaw: event) ON plans
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
            try await sql.raw("DROP TRIGGER school_indicators_keep ON plans").run()
            try await sql.raw("DROP FUNCTION school_indicators_keep()").run()
        } else {
            for name in ["insert", "update", "delete"] {
                try await sql.raw("DROP TRIGGER school_indicators_\(unsafeRaw: name)").run()
            }
        }
        try await db.schema("school_indicators").delete()
    }
}
