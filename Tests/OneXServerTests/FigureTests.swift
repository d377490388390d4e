import Fluent
import Foundation
import OneXDomain
@testable import OneXServer
import SQLKit
import Testing
import Vapor
import VaporTesting

/// Issue 12: figures an independent check found wrong, each proven by its requirement.
@Suite("Figures: forced exit, coverage as of a day, null rates, carry-over")
struct FigureTests {
    /// G001's plan of 1-004 junior for `year`, approved on `on`.
    static func plan(_ app: Application, year: Int, count: Int = 40, on day: String) async throws {
        let school = try #require(try await CodeResolver(app.db).id(.schools, "G001"))
        let cert = try #require(try await CodeResolver(app.db).id(.certificates, "1-004"))
        _ = try await PlanService.applyChange(school: school, certificate: cert, level: .junior, year: year, kind: .new, count: count,
                                              application: nil, reviewer: "test", countsInIndicators: true,
                                              now: Shanghai.parseInstant(day)!, on: app.db)
    }

    static func rows(_ range: ClosedRange<Int>, date: String, prefix: String = "F") -> String {
        var csv = ExamTests.header
        for n in range {
            csv += "\(prefix)\(n),李\(n),\(IDNumber.complete("41010519990101" + String(format: "%03d", n))),G001,1-004,junior,\(date),1,1\n"
        }
        return csv
    }

    @Test("HN-8: a plan with imported candidate results but no session entered by hand has held an exam and is not exited",
          arguments: TestDB.all)
    func forcedExitCountsImports(db: TestDB) async throws {
        try await withApp(db, demo: true) { app, clock in
            try await Self.plan(app, year: 2025, on: "2025-09-26T09:00:00+08:00")
            let admin = Client(app)
            try await admin.login("admin", adminPassword)
            let imported = try await admin.send(.POST, "/api/v1/exams/import", body: Data(Self.rows(1...5, date: "2025-12-10").utf8),
                                                contentType: "text/csv")
            #expect(imported.status == .ok)
            clock.set(Shanghai.parseInstant("2026-11-11T00:00:00+08:00")!)
            let run = try await admin.send(.POST, "/api/v1/admin/jobs/forcedExit/run")
            #expect(run.json["inExitPeriod"] as? Bool == true)
            #expect((run.json["exited"] as? [Any])?.isEmpty == true)
        }
    }

    @Test("AH41-10: student coverage honours asOf like every other exam figure", arguments: TestDB.all)
    func coverageAsOf(db: TestDB) async throws {
        try await withApp(db, demo: true) { app, _ in
            try await Self.plan(app, year: 2026, on: "2026-03-26T09:00:00+08:00")
            let admin = Client(app)
            try await admin.login("admin", adminPassword)
            #expect(try await admin.send(.POST, "/api/v1/exams/import", body: Data(Self.rows(1...10, date: "2026-05-20").utf8),
                                         contentType: "text/csv").status == .ok)
            #expect(try await admin.send(.POST, "/api/v1/exams/import", body: Data(Self.rows(11...20, date: "2026-06-18").utf8),
                                         contentType: "text/csv").status == .ok)
            let school = Client(app)
            try await school.login("highervoc")
            #expect(try await school.send(.PUT, "/api/v1/pilot-students", json: #"{"year":2026,"count":100}"#).status == .ok)
            let may = try await admin.send(.GET, "/api/v1/indicators?year=2026&school=G001&asOf=2026-05-31")
            #expect(may.json["attended"] as? Int == 10)
            #expect(may.json["studentCoverage"] as? Double == 0.1)
            let year = try await admin.send(.GET, "/api/v1/indicators?year=2026&school=G001&asOf=2026-12-31")
            #expect(year.json["studentCoverage"] as? Double == 0.2)
            let province = try await admin.send(.GET, "/api/v1/indicators?year=2026&asOf=2026-05-31")
            #expect(province.json["studentCoverage"] as? Double == 0.1)
        }
    }

    @Test("api.md: a rate with a zero denominator is present as null", arguments: TestDB.all)
    func nullRates(db: TestDB) async throws {
        try await withApp(db, demo: true) { app, _ in
            let admin = Client(app)
            try await admin.login("admin", adminPassword)
            let r = try await admin.send(.GET, "/api/v1/indicators?year=2031")
            #expect(r.status == .ok)
            for key in ["completionRate", "adjustmentRate", "exitRate", "participationRate", "passRate", "studentCoverage"] {
                #expect(r.json.keys.contains(key), "\(key)")
                #expect(r.json[key] is NSNull, "\(key)")
            }
        }
    }

    @Test("HN-3: a next-January result does not attach to last year's plan once it was exited or completed", arguments: TestDB.all)
    func carryOverOnlyUnfinished(db: TestDB) async throws {
        try await withApp(db, demo: true) { app, _ in
            try await Self.plan(app, year: 2025, count: 20, on: "2025-09-26T09:00:00+08:00")
            let admin = Client(app)
            try await admin.login("admin", adminPassword)
            // Unfinished and active: January's results carry over.
            #expect(try await admin.send(.POST, "/api/v1/exams/import", body: Data(Self.rows(1...10, date: "2026-01-10").utf8),
                                         contentType: "text/csv").status == .ok)
            // Completed (20 of 20 attended): no longer.
            #expect(try await admin.send(.POST, "/api/v1/exams/import", body: Data(Self.rows(11...20, date: "2026-01-12").utf8),
                                         contentType: "text/csv").status == .ok)
            let completed = try await admin.send(.POST, "/api/v1/exams/import", body: Data(Self.rows(21...21, date: "2026-01-15").utf8),
                                                 contentType: "text/csv")
            #expect(completed.status == .unprocessableEntity)
            #expect(completed.errorLines == [2])
            // Exited: no longer either.
            try await (app.db as! any SQLDatabase).raw("UPDATE plans SET status = 'exited', exam_attended = 0").run()
            let exited = try await admin.send(.POST, "/api/v1/exams/import", body: Data(Self.rows(22...22, date: "2026-01-15").utf8),
                                              contentType: "text/csv")
            #expect(exited.status == .unprocessableEntity)
            #expect(exited.body.contains("沿用"))
        }
    }
}
