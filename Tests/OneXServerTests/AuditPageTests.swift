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

/// Issue 13: the lists people use every day can be searched and paged.
@Suite("Searching users and paging exam sessions")
struct EverydayListTests {
    @Test(
        "Users by login, person's name or unit; exam sessions by school, a page at a time",
        arguments: TestDB.all.prefix(1))
    func lists(db: TestDB) async throws {
        try await withApp(db, demo: true) { app, clock in
            let admin = Client(app)
            try await admin.webLogin("admin", adminPassword)
            let byName = try await admin.send(.GET, "/users?q=陈静")
            #expect(byName.body.contains("<td>陈静</td>") && !byName.body.contains("<td>张伟</td>"))
            let byUnit = try await admin.send(.GET, "/users?q=郑州市财贸")
            #expect(
                byUnit.body.contains(">secondary</a>") && byUnit.body.contains(">school-z001</a>")
                    && !byUnit.body.contains(">zhengzhou</a>"))
            let csv = try await admin.send(.GET, "/users/export.csv?q=陈静")
            #expect(csv.body.split(whereSeparator: \.isNewline).count == 2)

            clock.set(Shanghai.parseInstant("2026-12-02T10:00:00+08:00")!)
            try await DemoYear.load(into: app)
            try await admin.webLogin("admin", adminPassword)
            // Code fields offer the units by name: the school and certificate of a session, the filters.
            let examPage = try await admin.send(.GET, "/exams")
            #expect(examPage.body.contains(#"<datalist id="f-school-list">"#))
            #expect(examPage.body.contains(#"<option value="Z001">郑州市财贸学校</option>"#))
            #expect(examPage.body.contains(#"<option value="1-004">物流管理</option>"#))
            let city = Client(app)
            try await city.webLogin("zhengzhou")
            let cityPlans = try await city.send(.GET, "/plans")
            #expect(
                cityPlans.body.contains(#"<option value="Z001">郑州市财贸学校</option>"#)
                    && !cityPlans.body.contains(#"<option value="Z005">"#))
            let all = try await admin.send(.GET, "/exams?limit=2")
            #expect(all.body.contains("rel=\"next\""))
            let g001 = try await admin.send(.GET, "/exams?school=G001")
            #expect(
                g001.body.contains(#"<td>河南职业技术学院 <span class="muted">G001</span></td>"#)
                    && !g001.body.contains(#"<span class="muted">Z001</span>"#))
        }
    }
}
