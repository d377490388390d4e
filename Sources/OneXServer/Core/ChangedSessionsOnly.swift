import Vapor

/// Wraps the session driver so that a request whose session did not change writes nothing.
/// Vapor saves the session after every request; on SQLite's single writer that turns every page
/// view into a write and serialises concurrent readers of the plan page behind each other.
struct ChangedSessionsOnly: SessionDriver {
    let base: any SessionDriver

    private struct AsRead: StorageKey {
        typealias Value = SessionData
    }

    func createSession(_ data: SessionData, for request: Request) -> EventLoopFuture<SessionID> {
        base.createSession(data, for: request)
    }

    func readSession(_ sessionID: SessionID, for request: Request) -> EventLoopFuture<SessionData?> {
        base.readSession(sessionID, for: request).map { data in
            if let data { request.storage[AsRead.self] = data }
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
