import Foundation
import OneXDomain
import Testing
import Vapor

@testable import OneXServer

@Suite("Accounts, tokens and lock-out")
struct AuthTests {
    @Test(
        "A token from the right password works; a wrong password and a missing token are 401",
        arguments: TestDB.all)
    func tokens(db: TestDB) async throws {
        try await withApp(db) { app, _ in
            let c = Client(app)
            #expect(try await c.send(.GET, "/api/v1/me").status == .unauthorized)
            #expect(try await c.login("admin", "wrong-one-1").status == .unauthorized)
            let ok = try await c.login("admin", adminPassword)
            #expect(ok.status == .ok)
            #expect((ok.json["user"] as? [String: Any])?["role"] as? String == "provinceAdmin")
            #expect(try await c.send(.GET, "/api/v1/me").status == .ok)
            c.token = "forged"
            #expect(try await c.send(.GET, "/api/v1/me").status == .unauthorized)
        }
    }

    @Test("Logging out revokes the token; tokens expire by the clock", arguments: TestDB.all)
    func revokeAndExpire(db: TestDB) async throws {
        try await withApp(db, tokenLifetime: 12 * 3600) { app, clock in
            let c = Client(app)
            try await c.login("admin", adminPassword)
            #expect(try await c.send(.DELETE, "/api/v1/auth/token").status == .noContent)
            #expect(try await c.send(.GET, "/api/v1/me").status == .unauthorized)
            try await c.login("admin", adminPassword)
            clock.set(fixedNow.addingTimeInterval(13 * 3600))
            #expect(try await c.send(.GET, "/api/v1/me").status == .unauthorized)
        }
    }

    @Test(
        "Five wrong passwords lock the account for 15 minutes, even against the right one",
        arguments: TestDB.all)
    func lockout(db: TestDB) async throws {
        try await withApp(db) { app, clock in
            let c = Client(app)
            for _ in 0..<LoginThrottle.maxFailures { try await c.login("admin", "nope-nope-1") }
            let locked = try await c.login("admin", adminPassword)
            #expect(locked.status == .unauthorized)
            #expect((locked.json["detail"] as? String)?.contains("锁定") == true)
            clock.set(fixedNow.addingTimeInterval(16 * 60))
            #expect(try await c.login("admin", adminPassword).status == .ok)
        }
    }

    @Test(
        "Issue 17: a logout, a lock-out, a role change and a deactivation take effect at the very next request, on a second server too",
        arguments: TestDB.all)
    func nextRequest(db: TestDB) async throws {
        try await withApp(db, demo: true, sqliteFile: true) { app, clock in
            let other = try await secondServer(like: app, clock: clock)
            do {
                let admin = Client(app)
                try await admin.login("admin", adminPassword)
                // The same token on both servers, and a second one to log out.
                let here = Client(app)
                try await here.login("secondary")
                let there = Client(other)
                there.token = here.token
                let spare = Client(app)
                try await spare.login("secondary")
                func me(_ c: Client) async throws -> Reply { try await c.send(.GET, "/api/v1/me") }
                func both() async throws -> [HTTPResponseStatus] {
                    [try await me(here).status, try await me(there).status]
                }
                #expect(try await both() == [.ok, .ok])

                // A logout on one server ends that token on the other at once.
                let leaving = Client(other)
                leaving.token = spare.token
                #expect(try await leaving.send(.DELETE, "/api/v1/auth/token").status == .noContent)
                #expect(try await me(spare).status == .unauthorized)

                // Five wrong passwords lock the account: its live tokens stop until the lock ends.
                for _ in 0..<LoginThrottle.maxFailures {
                    try await Client(other).login("secondary", "nope-nope-1")
                }
                #expect(try await both() == [.unauthorized, .unauthorized])
                clock.set(fixedNow.addingTimeInterval(16 * 60))
                #expect(try await both() == [.ok, .ok])

                // A role change is what the next request acts as.
                let changed = try await admin.send(
                    .PUT, "/api/v1/users/secondary",
                    json: #"{"username":"secondary","role":"cityReviewer","unit":"4101","active":true}"#)
                #expect(changed.status == .ok, "\(changed.body)")
                let acting = try await me(there).json
                #expect(
                    (acting["user"] as? [String: Any] ?? acting)["role"] as? String == "cityReviewer",
                    "\(acting)")

                // A deactivation ends everything.
                _ = try await admin.send(
                    .PUT, "/api/v1/users/secondary",
                    json: #"{"username":"secondary","role":"cityReviewer","unit":"4101","active":false}"#)
                #expect(try await both() == [.unauthorized, .unauthorized])
            } catch {
                try? await other.asyncShutdown()
                throw error
            }
            try await other.asyncShutdown()
        }
    }

    @Test("The province office creates accounts; others may not; the unit must exist", arguments: TestDB.all)
    func manageUsers(db: TestDB) async throws {
        try await withApp(db, demo: true) { app, _ in
            let c = Client(app)
            try await c.login("admin", adminPassword)
            let created = try await c.send(
                .POST, "/api/v1/users",
                json: #"{"username":"newschool","password":"pass12345","role":"school","unit":"Z002"}"#)
            #expect(created.status == .created)
            let badUnit = try await c.send(
                .POST, "/api/v1/users",
                json: #"{"username":"x1","password":"pass12345","role":"school","unit":"NOPE"}"#)
            #expect(badUnit.status == .unprocessableEntity)
            #expect(badUnit.errorCodes == ["unknown_reference"])
            let dup = try await c.send(
                .POST, "/api/v1/users",
                json: #"{"username":"newschool","password":"pass12345","role":"auditor"}"#)
            #expect(dup.errorCodes == ["duplicate_code"])
            let s = Client(app)
            #expect(try await s.login("newschool", "pass12345").status == .ok)
            #expect((try await s.send(.GET, "/api/v1/me").json["unit"] as? String) == "Z002")
            #expect(
                try await s.send(
                    .POST, "/api/v1/users", json: #"{"username":"y","password":"pass12345","role":"auditor"}"#
                ).status
                    == .forbidden)
            // Deactivated accounts cannot log in.
            #expect(
                try await c.send(
                    .PUT, "/api/v1/users/newschool",
                    json: #"{"username":"newschool","role":"school","unit":"Z002","active":false}"#
                ).status == .ok)
            #expect(try await Client(app).login("newschool", "pass12345").status == .unauthorized)
        }
    }

    @Test("The manual clock endpoint exists only with ONEX_CLOCK=manual", arguments: TestDB.all)
    func clockEndpoint(db: TestDB) async throws {
        try await withApp(db, tokenLifetime: 12 * 3600) { app, clock in
            let c = Client(app)
            try await c.login("admin", adminPassword)
            let r = try await c.send(
                .PUT, "/api/v1/admin/clock", json: #"{"now":"2026-09-11T00:00:00+08:00"}"#)
            #expect(r.status == .ok)
            #expect(LocalDate(clock.now()) == LocalDate(year: 2026, month: 9, day: 11))
            // Another server on the same database moves the clock: this one takes it up at its next request.
            let later = try #require(Shanghai.parseInstant("2026-09-20T08:00:00+08:00"))
            try await SharedManualClock.set(later, clock: ManualClock(later), on: app.db)
            #expect(try await c.send(.GET, "/healthz").status == .ok)
            #expect(clock.now() == later)
            // Half a year later the old token has expired: every rule reads the same clock.
            #expect(try await c.send(.GET, "/api/v1/me").status == .unauthorized)
            try await c.login("admin", adminPassword)
            let bad = try await c.send(.PUT, "/api/v1/admin/clock", json: #"{"now":"tomorrow"}"#)
            #expect(bad.status == .unprocessableEntity, "\(bad.body)")
        }
        try await withApp(db, manualClock: false) { app, _ in
            let c = Client(app)
            try await c.login("admin", adminPassword)
            #expect(
                try await c.send(.PUT, "/api/v1/admin/clock", json: #"{"now":"2026-09-11T00:00:00+08:00"}"#)
                    .status == .notFound)
        }
    }
}
