import Fluent
import Foundation
import OneXDomain
import Testing

@testable import OneXServer

/// Issue 13: a first start shows a living province — a year played through the real services.
@Suite("The demo's year in motion")
struct DemoYearTests {
    @Test(
        "Applications in every state, plans with exams and imported results, a published 通报, notices",
        arguments: TestDB.all)
    func livingProvince(db: TestDB) async throws {
        try await withApp(db, demo: true) { app, clock in
            clock.set(Shanghai.parseInstant("2026-12-02T10:00:00+08:00")!)
            try await DemoYear.load(into: app)
            let apps = try await ApplicationRow.query(on: app.db).all()
            var states: [String: Int] = [:]
            for a in apps {
                let key = try a.correction != nil ? "returned" : a.status
                states[key, default: 0] += 1
            }
            #expect(states == ["approved": 6, "rejected": 1, "returned": 1, "cityReview": 1, "draft": 1])
            #expect(
                Set(apps.compactMap(\.number).map { String($0.prefix(11)) }) == [
                    "豫1X-2026-春-", "豫1X-2026-秋-",
                ])
            let plans = try await PlanRow.query(on: app.db).all()
            #expect(plans.count == 6)
            #expect(plans.filter { $0.examRegistered > 0 }.count == 3)
            #expect(try await ExamTests.storedCandidates(app) == 45)
            #expect(try await MonitoringService.isPublished("2026-07-01", on: app.db))
            #expect(try await NoticeRow.query(on: app.db).count() >= 8)
            #expect(try await AuditVerifier.verify(on: app.db).ok)
        }
    }

    @Test("The year played is the last whose spring round is over")
    func year() {
        #expect(DemoYear.year(for: LocalDate("2026-03-28")!) == 2025)
        #expect(DemoYear.year(for: LocalDate("2026-03-29")!) == 2026)
    }

    @Test(
        "The province office moves the manual clock from a page; a bad day keeps the form",
        arguments: TestDB.all.prefix(1))
    func clockPage(db: TestDB) async throws {
        try await withApp(db, demo: true) { app, _ in
            let admin = Client(app)
            try await admin.webLogin("admin", adminPassword)
            let page = try await admin.send(.GET, "/admin/clock")
            #expect(page.body.contains("2026年3月15日"))
            let bad = try await admin.form(
                "/admin/clock", [("_csrf", admin.csrf(from: page)), ("day", "2026-02-30")])
            #expect(bad.status == .unprocessableEntity && bad.body.contains("日期或时间无效"))
            let set = try await admin.form(
                "/admin/clock", [("_csrf", admin.csrf(from: page)), ("day", "2026-09-15"), ("time", "08:30")])
            #expect(set.status == .seeOther)
            // Sessions are timed on the same clock: months later, one logs in again.
            try await admin.webLogin("admin", adminPassword)
            let home = try await admin.send(.GET, "/")
            #expect(home.body.contains("2026年9月15日"), "\(home.body.prefix(3000))")
            let school = Client(app)
            try await school.webLogin("secondary")
            #expect(try await school.send(.GET, "/admin/clock").status == .forbidden)
        }
    }
}
