import Foundation
import OneXDomain
import Testing
import VaporTesting

@testable import OneXServer

/// Issue 13, implausible figures: an exam session that would take a plan's registrations past
/// the policy's tolerance (20% unless the policy says otherwise) is refused with the figures,
/// or entered on the province office's recorded confirmation.
@Suite("Registrations beyond the plan (EXAM-1)")
struct OverPlanTests {
    static func session(_ registered: Int, confirm: Bool = false) -> String {
        #"{"school":"G001","certificate":"1-004","level":"junior","year":2026,"date":"2026-05-10","registered":\#(registered),"attended":\#(registered),"passed":1\#(confirm ? #","confirmOverPlan":true"# : "")}"#
    }

    @Test(
        "EXAM-1: 48 of a plan of 40 is allowed, 49 refused with the figures; the province office confirms and is audited",
        arguments: TestDB.all)
    func overPlan(db: TestDB) async throws {
        try await ExamTests.withPlanAndAdmin(db) { app, admin in
            let org = Client(app)
            try await org.login("org")
            #expect(try await org.send(.POST, "/api/v1/exams", json: Self.session(30)).status == .created)
            let refused = try await org.send(.POST, "/api/v1/exams", json: Self.session(19))
            #expect(refused.errorCodes == ["over_plan"])
            #expect(refused.body.contains("报名人数将达到49人，超过该计划数40人的120%（最多48人）"))
            // An organisation cannot confirm; the province office can, and it is recorded.
            #expect(
                try await org.send(.POST, "/api/v1/exams", json: Self.session(19, confirm: true)).errorCodes
                    == ["over_plan"])
            #expect(try await org.send(.POST, "/api/v1/exams", json: Self.session(18)).status == .created)
            #expect(
                try await admin.send(.POST, "/api/v1/exams", json: Self.session(5, confirm: true)).status
                    == .created)
            let audit = try await admin.send(.GET, "/api/v1/audit")
            #expect(audit.body.contains("confirm.overPlan"))
        }
    }

    @Test(
        "EXAM-1: a results file that takes a plan past its tolerance is refused whole with the plan and figures; the province office confirms",
        arguments: TestDB.all)
    func overPlanImport(db: TestDB) async throws {
        try await ExamTests.withPlanAndAdmin(db) { app, admin in
            let org = Client(app)
            try await org.login("org")
            func file(_ numbers: ClosedRange<Int>) -> Data {
                Data((ExamTests.header + numbers.map { ExamTests.row($0) }.joined()).utf8)
            }
            let path = "/api/v1/exams/import"
            #expect(
                try await org.send(.POST, path, body: file(1...48), contentType: "text/csv").status == .ok)
            let refused = try await org.send(.POST, path, body: file(49...50), contentType: "text/csv")
            #expect(refused.status == .unprocessableEntity && refused.errorCodes == ["over_plan"])
            #expect(refused.body.contains("（G001）"), "the plan is named: \(refused.body)")
            #expect(refused.body.contains("报名人数将达到50人，超过该计划数40人的120%（最多48人）"))
            #expect(refused.body.contains("须由省级管理员勾选“确认超计划”"))
            #expect(try await ExamTests.storedCandidates(app) == 48)
            // Rows already stored are not registrations again.
            #expect(
                try await org.send(.POST, path, body: file(1...48), contentType: "text/csv").status == .ok)
            // Only the province office's confirmation counts, and it is audited.
            let orgConfirms = try await org.send(
                .POST, path + "?confirmOverPlan=true", body: file(49...50), contentType: "text/csv")
            #expect(orgConfirms.errorCodes == ["over_plan"])
            let confirmed = try await admin.send(
                .POST, path + "?confirmOverPlan=true", body: file(49...50), contentType: "text/csv")
            #expect(confirmed.status == .ok && confirmed.json["candidates"] as? Int == 2)
            let audit = try await admin.send(.GET, "/api/v1/audit")
            #expect(audit.body.contains("confirm.overPlan") && audit.body.contains("最多48人"))
        }
    }

    @Test("The limit rounds down and never goes below the plan")
    func limit() {
        #expect(ExamSession.registrationLimit(planned: 40, tolerance: 0.2) == 48)
        #expect(ExamSession.registrationLimit(planned: 33, tolerance: 0.2) == 39)
        #expect(ExamSession.registrationLimit(planned: 40, tolerance: -1) == 40)
    }
}
