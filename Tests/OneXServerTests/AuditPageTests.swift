import Foundation
import OneXDomain
import Testing
import VaporTesting

@testable import OneXServer

/// Issue 13: the audit log searched by actor, action, record and days, with actions in words
/// and actors by name; the import page explains every column.
@Suite("Audit search and import help")
struct AuditPageTests {
    @Test(
        "The audit log filters by actor, action, record and date range; actions read as words",
        arguments: TestDB.all)
    func search(db: TestDB) async throws {
        try await withApp(db, demo: true) { app, clock in
            let id = try await ApplicationFlowTests.submitted(app, by: "secondary")
            clock.set(Shanghai.parseInstant("2026-03-22T09:00:00+08:00")!)
            let city = Client(app)
            try await city.login("zhengzhou")
            try await city.send(.POST, "/api/v1/applications/\(id)/reviews", json: #"{"decision":"approve"}"#)
            let auditor = Client(app)
            try await auditor.webLogin("auditor")
            let reviews = try await auditor.send(.GET, "/audit?action=review.approve")
            #expect(reviews.body.contains("张伟 · 郑州市"))
            #expect(reviews.body.contains("<td>通过</td>"))
            #expect(!reviews.body.contains("<td>提交申报</td>"))
            let bySchool = try await auditor.send(.GET, "/audit?actor=secondary&record=\(id)")
            #expect(bySchool.body.contains("<td>提交申报</td>") && !bySchool.body.contains("<td>通过</td>"))
            let day = try await auditor.send(.GET, "/audit?from=2026-03-22&to=2026-03-22")
            #expect(day.body.contains("<td>通过</td>") && !day.body.contains("<td>提交申报</td>"))
            #expect(try await auditor.send(.GET, "/audit?from=tomorrow").status == .badRequest)
        }
    }

    @Test(
        "The import page lists each column: label first, field name, required, accepted values",
        arguments: TestDB.all.prefix(1))
    func importHelp(db: TestDB) async throws {
        try await withApp(db, demo: true) { app, _ in
            let admin = Client(app)
            try await admin.webLogin("admin", adminPassword)
            let page = try await admin.send(.GET, "/imports")
            #expect(page.body.contains("<td>院校类型</td><td><code>kind</code></td><td>是</td><td>中职学校"))
            #expect(page.body.contains("初级、中级、高级"))
        }
    }
}
