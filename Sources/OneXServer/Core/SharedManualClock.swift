import Fluent
import Foundation
import NIOConcurrencyHelpers
import OneXDomain
import SQLKit
import Vapor

/// With `ONEX_CLOCK=manual`, the instant `PUT /api/v1/admin/clock` sets is kept in the database
/// and every server takes it up at its next request, so a test or a demo behind a load
/// balancer sees one time whichever server answers. Only the setting is shared: a test that
/// sets its process's clock directly keeps it until the database's row changes.
struct SharedManualClock: AsyncMiddleware {
    let clock: ManualClock
    /// The revision of the row this process last took up.
    private let taken = NIOLockedValueBox(0)

    init(_ clock: ManualClock) { self.clock = clock }

    func respond(to req: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        if let row = try await req.db.sql().raw("SELECT at, revision FROM manual_clock WHERE id = 1").first() {
            let revision = try row.decode(column: "revision", as: Int.self)
            if taken.withLockedValue({ $0 }) != revision {
                clock.set(Date(timeIntervalSince1970: try row.decode(column: "at", as: Double.self)))
                taken.withLockedValue { $0 = revision }
            }
        }
        return try await next.respond(to: req)
    }

    /// Sets the clock of this process and of every server on the database.
    static func set(_ date: Date, clock: ManualClock, on db: any Database) async throws {
        try await db.sql().raw("""
            INSERT INTO manual_clock (id, at, revision) VALUES (1, \(bind: date.timeIntervalSince1970), 1)
            ON CONFLICT (id) DO UPDATE SET at = excluded.at, revision = manual_clock.revision + 1
            """).run()
        clock.set(date)
    }
}
