import Fluent
import Foundation
import NIOCore
import SQLKit

/// Database pool use for `/metrics`. Fluent's connection pools keep their counts to
/// themselves, so each server names its PostgreSQL connections (`application_name`) and asks
/// `pg_stat_activity` how many of them are open and what they are doing: the figure is the
/// database's own, per server, and includes the connection that asks. SQLite has no server to
/// ask; there the capacity alone is reported.
struct DatabasePoolUse: Sendable {
    /// Unique per application, so two servers (or two test apps) on one database count apart.
    let applicationName: String
    /// Connections the pools may open: per event loop × event loops × pools.
    var capacity = 0
    var postgres = false

    static func name() -> String {
        "onex-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString.prefix(8).lowercased())"
    }

    func render(on db: any Database) async throws -> String {
        var out = """
            # HELP onex_db_pool_capacity Database connections this server's pools may open.
            # TYPE onex_db_pool_capacity gauge
            onex_db_pool_capacity \(capacity)

            """
        guard postgres else { return out }
        struct Row: Decodable {
            var state: String
            var n: Int
        }
        let rows = try await db.sql().raw(
            """
            SELECT COALESCE(state, 'unknown') AS state, COUNT(*) AS n FROM pg_stat_activity
            WHERE application_name = \(bind: applicationName) GROUP BY state
            """
        ).all(decoding: Row.self)
        var byState = Dictionary(
            uniqueKeysWithValues: ["active", "idle", "idle in transaction"].map { ($0, 0) })
        for row in rows { byState[row.state, default: 0] += row.n }
        out +=
            "# HELP onex_db_connections This server's open database connections by state (pg_stat_activity).\n"
        out += "# TYPE onex_db_connections gauge\n"
        for (state, n) in byState.sorted(by: { $0.key < $1.key }) {
            out += "onex_db_connections{state=\"\(state)\"} \(n)\n"
        }
        return out
    }
}
