import Fluent
import SQLKit

/// Both configured drivers speak SQL; a database that does not is a configuration error, not
/// a reason to trap.
struct NotSQLDatabase: Error, CustomStringConvertible {
    var description: String { "the database does not accept SQL" }
}

extension Database {
    /// This database as SQLKit's, for bound SQL that runs on SQLite and PostgreSQL alike.
    func sql() throws -> any SQLDatabase {
        guard let sql = self as? any SQLDatabase else { throw NotSQLDatabase() }
        return sql
    }
}
