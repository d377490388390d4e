import Foundation
import OneXDomain
import Testing
import VaporTesting

@testable import OneXServer

/// Issue 13, returned applications: 已退回修改 with the comment and the day it must come back,
/// resubmittable until then, back to the stage that returned it.
@Suite("Returned applications (HN-7)")
struct ReturnedApplicationTests {
    func at(_ clock: ManualClock, _ text: String) { clock.set(Shanghai.parseInstant(text)!) }

    @Test(
        "HN-7: city return → corrected and resubmitted after the school phase → city; province return → back to the province",
        arguments: TestDB.all)
    func returnAndResubmit(db: TestDB) async throws {
        try await withApp(db, demo: true) { app, clock in
            let school = Client(app)
            try await school.login("secondary")
            let id = try #require(
                try await school.send(
                    .POST, "/api/v1/applications",
                    json: ApplicationFlowTests.app(2026, ApplicationFlowTests.line())
                ).json["id"] as? String)
            #expect(
                try await school.send(.POST, "/api/v1/applications/\(id)/submit").json["status"] as? String
                    == "cityReview")
            let city = Client(app)
            try await city.login("zhengzhou")
            at(clock, "2026-03-22T09:00:00+08:00")
            // The reviewer sees the day before deciding.
            let cityWeb = Client(app)
            try await cityWeb.webLogin("zhengzhou")
            let form = try await cityWeb.send(.GET, "/applications/\(id)")
            #expect(form.body.contains("学校须在此日期前修改并重新提交：2026年3月24日"))
            let back = try await city.send(
                .POST, "/api/v1/applications/\(id)/reviews", json: #"{"decision":"return","comment":"人数有误"}"#)
            #expect(back.json["status"] as? String == "draft")
            let correction = back.json["correction"] as? [String: Any]
            #expect(correction?["stage"] as? String == "cityReview")
            #expect(correction?["due"] as? String == "2026-03-24")

            // The school's page says 已退回修改 with the comment and the day, never 草稿.
            let web = Client(app)
            try await web.webLogin("secondary")
            let page = try await web.send(.GET, "/applications/\(id)")
            #expect(page.body.contains("已退回修改（重新提交截止 2026年3月24日）"))
            #expect(page.body.contains("人数有误"))
            #expect(!page.body.contains(">草稿<"))
            let notices = try await web.send(.GET, "/notices")
            #expect(notices.body.contains("请于2026年3月24日前修改并重新提交"))

            // Corrected after the school phase closed (20 March): accepted, back to the city.
            at(clock, "2026-03-23T09:00:00+08:00")
            let edited = try await school.send(
                .PUT, "/api/v1/applications/\(id)",
                json: ApplicationFlowTests.app(2026, ApplicationFlowTests.line("1-004", "junior", "new", 35)))
            #expect(edited.status == .ok)
            #expect((edited.json["violations"] as? [Any])?.isEmpty == true)
            let again = try await school.send(.POST, "/api/v1/applications/\(id)/submit")
            #expect(again.json["status"] as? String == "cityReview")
            #expect(again.json["correction"] == nil || again.json["correction"] is NSNull)
            #expect(
                try await city.send(
                    .POST, "/api/v1/applications/\(id)/reviews", json: #"{"decision":"approve"}"#
                ).json["status"] as? String
                    == "provinceReview")

            // The province returns it in its phase; the corrected one goes straight back to it.
            let province = Client(app)
            try await province.login("reviewer")
            at(clock, "2026-03-26T09:00:00+08:00")
            let back2 = try await province.send(
                .POST, "/api/v1/applications/\(id)/reviews", json: #"{"decision":"return","comment":"补充说明"}"#)
            #expect((back2.json["correction"] as? [String: Any])?["due"] as? String == "2026-03-28")
            at(clock, "2026-03-28T23:00:00+08:00")
            #expect(
                try await school.send(.POST, "/api/v1/applications/\(id)/submit").json["status"] as? String
                    == "provinceReview")
            let approved = try await province.send(
                .POST, "/api/v1/applications/\(id)/reviews", json: #"{"decision":"approve"}"#)
            #expect(approved.json["status"] as? String == "approved")
        }
    }

    @Test(
        "HN-7 / HN-2: after the due day the corrected application is refused, naming the due day and the next window",
        arguments: TestDB.all)
    func lateResubmission(db: TestDB) async throws {
        try await withApp(db, demo: true) { app, clock in
            let id = try await ApplicationFlowTests.submitted(app, by: "highervoc")
            let school = Client(app)
            try await school.login("highervoc")
            let province = Client(app)
            try await province.login("reviewer")
            at(clock, "2026-03-26T09:00:00+08:00")
            try await province.send(
                .POST, "/api/v1/applications/\(id)/reviews", json: #"{"decision":"return","comment":"补充说明"}"#)
            at(clock, "2026-03-29T09:00:00+08:00")
            let late = try await school.send(.POST, "/api/v1/applications/\(id)/submit")
            #expect(late.errorCodes == ["outside_window"])
            #expect(late.body.contains("应于2026年3月28日前重新提交"))
            #expect(late.body.contains("秋季 2026年9月11日至2026年9月20日"))
        }
    }
}
