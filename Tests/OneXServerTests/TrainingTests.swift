import Fluent
import Foundation
import OneXDomain
import Testing
import VaporTesting

@testable import OneXServer

/// Teacher training (AH41-6) through the API, on both databases.
@Suite("Teacher training (AH41-6)")
struct TrainingTests {
    static func course(industry: Int, of all: Int, fee: Int, certificate: String = "1-004") -> String {
        let trainers = (0..<all).map {
            #"{"name":"培训师\#($0)","employer":"\#($0 < industry ? "京东物流" : "河南经贸职业学院")","fromIndustry":\#($0 < industry)}"#
        }.joined(separator: ",")
        return
            #"{"certificate":"\#(certificate)","level":"junior","title":"物流管理师资培训","startsOn":"2026-04-01","endsOn":"2026-04-03","place":"郑州","feePerHead":\#(fee),"seats":3,"trainers":[\#(trainers)]}"#
    }

    @Test(
        "AH41-6: refused under 40% industry trainers and above the fee cap, with the figures; accepted exactly at both lines",
        arguments: TestDB.all)
    func courseRules(db: TestDB) async throws {
        try await withApp(db, demo: true) { app, _ in
            let org = Client(app)
            try await org.login("org")
            let refused = try await org.send(
                .POST, "/api/v1/training-courses", json: Self.course(industry: 2, of: 6, fee: 165_001))
            #expect(refused.status == .unprocessableEntity)
            #expect(Set(refused.errorCodes) == ["industry_share_below", "fee_above_cap"], "\(refused.body)")
            #expect(refused.body.contains("行业企业专家2人，占培训师6人的33.3%，应不少于40%（至少3人）"), "\(refused.body)")
            #expect(
                refused.body.contains("¥1,650.01") && refused.body.contains("¥1,650.00（¥550.00/人·天 × 3天）"),
                "\(refused.body)")
            let other = try await org.send(
                .POST, "/api/v1/training-courses",
                json: Self.course(industry: 2, of: 5, fee: 0, certificate: "1-002"))
            #expect(other.errorCodes == ["unknown_reference"], "another organisation's certificate")
            let school = Client(app)
            try await school.login("secondary")
            #expect(
                try await school.send(
                    .POST, "/api/v1/training-courses", json: Self.course(industry: 2, of: 5, fee: 0)
                ).status == .forbidden)
            let created = try await org.send(
                .POST, "/api/v1/training-courses", json: Self.course(industry: 2, of: 5, fee: 165_000))
            #expect(created.status == .created, "\(created.body)")
            #expect(
                created.json["number"] as? String == "PX-2026-0001"
                    && created.json["industryTrainers"] as? Int == 2)
            let audit = try await AuditEntry.query(on: app.db).filter(\.$entity == "training_courses").count()
            #expect(audit == 1)
        }
    }

    @Test(
        "AH41-6: schools enrol their own teachers (hashed ID, masked phone, once each); the organisation records qualifications; the ranking",
        arguments: TestDB.all)
    func teachers(db: TestDB) async throws {
        try await withApp(db, demo: true) { app, _ in
            let org = Client(app)
            try await org.login("org")
            let id = try #require(
                try await org.send(
                    .POST, "/api/v1/training-courses", json: Self.course(industry: 2, of: 5, fee: 100_000)
                )
                .json["id"] as? String)
            let path = "/api/v1/training-courses/\(id)"
            let z001 = Client(app)
            let z005 = Client(app)
            try await z001.login("secondary")
            try await z005.login("school-z005")
            #expect(
                try await z001.send(.POST, path + "/participants", json: #"{"name":"王老师","idNumber":"123"}"#)
                    .errorCodes
                    == ["invalid"])
            let idNumber = IDNumber.complete("41010519900101123")
            #expect(
                try await z001.send(
                    .POST, path + "/participants",
                    json: #"{"name":"王老师","idNumber":"\#(idNumber)","phone":"13812345678"}"#
                ).status == .created)
            #expect(
                try await z001.send(
                    .POST, path + "/participants", json: #"{"name":"王老师","idNumber":"\#(idNumber)"}"#
                )
                .errorCodes == ["already_enrolled"])
            #expect(
                try await z005.send(.POST, path + "/participants", json: #"{"name":"李老师"}"#).status
                    == .created)
            let stored = try await TrainingParticipantRow.query(on: app.db).all()
            #expect(
                !stored.contains { $0.teacherKey.contains(idNumber) }, "the ID number is not stored in clear")

            // Each sees the teachers of its own scope; phones masked.
            let own = try #require(try await z001.send(.GET, path).json["participants"] as? [[String: Any]])
            #expect(
                own.map { $0["name"] as? String } == ["王老师"]
                    && own.first?["phone"] as? String == "138****5678")
            let all = try #require(try await org.send(.GET, path).json["participants"] as? [[String: Any]])
            #expect(all.count == 2)
            let city = Client(app)
            try await city.login("zhengzhou")
            #expect((try await city.send(.GET, path).json["participants"] as? [[String: Any]])?.count == 1)
            // The seats (3) fill up.
            #expect(
                try await z005.send(.POST, path + "/participants", json: #"{"name":"赵老师"}"#).status
                    == .created)
            #expect(
                try await z005.send(.POST, path + "/participants", json: #"{"name":"钱老师"}"#).errorCodes == [
                    "course_full"
                ])

            let teacher = try #require(own.first?["id"] as? String)
            #expect(
                try await org.send(.PUT, path + "/participants/\(teacher)", json: #"{"outcome":"trainer"}"#)
                    .errorCodes
                    == ["required"])
            #expect(
                try await org.send(
                    .PUT, path + "/participants/\(teacher)",
                    json: #"{"outcome":"trainer","certificateNumber":"PXS-2026-001"}"#
                ).status == .ok)
            let gxbjk = Client(app)
            try await gxbjk.login("org-gxbjk")
            #expect(
                try await gxbjk.send(
                    .PUT, path + "/participants/\(teacher)",
                    json: #"{"outcome":"examiner","certificateNumber":"x"}"#
                )
                .status == .notFound)
            #expect(
                try await gxbjk.send(.GET, "/api/v1/training-courses/qualifications").json["total"] as? Int
                    == 0,
                "another organisation's courses' teachers are not its")
            let admin = Client(app)
            try await admin.login("admin", adminPassword)
            let ranking = try #require(
                try await admin.send(.GET, "/api/v1/training-courses/qualifications").json["items"]
                    as? [[String: Any]])
            #expect(ranking.map { $0["school"] as? String } == ["Z001", "Z005"])
            #expect(ranking.first?["share"] as? Double == 1 && ranking.last?["teachers"] as? Int == 2)

            // Public: the course, no teacher.
            let anonymous = Client(app)
            let page = try await anonymous.send(.GET, "/public/training")
            #expect(page.status == .ok && page.body.contains("物流管理师资培训") && !page.body.contains("王老师"))
        }
    }
}
