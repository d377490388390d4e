import Fluent
import Foundation
import OneXDomain
@testable import OneXServer
import SQLKit
import Testing
import Vapor

@Suite("Audit log: every change, hash-chained")
struct AuditTests {
    @Test("Changes are recorded with before and after; the chain verifies", arguments: TestDB.all)
    func recorded(db: TestDB) async throws {
        try await withApp(db) { app, _ in
            let c = Client(app)
            try await c.login("admin", adminPassword)
            try await c.send(.POST, "/api/v1/regions", json: #"{"code":"4101","name":"郑州","kind":"city"}"#)
            try await c.send(.PUT, "/api/v1/regions/4101", json: #"{"code":"4101","name":"郑州市","kind":"city"}"#)
            let last = try #require(try await AuditEntry.query(on: app.db).sort(\.$seq, .descending).first())
            #expect(last.action == "update" && last.actor == "admin" && last.entityKey == "4101")
            #expect(last.before?.contains("郑州") == true && last.after?.contains("郑州市") == true)
            let report = try await AuditVerifier.verify(on: app.db)
            #expect(report.ok)
            #expect(try await c.send(.GET, "/api/v1/audit/verify").json["ok"] as? Bool == true)
        }
    }

    @Test("A row altered by hand breaks verification", arguments: TestDB.all)
    func alteredRow(db: TestDB) async throws {
        try await withApp(db, demo: true) { app, _ in
            #expect(try await AuditVerifier.verify(on: app.db).ok)
            let sql = app.db as! any SQLDatabase
            try await sql.raw("UPDATE audit_entries SET actor = 'mallory' WHERE seq = 10").run()
            let report = try await AuditVerifier.verify(on: app.db)
            #expect(!report.ok)
            #expect(report.problems.contains { $0.contains("第10条") })
        }
    }

    @Test("A row deleted by hand breaks verification", arguments: TestDB.all)
    func deletedRow(db: TestDB) async throws {
        try await withApp(db, demo: true) { app, _ in
            let sql = app.db as! any SQLDatabase
            try await sql.raw("DELETE FROM audit_entries WHERE seq = 20").run()
            let report = try await AuditVerifier.verify(on: app.db)
            #expect(!report.ok)
            #expect(report.problems.contains { $0.contains("第20条记录缺失") })
        }
    }

    @Test("Only the province office and auditors read the log", arguments: TestDB.all)
    func whoReads(db: TestDB) async throws {
        try await withApp(db, demo: true) { app, _ in
            let a = Client(app)
            try await a.login("auditor")
            #expect(try await a.send(.GET, "/api/v1/audit").status == .ok)
            let s = Client(app)
            try await s.login("secondary")
            #expect(try await s.send(.GET, "/api/v1/audit").status == .forbidden)
        }
    }
}
