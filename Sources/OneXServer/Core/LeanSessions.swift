import Fluent
import SQLKit
import Vapor

/// Fluent's session driver, made lean for the page views that every signed-in user makes:
/// - a session is read with one plain SQL statement; decoding Fluent's session model by
///   reflection cost more than the query;
/// - a request whose session did not change writes nothing. Vapor saves the session after
///   every request; on SQLite's single writer that turns every page view into a write and
///   serialises concurrent readers of the plan page behind each other.
/// Sessions are created, changed and deleted by Fluent's driver, in its table.
struct LeanSessions: SessionDriver {
    let base: any SessionDriver

    private struct AsRead: StorageKey {
        typealias Value = SessionData
    }

    func createSession(_ data: SessionData, for request: Request) -> EventLoopFuture<SessionID> {
        base.createSession(data, for: request)
    }

    func readSession(_ sessionID: SessionID, for request: Request) -> EventLoopFuture<SessionData?> {
        let sql: any SQLDatabase
        do { sql = try request.db.sql() } catch { return request.eventLoop.makeFailedFuture(error) }
        return sql.raw("SELECT data FROM \(ident: SessionRecord.schema) WHERE key = \(bind: sessionID.string)").first()
            .flatMapThrowing { row in
                guard let data = try row?.decode(column: "data", as: SessionData.self) else { return nil }
                request.storage[AsRead.self] = data
                return data
            }
    }

    func updateSession(_ sessionID: SessionID, to data: SessionData, for request: Request) -> EventLoopFuture<SessionID> {
        if request.storage[AsRead.self] == data { return request.eventLoop.makeSucceededFuture(sessionID) }
        return base.updateSession(sessionID, to: data, for: request)
    }

    func deleteSession(_ sessionID: SessionID, for request: Request) -> EventLoopFuture<Void> {
        base.deleteSession(sessionID, for: request)
    }
}
