import Fluent
import Foundation
import OneXDomain
import Testing
import VaporTesting

@testable import OneXServer

@Suite("Activity filings (AH41-4)")
struct FilingTests {
    static func filing(
        _ certificate: String = "1-004", from: String = "2026-03-09", to: String = "2026-03-11"
    ) -> String {
        #"{"certificate":"\#(certificate)","kind":"exam","title":"物流管理初级考核","startsOn":"\#(from)","endsOn":"\#(to)","place":"郑州","participants":40}"#
    }

    @Test(
        "AH41-4: filed, co-signed by the lead school, more asked, filed again, acknowledged; an exam day without a filing is flagged",
        arguments: TestDB.all)
    func filed(db: TestDB) async throws {
        try await withApp(db, demo: true) { app, _ in
            try await ExamTests.approvedPlan(app)
            let org = Client(app)
            let lead = Client(app)
            let admin = Client(app)
            try await org.login("org")
            try await lead.login("school-g005")
            try await admin.login("admin", adminPassword)
            let exam =
                #"{"school":"G001","certificate":"1-004","level":"junior","year":2026,"date":"2026-03-10","registered":10,"attended":10,"passed":8}"#
            #expect(try await org.send(.POST, "/api/v1/exams", json: exam).status == .created)
            let unfiled = try await admin.send(.GET, "/api/v1/filings/unfiled-exams?year=2026")
            #expect(
                (unfiled.json["items"] as? [[String: Any]])?.map {
                    "\($0["certificate"] ?? "") \($0["day"] ?? "")"
                }
                    == ["1-004 2026-03-10"], "\(unfiled.body)")

            let home = Client(app)
            try await home.webLogin("admin", adminPassword)
            #expect(
                try await home.send(.GET, "/").body.contains("本年度有1个考核日没有对应的考核报备"), "flagged on the home page"
            )
            let bad = try await org.send(
                .POST, "/api/v1/filings",
                json: #"{"certificate":"1-002","title":" ","startsOn":"2026-03-12","endsOn":"2026-03-11"}"#)
            #expect(Set(bad.errorCodes) == ["unknown_reference", "required", "invalid"], "\(bad.body)")
            let school = Client(app)
            try await school.login("secondary")
            #expect(try await school.send(.POST, "/api/v1/filings", json: Self.filing()).status == .forbidden)
            let created = try await org.send(.POST, "/api/v1/filings", json: Self.filing())
            #expect(
                created.json["number"] as? String == "BB-2026-0001"
                    && created.json["status"] as? String == "awaitingLead")
            let path = "/api/v1/filings/\(try #require(created.json["id"] as? String))"
            #expect(try await school.send(.GET, path).status == .notFound, "not the lead school of 1-004")
            let city = Client(app)
            try await city.login("zhengzhou")
            #expect(try await city.send(.GET, "/api/v1/filings").status == .forbidden)
            #expect(try await admin.send(.POST, path + "/acknowledge").errorCodes == ["invalid_state"])
            #expect(
                try await lead.send(.POST, path + "/cosign").json["status"] as? String == "awaitingOffice")
            #expect(try await admin.send(.POST, path + "/requestMore").errorCodes == ["required"])
            #expect(
                try await admin.send(.POST, path + "/requestMore", json: #"{"reason":"请补充考点和考评员名单"}"#).json[
                    "status"]
                    as? String == "moreRequested")
            let again = try await org.send(.POST, path + "/resubmit", json: #"{"participants":45}"#)
            #expect(
                again.json["status"] as? String == "awaitingLead" && again.json["participants"] as? Int == 45)
            #expect(try await lead.send(.POST, path + "/cosign").status == .ok)
            #expect(
                try await admin.send(.POST, path + "/acknowledge").json["status"] as? String == "acknowledged"
            )
            #expect(
                try await admin.send(.GET, "/api/v1/filings/unfiled-exams?year=2026").json["total"] as? Int
                    == 0,
                "the filing covers the exam day")
            let march = try await org.send(.GET, "/api/v1/filings?month=2026-03")
            #expect(march.json["total"] as? Int == 1)
            #expect(!(try await home.send(.GET, "/").body.contains("个考核日没有对应的考核报备")))
            // The calendar shows the filing on each day it spans, acknowledged in green.
            let web = Client(app)
            try await web.webLogin("admin", adminPassword)
            let calendar = try await web.send(.GET, "/filings?month=2026-03").body
            let id = try #require(created.json["id"] as? String)
            #expect(calendar.contains("<table class=\"calendar\"><caption>2026年3月</caption>"))
            #expect(
                calendar.components(
                    separatedBy: "<a class=\"badge ok\" href=\"/filings/\(id.uppercased())\">"
                ).count - 1 == 3)
            #expect(try await org.send(.GET, "/api/v1/filings?month=2026-04").json["total"] as? Int == 0)
            let audit = try await AuditEntry.query(on: app.db).filter(\.$entity == "activity_filings").all()
            #expect(
                audit.map(\.action).sorted() == [
                    "acknowledge", "cosign", "cosign", "file", "requestMore", "resubmit",
                ])
        }
    }
}
