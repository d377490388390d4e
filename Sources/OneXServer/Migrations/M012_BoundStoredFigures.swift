import Fluent
import SQLKit

/// Every figure that indicators and totals add up lies within ±1,000,000,000, whoever writes
/// it: OneX's own checks are tighter (`Limits`), and this holds for a hand-edited row too, so
/// a sum over a whole country cannot overflow and no record can make a page unreadable.
/// PostgreSQL checks new rows with CHECK constraints; SQLite cannot add one to a table, so
/// triggers refuse the write instead. Rows already stored are left as they are.
struct BoundStoredFigures: AsyncMigration {
    static let figures: [(table: String, columns: [String])] = [
        ("exams", ["registered", "attended", "passed"]),
        ("plans", ["count", "new_count", "adjustment_count", "applied_count", "exam_registered", "exam_attended", "exam_passed"]),
        ("plan_changes", ["count"]),
        ("application_lines", ["count"]),
        ("candidate_sessions", ["registered", "attended", "passed"]),
    ]

    func prepare(on db: any Database) async throws {
        guard let sql = db as? any SQLDatabase else { throw MigrationNeedsSQL() }
        for (table, columns) in Self.figures {
            let outside = columns.map { "NEW.\($0) NOT BETWEEN -1000000000 AND 1000000000" }.joined(separator: " OR ")
            let inside = columns.map { "\($0) BETWEEN -1000000000 AND 1000000000" }.joined(separator: " AND ")
            if sql.dialect.name == "sqlite" {
                for event in ["INSERT", "UPDATE"] {
                    try await sql.raw("""
                        CREATE TRIGGER \(unsafeRaw: table)_figures_\(unsafeRaw: event.lowercased()) BEFORE \(unsafeRaw: event) ON \(unsafeRaw: table)
                        WHEN \(unsafeRaw: outside)
                        BEGIN SELECT RAISE(ABORT, 'figure out of range'); END
                        """).run()
                }
            } else {
                try await sql.raw("ALTER TABLE \(unsafeRaw: table) ADD CONSTRAINT \(unsafeRaw: table)_figures CHECK (\(unsafeRaw: inside)) NOT VALID").run()
            }
        }
    }

    func revert(on db: any Database) async throws {
        guard let sql = db as? any SQLDatabase else { throw MigrationNeedsSQL() }
        for (table, _) in Self.figures {
            if sql.dialect.name == "sqlite" {
                for event in ["insert", "update"] {
                    try await sql.raw("DROP TRIGGER IF EXISTS \(unsafeRaw: table)_figures_\(unsafeRaw: event)").run()
                }
            } else {
                try await sql.raw("ALTER TABLE \(unsafeRaw: table) DROP CONSTRAINT IF EXISTS \(unsafeRaw: table)_figures").run()
            }
        }
    }
}

/// Migration 12 is written in SQL for the two drivers OneX ships.
struct MigrationNeedsSQL: Error {}
