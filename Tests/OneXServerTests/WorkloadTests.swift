import Fluent
import Foundation
import OneXDomain
import Testing
import VaporTesting

@testable import OneXServer

@Suite("Teacher workload (AH41-7)")
struct WorkloadTests {
    @Test(
        "AH41-7: a school records hours per teacher and term; again replaces; payable hours ×2; years toward 双师型; scoped",
        arguments: TestDB.all)
    func hours(db: TestDB) async throws {
        try await withApp(db, demo: true) { app, _ in
            let school = Client(app)
            try await school.login("secondary")
            let bad = try await school.send(
                .POST, "/api/v1/teacher-workloads",
                json: #"{"teacher":" ","year":2019,"hours":0,"certificate":"9-999"}"#)
            #expect(Set(bad.errorCodes) == ["required", "invalid", "unknown_reference"], "\(bad.body)")
            let id = IDNumber.complete("41010519800101123")
            for (year, half, hours) in [(2025, "autumn", 16), (2026, "spring", 30), (2026, "spring", 32)] {
                let r = try await school.send(
                    .POST, "/api/v1/teacher-workloads",
                    json:
                        #"{"teacher":"陈静","idNumber":"\#(id)","year":\#(year),"half":"\#(half)","certificate":"1-004","hours":\#(hours)}"#
                )
                #expect(r.status == .created, "\(r.body)")
            }
            let list = try #require(
                try await school.send(.GET, "/api/v1/teacher-workloads?year=2026").json["items"]
                    as? [[String: Any]])
            #expect(list.count == 1)
            #expect(
                list.first?["hours"] as? Int == 32, "the same term and certificate again replaces the hours")
            #expect(list.first?["payableHours"] as? Double == 64 && list.first?["trainingYears"] as? Int == 2)
            let stored = try await TeacherWorkloadRow.query(on: app.db).all()
            #expect(stored.count == 2 && !stored.contains { $0.teacherKey.contains(id) })
            let city = Client(app)
            try await city.login("luoyang")
            #expect(
                try await city.send(.GET, "/api/v1/teacher-workloads?year=2026").json["total"] as? Int == 0)
            let own = Client(app)
            try await own.login("zhengzhou")
            #expect(
                try await own.send(.GET, "/api/v1/teacher-workloads?year=2026").json["total"] as? Int == 1)
            let org = Client(app)
            try await org.login("org")
            #expect(try await org.send(.GET, "/api/v1/teacher-workloads").status == .forbidden)
            let audit = try await AuditEntry.query(on: app.db).filter(\.$entity == "teacher_workloads").all()
            #expect(audit.map(\.action).sorted() == ["create", "create", "update"])
        }
    }
}
