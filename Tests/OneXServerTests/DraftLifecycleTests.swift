import Foundation
import OneXDomain
import Testing
import VaporTesting

@testable import OneXServer

/// Issue 13, drafts: no empty draft; a school deletes its never-submitted draft and withdraws
/// (撤回) a submitted application until a reviewer decides; applications carry a number.
@Suite("Drafts, withdrawal and application numbers (HN-1, HN-7)")
struct DraftLifecycleTests {
    @Test(
        "HN-1: an empty draft is refused; a never-submitted draft can be deleted, only by its school",
        arguments: TestDB.all)
    func deleteDraft(db: TestDB) async throws {
        try await withApp(db, demo: true) { app, _ in
            let school = Client(app)
            try await school.login("secondary")
            let empty = try await school.send(
                .POST, "/api/v1/applications", json: #"{"year":2026,"lines":[]}"#)
            #expect(empty.errorCodes == ["no_lines"])
            let id = try #require(
                try await school.send(
                    .POST, "/api/v1/applications",
                    json: ApplicationFlowTests.app(2026, ApplicationFlowTests.line())
                ).json["id"] as? String)
            let other = Client(app)
            try await other.login("highervoc")
            #expect(try await other.send(.DELETE, "/api/v1/applications/\(id)").status == .notFound)
            #expect(try await school.send(.DELETE, "/api/v1/applications/\(id)").status == .noContent)
            #expect(try await school.send(.GET, "/api/v1/applications/\(id)").status == .notFound)

            // In the browser: the button on the draft's page.
            let web = Client(app)
            try await web.webLogin("secondary")
            let again = try #require(try await school.send(.POST, "/api/v1/applications",
                                                           json: ApplicationFlowTests.app(2026, ApplicationFlowTests.line())).json["id"] as? String)
            let page = try await web.send(.GET, "/applications/\(again)")
            #expect(page.body.contains("删除草稿"))
            let deleted = try await web.form("/applications/\(again)/delete", [("_csrf", web.csrf(from: page))])
            #expect(deleted.status == .seeOther && deleted.headers.first(name: .location) == "/applications")
            #expect(try await web.send(.GET, "/applications/\(again)").status == .notFound)

            let submitted = try await ApplicationFlowTests.submitted(app, by: "secondary")
            #expect(
                try await school.send(.DELETE, "/api/v1/applications/\(submitted)").errorCodes == [
                    "not_deletable"
                ])
        }
    }

    @Test(
        "HN-7: withdrawn before the first decision, the application leaves the city's list and keeps its number",
        arguments: TestDB.all)
    func withdraw(db: TestDB) async throws {
        try await withApp(db, demo: true) { app, clock in
            let id = try await ApplicationFlowTests.submitted(app, by: "secondary")
            let school = Client(app)
            try await school.login("secondary")
            let first = try await school.send(.GET, "/api/v1/applications/\(id)")
            #expect(first.json["number"] as? String == "豫1X-2026-春-0001")
            let second = try await ApplicationFlowTests.submitted(app, by: "highervoc")
            let other = Client(app)
            try await other.login("highervoc")
            #expect(
                try await other.send(.GET, "/api/v1/applications/\(second)").json["number"] as? String
                    == "豫1X-2026-春-0002")

            let back = try await school.send(.POST, "/api/v1/applications/\(id)/withdraw")
            #expect(back.json["status"] as? String == "draft")
            let city = Client(app)
            try await city.login("zhengzhou")
            #expect(try await city.send(.GET, "/api/v1/applications/\(id)").status == .notFound)
            let again = try await school.send(.POST, "/api/v1/applications/\(id)/submit")
            #expect(
                again.json["status"] as? String == "cityReview"
                    && again.json["number"] as? String == "豫1X-2026-春-0001")

            // Once the city has decided, it is the reviewers' to return.
            clock.set(Shanghai.parseInstant("2026-03-22T09:00:00+08:00")!)
            try await city.send(.POST, "/api/v1/applications/\(id)/reviews", json: #"{"decision":"approve"}"#)
            #expect(
                try await school.send(.POST, "/api/v1/applications/\(id)/withdraw").errorCodes == [
                    "not_withdrawable"
                ])
            let web = Client(app)
            try await web.webLogin("secondary")
            let list = try await web.send(.GET, "/applications")
            #expect(list.body.contains("豫1X-2026-春-0001") && list.body.contains("<td>春季</td>"))
            #expect(list.body.contains("新增物流管理×40"))
        }
    }

    @Test("Numbers: province, year, batch and a four-digit sequence")
    func numbers() {
        #expect(
            ApplicationNumber.make(
                prefix: ApplicationNumber.prefix(province: "安徽省", year: 2026, batch: "秋"), sequence: 12)
                == "皖1X-2026-秋-0012")
        #expect(ApplicationNumber.batch(windowName: "春季", isRecurring: true) == "春")
        #expect(ApplicationNumber.batch(windowName: "2021年秋季调整", isRecurring: false) == "专")
        #expect(ApplicationNumber.batch(windowName: nil, isRecurring: false) == "增")
    }
}
