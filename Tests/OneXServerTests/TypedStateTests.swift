import Fluent
import Foundation
import OneXDomain
@testable import OneXServer
import SQLKit
import Testing
import Vapor
import VaporTesting

/// Issue 12: a stored state that is not one of its type's values is an error naming the row,
/// never a default.
@Suite("Typed stored states")
struct TypedStateTests {
    @Test("An unknown role is an error, not read as auditor (who may read the whole province)", arguments: TestDB.all)
    func unknownRole(db: TestDB) async throws {
        try await withApp(db, demo: true) { app, _ in
            let c = Client(app)
            try await c.login("secondary")
            #expect(try await c.send(.GET, "/api/v1/me").status == .ok)
            try await (app.db as! any SQLDatabase).raw("UPDATE users SET role = 'superuser' WHERE username = 'secondary'").run()
            let me = try await c.send(.GET, "/api/v1/me")
            #expect(me.status == .internalServerError)
            #expect(try await c.send(.GET, "/api/v1/schools").status == .internalServerError)
            let user = try #require(try await User.query(on: app.db).filter(\.$username == "secondary").first())
            #expect(throws: StoredValueError.self) { try user.actor() }
        }
    }

    @Test("AH22-6: an unknown school kind stops the submission instead of routing it as secondary", arguments: TestDB.all)
    func unknownSchoolKind(db: TestDB) async throws {
        try await withApp(db, demo: true) { app, _ in
            let school = Client(app)
            try await school.login("highervoc")
            let id = try #require(try await school.send(.POST, "/api/v1/applications",
                                                        json: ApplicationFlowTests.app(2026, ApplicationFlowTests.line())).json["id"] as? String)
            try await (app.db as! any SQLDatabase).raw("UPDATE schools SET kind = 'university' WHERE code = 'G001'").run()
            #expect(try await school.send(.POST, "/api/v1/applications/\(id)/submit").status == .internalServerError)
            let row = try #require(try await ApplicationRow.find(UUID(uuidString: id), on: app.db))
            #expect(row.status == "draft")
        }
    }

    @Test("An unknown application status is an error, not read as a draft that may be edited", arguments: TestDB.all)
    func unknownStatus(db: TestDB) async throws {
        try await withApp(db, demo: true) { app, _ in
            let school = Client(app)
            try await school.login("highervoc")
            let id = try #require(try await school.send(.POST, "/api/v1/applications",
                                                        json: ApplicationFlowTests.app(2026, ApplicationFlowTests.line())).json["id"] as? String)
            try await (app.db as! any SQLDatabase).raw("UPDATE applications SET status = 'archived'").run()
            let edit = try await school.send(.PUT, "/api/v1/applications/\(id)", json: ApplicationFlowTests.app(2026, ApplicationFlowTests.line()))
            #expect(edit.status == .internalServerError)
        }
    }
}
