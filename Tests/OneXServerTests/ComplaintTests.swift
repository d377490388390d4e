import Fluent
import Foundation
import OneXDomain
import Testing
import VaporTesting

@testable import OneXServer

@Suite("Complaints (AH41-2)")
struct ComplaintTests {
    @Test(
        "AH41-2: a school's complaint taken up, sent to the organisation, answered, reported to the MoE and concluded; each state seen by the right units",
        arguments: TestDB.all)
    func toItsEnd(db: TestDB) async throws {
        try await withApp(db, demo: true) { app, _ in
            let school = Client(app)
            let admin = Client(app)
            let org = Client(app)
            try await school.login("secondary")
            try await admin.login("admin", adminPassword)
            try await org.login("org")
            let bad = try await school.multipart(
                "/api/v1/complaints",
                fields: [
                    ("organization", "ORG-ZWL"), ("certificate", "1-002"), ("occurredOn", "2026-12-01"),
                ],
                file: ("file", "x.pdf", "application/pdf", "%PDF-1.4 x"))
            #expect(Set(bad.errorCodes) == ["required", "invalid"], "\(bad.body)")
            let filed = try await school.multipart(
                "/api/v1/complaints",
                fields: [
                    ("organization", "ORG-ZWL"), ("certificate", "1-004"), ("occurredOn", "2026-03-10"),
                    ("what", "考核现场未按标准配置监考人员，考生成绩公布延迟两个月"),
                ], file: ("file", "现场照片.pdf", "application/pdf", "%PDF-1.4 photo"))
            #expect(filed.status == .created, "\(filed.body)")
            #expect(
                filed.json["number"] as? String == "TS-2026-0001"
                    && filed.json["status"] as? String == "submitted")
            let path = "/api/v1/complaints/\(try #require(filed.json["id"] as? String))"

            // Not yet the organisation's to see; the school's city sees it, another city does not.
            #expect(try await org.send(.GET, path).status == .notFound)
            #expect(try await org.send(.POST, path + "/reply", json: #"{"text":"x"}"#).status == .notFound)
            for (user, status) in [
                ("zhengzhou", HTTPStatus.ok), ("luoyang", .notFound), ("school-z005", .notFound),
            ] {
                let c = Client(app)
                try await c.login(user)
                #expect(try await c.send(.GET, path).status == status, "\(user)")
            }
            #expect(
                try await school.send(.POST, path + "/accept", json: #"{"text":"x"}"#).status == .forbidden)
            #expect(
                try await admin.send(.POST, path + "/close", json: #"{"text":"x"}"#).errorCodes == [
                    "invalid_state"
                ])
            #expect(
                try await admin.send(.POST, path + "/accept", json: #"{"text":" "}"#).errorCodes == [
                    "required"
                ])
            #expect(
                try await admin.send(.POST, path + "/accept", json: #"{"text":"已受理，开展调查核实"}"#).json["status"]
                    as? String == "investigating")
            let forwarded = try await admin.send(.POST, path + "/forward", json: #"{"text":"请就监考配置作出说明"}"#)
            #expect(
                forwarded.json["status"] as? String == "awaitingReply"
                    && forwarded.json["forwardedOn"] as? String == "2026-03-15")

            // Now the organisation sees it and replies; another organisation does not.
            #expect(try await org.send(.GET, path).status == .ok)
            let gxbjk = Client(app)
            try await gxbjk.login("org-gxbjk")
            #expect(try await gxbjk.send(.GET, path).status == .notFound)
            #expect(
                try await org.send(.POST, path + "/reply", json: #"{"text":"已补充监考人员并整改"}"#).json["status"]
                    as? String == "investigating")
            #expect(
                try await admin.send(
                    .POST, path + "/reportToMoE", json: #"{"text":"报送调查材料","day":"2026-03-20"}"#
                )
                .errorCodes == ["invalid"], "not a future day")
            let reported = try await admin.send(
                .POST, path + "/reportToMoE", json: #"{"text":"报送调查材料和处理建议","day":"2026-03-14"}"#)
            #expect(
                reported.json["status"] as? String == "reportedToMoE"
                    && reported.json["moeReportedOn"] as? String == "2026-03-14")
            #expect(
                try await admin.send(.POST, path + "/close", json: #"{"text":"情况属实，评价组织已整改"}"#).json["status"]
                    as? String == "closed")

            let seen = try await school.send(.GET, path)
            #expect(seen.json["status"] as? String == "closed")
            #expect(
                (seen.json["entries"] as? [[String: Any]])?.compactMap { $0["step"] as? String }
                    == ["filed", "accept", "forward", "reply", "reportToMoE", "close"])
            #expect(try await school.send(.GET, path + "/evidence").body.contains("%PDF-1.4 photo"))
            let audit = try await AuditEntry.query(on: app.db).filter(\.$entity == "complaints").all()
            #expect(
                Set(audit.map(\.action)) == ["file", "accept", "forward", "reply", "reportToMoE", "close"])
            let notices = try await NoticeRow.query(on: app.db).all().map(\.title)
            #expect(notices.contains("投诉TS-2026-0001：已办结"), "\(notices)")
        }
    }
}
