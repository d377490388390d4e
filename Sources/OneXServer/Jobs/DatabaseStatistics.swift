import SQLKit

/// SQLite's planner chooses between the plans' indexes (by year, by school) from statistics
/// that only `ANALYZE` gathers; without them a school's figures scan the whole year. Refreshed
/// daily by the scheduler and after migrations; `analysis_limit` keeps it to a sample, so it
/// takes milliseconds even on national data. PostgreSQL's autovacuum does this by itself.
enum DatabaseStatistics {
    static func refresh(on sql: any SQLDatabase) async throws {
        guard sql.dialect.name == "sqlite" else { return }
        try await sql.raw("PRAGMA analysis_limit = 1000").run()
        // 65538 = 0x10000 | 0x02: every table, not only those this connection has queried,
        // analysed where its statistics are missing or stale.
        try await sql.raw("PRAGMA optimize = 65538").run()
    }
}
