import Foundation
import OneXDomain
import Testing
import VaporTesting

@testable import OneXServer

/// Issue 13, deadlines: every role's home page shows the windows with their dates and a
/// countdown, the decisions waiting for it, returned applications with their day, and unread
/// notices (counted in the menu until the notices are opened).
@Suite("Home page to-do (HN-2, HN-7)")
struct HomeTodoTests {
    @Test(
        "HN-2 / HN-7: windows with countdowns; waiting decisions; a returned application; unread notices",
        arguments: TestDB.all)
    func todo(db: TestDB) async throws {
        try await withApp(db, demo: true) { app, clock in
            let id = try await ApplicationFlowTests.submitted(app, by: "secondary")

            // 15 March: the school phase is open until the 20th, the city's opens on the 21st.
            let schoolWeb = Client(app)
            try await schoolWeb.webLogin("secondary")
            let before = try await schoolWeb.send(.GET, "/")
            #expect(before.body.contains("<h1>欢迎，陈静</h1>"))
            #expect(before.body.contains("2026年3月11日—2026年3月20日"))
            #expect(before.body.contains("进行中，还剩6天"))
            #expect(before.body.contains("6天后开始"))

            clock.set(Shanghai.parseInstant("2026-03-22T09:00:00+08:00")!)
            let cityWeb = Client(app)
            try await cityWeb.webLogin("zhengzhou")
            let cityHome = try await cityWeb.send(.GET, "/")
            #expect(cityHome.body.contains("待您审核的申报：1份"))
            #expect(cityHome.body.contains("进行中，还剩3天"))
            let city = Client(app)
            try await city.login("zhengzhou")
            try await city.send(
                .POST, "/api/v1/applications/\(id)/reviews", json: #"{"decision":"return","comment":"人数有误"}"#)

            try await schoolWeb.webLogin("secondary")
            let after = try await schoolWeb.send(.GET, "/")
            #expect(after.body.contains("2026年度申报已退回修改，须于2026年3月24日前重新提交"))
            #expect(after.body.contains("href=\"/applications/\(id)\""))
            #expect(after.body.contains("未读通知：1条"))
            #expect(after.body.contains(#"<span class="badge" title="未读通知">1</span>"#))
            // The autumn school phase is next: 11 September, 173 days away.
            #expect(after.body.contains("秋季") && after.body.contains("173天后开始"))
            let notices = try await schoolWeb.send(.GET, "/notices")
            #expect(notices.body.contains(#"<span class="badge">新</span>"#))
            let later = try await schoolWeb.send(.GET, "/")
            #expect(!later.body.contains(#"title="未读通知""#))
            #expect(!later.body.contains("未读通知："))
        }
    }
}
