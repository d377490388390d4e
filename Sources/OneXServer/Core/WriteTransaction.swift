import Fluent
import SQLKit

/// Every write of OneX runs in `writeTransaction`, so contention waits instead of failing.
///
/// SQLite has one writer. A plain `BEGIN` starts as a reader; when two such transactions
/// both go on to write, SQLite cannot wait for either and answers "database is locked" at
/// once. `BEGIN IMMEDIATE` takes the write lock first, and the busy timeout makes a second
/// writer wait its turn for up to `sqliteBusyMilliseconds`. PostgreSQL needs neither: its
/// transactions wait on row locks by themselves.
extension Database {
    func writeTransaction<T: Sendable>(_ body: @escaping @Sendable (any Database) async throws -> T) async throws -> T {
        guard let sql = self as? any SQLDatabase, sql.dialect.name == "sqlite", !WriteTransaction.active else {
            if WriteTransaction.active { return try await body(self) }
            return try await transaction { tx in try await WriteTransaction.$active.withValue(true) { try await body(tx) } }
        }
        return try await withConnection { conn in
            let connSQL = try conn.sql()
            try await connSQL.raw("PRAGMA busy_timeout = \(unsafeRaw: String(WriteTransaction.sqliteBusyMilliseconds))").run()
            try await connSQL.raw("BEGIN IMMEDIATE").run()
            do {
                let result = try await WriteTransaction.$active.withValue(true) { try await body(conn) }
                try await connSQL.raw("COMMIT").run()
                return result
            } catch {
                try? await connSQL.raw("ROLLBACK").run()
                throw error
            }
        }
    }
}

enum WriteTransaction {
    /// Set inside a write transaction: a nested one joins it instead of beginning another.
    @TaskLocal static var active = false
    static let sqliteBusyMilliseconds = 15_000

    /// For code that opens its own transaction on a connection it holds (the candidate import).
    static func begin(on sql: any SQLDatabase) async throws {
        if sql.dialect.name == "sqlite" {
            try await sql.raw("PRAGMA busy_timeout = \(unsafeRaw: String(sqliteBusyMilliseconds))").run()
            try await sql.raw("BEGIN IMMEDIATE").run()
        } else {
            try await sql.raw("BEGIN").run()
        }
    }
}
