import Fluent
import SQLKit

/// What each school owes each organisation, kept instead of computed on every view (AH38-2):
/// on the national data the arrears of the province are four million exam days to price and
/// settle, minutes of work for one page. `arrears_pairs` holds a school × organisation's figures
/// with the days its ageing holds for; `arrears_marks` names the schools whose inputs changed.
/// The database itself marks them, by triggers on every table the figures are computed from
/// (exams, imported sessions, plans, certificates, fee standards, payments, a school's city), so
/// no writer can
/// forget to; `ArrearsLedger` recomputes the marked schools before anyone reads them.
/// `arrears_state` remembers the settlement deadline the figures were computed with.
/// Every school with data starts marked.
struct CreateArrearsLedger: AsyncMigration {
    func prepare(on db: any Database) async throws {
        let sql = try db.sql()
        try await db.schema("arrears_pairs")
            .field("school_id", .uuid, .required, .references("schools", "id"))
            .field("organization_id", .uuid, .required, .references("organizations", "id"))
            .field("region_id", .uuid, .required, .references("regions", "id"))
            .field("payable", .int64, .required)
            .field("unpriced", .int64, .required)
            .field("paid", .int64, .required)
            .field("confirmed", .int64, .required)
            .field("age0", .int64, .required)
            .field("age1", .int64, .required)
            .field("age2", .int64, .required)
            .field("age3", .int64, .required)
            .field("overdue", .int64, .required)
            .field("certificates", .string, .required)
            .field("good_from", .string, .required)
            .field("good_until", .string, .required)
            .unique(on: "school_id", "organization_id")
            .create()
        // The province's totals per city and per organisation read these indexes alone.
        try await sql.raw(
            "CREATE INDEX arrears_pairs_region ON arrears_pairs (region_id, payable, confirmed, overdue, unpriced)"
        ).run()
        try await sql.raw(
            """
            CREATE INDEX arrears_pairs_organization ON arrears_pairs (organization_id, payable, confirmed, overdue, unpriced)
            """
        ).run()
        // The API's list, largest debts first.
        try await sql.raw(
            "CREATE INDEX arrears_pairs_outstanding ON arrears_pairs ((payable - confirmed), school_id, organization_id)"
        ).run()
        try await sql.raw("CREATE INDEX arrears_pairs_good_from ON arrears_pairs (good_from)").run()
        try await sql.raw("CREATE INDEX arrears_pairs_good_until ON arrears_pairs (good_until)").run()
        try await db.schema("arrears_state")
            .field("id", .int, .identifier(auto: false))
            .field("deadline", .string, .required)
            .create()
        try await sql.raw("INSERT INTO arrears_state (id, deadline) VALUES (1, '')").run()
        let postgres = sql.dialect.name == "postgresql"
        try await sql.raw(
            postgres
                ? "CREATE TABLE arrears_marks (id BIGSERIAL PRIMARY KEY, school_id UUID NOT NULL)"
                : "CREATE TABLE arrears_marks (id INTEGER PRIMARY KEY, school_id BLOB NOT NULL)"
        ).run()
        try await sql.raw("CREATE INDEX arrears_marks_school ON arrears_marks (school_id)").run()

        // Each trigger marks the schools a changed row's figures belong to: (table, the
        // statement choosing the schools of a row `X`, the events).
        let marks: [(table: String, schools: String, events: [String])] = [
            ("exams", "SELECT school_id FROM plans WHERE id = X.plan_id", ["INSERT", "UPDATE", "DELETE"]),
            (
                "candidate_sessions", "SELECT school_id FROM plans WHERE id = X.plan_id",
                ["INSERT", "UPDATE", "DELETE"]
            ),
            ("payments", "SELECT X.school_id", ["INSERT", "UPDATE", "DELETE"]),
            (
                "fee_standards",
                "SELECT DISTINCT school_id FROM plans WHERE certificate_id = X.certificate_id",
                ["INSERT", "UPDATE", "DELETE"]
            ),
            ("certificates", "SELECT DISTINCT school_id FROM plans WHERE certificate_id = X.id", ["UPDATE"]),
            ("schools", "SELECT X.id", ["UPDATE OF region_id"]),
            (
                "plans", "SELECT X.school_id",
                ["UPDATE OF school_id, certificate_id, level, exam_registered", "DELETE"]
            ),
        ]
        for mark in marks {
            let insert = "INSERT INTO arrears_marks (school_id) \(mark.schools)"
            if postgres {
                let function = "arrears_mark_\(mark.table)"
                try await sql.raw(
                    """
                    CREATE FUNCTION \(unsafeRaw: function)() RETURNS trigger LANGUAGE plpgsql AS $$
                    BEGIN
                      IF TG_OP <> 'INSERT' THEN \(unsafeRaw: insert.replacingOccurrences(of: "X.", with: "OLD.")); END IF;
                      IF TG_OP <> 'DELETE' THEN \(unsafeRaw: insert.replacingOccurrences(of: "X.", with: "NEW.")); END IF;
                      RETURN NULL;
                    END $$
                    """
                ).run()
                let events = mark.events.joined(separator: " OR ")
                try await sql.raw(
                    """
                    CREATE TRIGGER \(unsafeRaw: function) AFTER \(unsafeRaw: events) ON \(unsafeRaw: mark.table)
                    FOR EACH ROW EXECUTE FUNCTION \(unsafeRaw: function)()
                    """
                ).run()
            } else {
                for (n, event) in mark.events.enumerated() {
                    let rows =
                        event.hasPrefix("INSERT")
                        ? ["NEW."] : event.hasPrefix("DELETE") ? ["OLD."] : ["OLD.", "NEW."]
                    let body = rows.map { insert.replacingOccurrences(of: "X.", with: $0) + ";" }.joined(
                        separator: "\n")
                    try await sql.raw(
                        """
                        CREATE TRIGGER arrears_mark_\(unsafeRaw: mark.table)_\(unsafeRaw: String(n)) AFTER \(unsafeRaw: event)
                        ON \(unsafeRaw: mark.table) FOR EACH ROW BEGIN
                        \(unsafeRaw: body)
                        END
                        """
                    ).run()
                }
            }
        }
        try await sql.raw("INSERT INTO arrears_marks (school_id) SELECT id FROM schools").run()
    }

    func revert(on db: any Database) async throws {
        let sql = try db.sql()
        let tables = [
            "exams", "candidate_sessions", "payments", "fee_standards", "certificates", "schools", "plans",
        ]
        for table in tables {
            if sql.dialect.name == "postgresql" {
                try await sql.raw("DROP TRIGGER arrears_mark_\(unsafeRaw: table) ON \(unsafeRaw: table)")
                    .run()
                try await sql.raw("DROP FUNCTION arrears_mark_\(unsafeRaw: table)()").run()
            } else {
                for n in 0..<3 {
                    try await sql.raw(
                        "DROP TRIGGER IF EXISTS arrears_mark_\(unsafeRaw: table)_\(unsafeRaw: String(n))"
                    ).run()
                }
            }
        }
        try await sql.raw("DROP TABLE arrears_marks").run()
        try await db.schema("arrears_state").delete()
        try await db.schema("arrears_pairs").delete()
    }
}
