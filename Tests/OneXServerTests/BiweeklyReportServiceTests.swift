import Foundation
import OneXDomain
import Testing
import VaporTesting

@testable import OneXServer

/// Biweekly reports filed and their compliance (AH41-9) through the API.
@Suite("Biweekly reports and compliance (AH41-9)")
struct BiweeklyReportServiceTests {
    @Test(
        "AH41-9: a school files one report per due date, late ones kept and marked; compliance counts misses in a row and flags three",
        arguments: TestDB.all)
    func filingAndCompliance(db: TestDB) async throws {
        try await withApp(db, demo: true) { app, _ in
            try await ExamTests.approvedPlan(app)
            let z001 = try #require(try await CodeResolver(app.db).id(.schools, "Z001"))
            let cert = try #require(try await CodeResolver(app.db).id(.certificates, "1-004"))
            _ = try await PlanService.applyChange(
                school: z001, certificate: cert, level: .junior, year: 2026, kind: .new, count: 30,
                application: nil,
                reviewer: "test", countsInIndicators: true, now: fixedNow, on: app.db)
            app.onex.manualClock?.set(Shanghai.parseInstant("2026-01-13T10:00:00+08:00")!)
            let school = Client(app)
            try await school.login("secondary")
            func file(_ json: String) async throws -> Reply {
                try await school.send(.POST, "/api/v1/biweekly-reports", json: json)
            }
            let late = try await file(
                #"{"dueDate":"2026-01-12","progress":"完成物流管理初级培训两期","problems":"考核费用标准尚未发布"}"#)
            #expect(late.status == .created && late.json["late"] as? Bool == true, "\(late.body)")
            #expect(try await file(#"{"dueDate":"2026-01-12","progress":"重复"}"#).status == .conflict)
            #expect(
                try await file(#"{"dueDate":"2026-02-12","progress":"下一期"}"#).errorCodes == ["not_yet_due"])
            #expect(try await file(#"{"dueDate":"2026-01-13","progress":"非截止日"}"#).errorCodes == ["invalid"])
            #expect(try await file(#"{"progress":"  "}"#).errorCodes == ["required"])
            // Without a due date: the current period (27 January), on time; api.md's `text` form.
            let current = try await file(#"{"text":"本期进展：组织学生报名"}"#)
            #expect(
                current.json["dueDate"] as? String == "2026-01-27" && current.json["late"] as? Bool == false)
            #expect(current.json["progress"] as? String == "本期进展：组织学生报名")

            app.onex.manualClock?.set(Shanghai.parseInstant("2026-02-28T10:00:00+08:00")!)
            let province = Client(app)
            try await province.login("reviewer")
            let items = try #require(
                try await province.send(.GET, "/api/v1/compliance/biweekly").json["items"] as? [[String: Any]]
            )
            let secondary = try #require(items.first { $0["school"] as? String == "Z001" })
            // Due 12 Jan (late), 27 Jan (on time), 12 Feb and 27 Feb (missed): two in a row.
            #expect(secondary["due"] as? Int == 4 && secondary["submitted"] as? Int == 2)
            #expect(secondary["onTime"] as? Int == 1 && secondary["late"] as? Int == 1)
            #expect(secondary["consecutiveMisses"] as? Int == 2 && secondary["flagged"] as? Bool == false)
            #expect(secondary["rate"] as? Double == 0.25)
            let g001 = try #require(items.first { $0["school"] as? String == "G001" })
            #expect(g001["consecutiveMisses"] as? Int == 4 && g001["flagged"] as? Bool == true)
            #expect(
                !items.contains { $0["school"] as? String == "Z002" }, "only pilot schools (a plan this year)"
            )
            // Per region, counted by hand: Z001 (1 on time, 1 late, 2 missed) and G001 (4 missed),
            // both in 郑州; the last line is the whole scope.
            let byRegion = try #require(
                try await province.send(.GET, "/api/v1/compliance/biweekly?by=region").json["items"]
                    as? [[String: Any]])
            #expect(byRegion.count == 2 && byRegion.last?["region"] == nil)
            let zhengzhou = try #require(byRegion.first)
            #expect(zhengzhou["region"] as? String == "4101" && zhengzhou["schools"] as? Int == 2)
            #expect(
                zhengzhou["due"] as? Int == 8 && zhengzhou["onTime"] as? Int == 1
                    && zhengzhou["late"] as? Int == 1)
            #expect(zhengzhou["missed"] as? Int == 6 && zhengzhou["flagged"] as? Int == 1)
            #expect(zhengzhou["rate"] as? Double == 0.125)

            // Scope: the school its own; an organisation none; the city its schools.
            let other = Client(app)
            try await other.login("highervoc")
            #expect(
                try #require(
                    try await other.send(.GET, "/api/v1/biweekly-reports").json["items"] as? [[String: Any]]
                )
                .isEmpty)
            let org = Client(app)
            try await org.login("org")
            #expect(try await org.send(.GET, "/api/v1/compliance/biweekly").status == .forbidden)
            #expect(
                try await org.send(.POST, "/api/v1/biweekly-reports", json: #"{"progress":"x"}"#).status
                    == .forbidden)
            let city = Client(app)
            try await city.login("zhengzhou")
            let cityItems = try #require(
                try await city.send(.GET, "/api/v1/biweekly-reports").json["items"] as? [[String: Any]])
            #expect(cityItems.count == 2 && cityItems.allSatisfy { $0["school"] as? String == "Z001" })
            let admin = Client(app)
            try await admin.login("admin", adminPassword)
            #expect(try await admin.send(.GET, "/api/v1/audit").body.contains("\"report\""))
            // The daily check tells a flagged school and its city once per run of misses.
            let run = try await admin.send(.POST, "/api/v1/admin/jobs/biweeklyCheck/run")
            #expect(run.json["flagged"] as? [String] == ["G001"] && run.json["noticesSent"] as? Int == 2)
            #expect(
                try await admin.send(.POST, "/api/v1/admin/jobs/biweeklyCheck/run").json["noticesSent"]
                    as? Int == 0)
            let web = Client(app)
            try await web.webLogin("highervoc")
            let notices = try await web.send(.GET, "/notices")
            #expect(notices.body.contains("双周报连续4期未报送"))

            // The office may take next year's eligibility from a school on the notice list only;
            // while it is revoked, that school's applications for the year are refused.
            #expect(
                try await admin.send(.POST, "/api/v1/compliance/biweekly/Z001/revocation").errorCodes == [
                    "not_flagged"
                ])
            let revoked = try await admin.send(
                .POST, "/api/v1/compliance/biweekly/G001/revocation", json: #"{"reason":"双周报连续4期未报送"}"#)
            #expect(revoked.status == .created && revoked.json["year"] as? Int == 2027)
            #expect(
                try await admin.send(.POST, "/api/v1/compliance/biweekly/G001/revocation").errorCodes
                    == ["already_revoked"])
            #expect(
                try await province.send(.POST, "/api/v1/compliance/biweekly/G001/revocation").status
                    == .forbidden)
            try await other.login("highervoc")
            let draft = try await other.send(
                .POST, "/api/v1/applications",
                json: ApplicationFlowTests.app(2027, ApplicationFlowTests.line("1-004")))
            func codes(_ r: Reply) -> [String] {
                (r.json["violations"] as? [[String: Any]] ?? []).compactMap { $0["code"] as? String }
            }
            #expect(codes(draft).contains("pilot_eligibility_revoked"), "\(draft.body)")
            // The school reads it first thing on its home page.
            let home = Client(app)
            try await home.webLogin("highervoc", DemoProvince.password)
            #expect(try await home.send(.GET, "/").body.contains("本校2027年度试点资格已被取消"))
            let id = try #require(draft.json["id"] as? String)
            #expect(
                try await admin.send(.POST, "/api/v1/compliance/biweekly/G001/lift", json: #"{"reason":""}"#)
                    .errorCodes
                    == ["required"])
            #expect(
                try await admin.send(
                    .POST, "/api/v1/compliance/biweekly/G001/lift", json: #"{"reason":"已补报并说明情况"}"#
                )
                .json["lifted"] as? Bool == true)
            #expect(
                !codes(try await other.send(.GET, "/api/v1/applications/\(id)")).contains(
                    "pilot_eligibility_revoked"))
            let audit = try await admin.send(.GET, "/api/v1/audit").body
            #expect(audit.contains("revoke.eligibility") && audit.contains("lift.eligibility"))
            // The notice list, as the province prints it.
            let printer = Client(app)
            try await printer.webLogin("reviewer")
            let list = try await printer.send(.GET, "/reports/notice-list")
            #expect(list.body.contains("双周报连续未报送名单") && list.body.contains("河南职业技术学院"))
            #expect(list.body.contains("2026年1月12日、2026年1月27日、2026年2月12日、2026年2月27日"))
            #expect(!list.body.contains("郑州市财贸学校"), "Z001 is not on the list")
            let cityWeb = Client(app)
            try await cityWeb.webLogin("zhengzhou")
            #expect(try await cityWeb.send(.GET, "/reports/notice-list").status == .forbidden)
        }
    }

    @Test(
        "AH41-9: in the browser a school files the current or a missed period, keeping what it typed when refused; the province reads compliance and exports it",
        arguments: TestDB.all)
    func pages(db: TestDB) async throws {
        try await withApp(db, demo: true) { app, _ in
            try await ExamTests.approvedPlan(app)
            app.onex.manualClock?.set(Shanghai.parseInstant("2026-02-13T10:00:00+08:00")!)
            let school = Client(app)
            try await school.webLogin("highervoc")
            let form = try await school.send(.GET, "/reports")
            #expect(form.body.contains("报送双周报") && form.body.contains("2026年2月27日（本期）"))
            #expect(form.body.contains("2026年2月12日（已过截止日，补报）"))
            let csrf = school.csrf(from: form)
            let refused = try await school.form(
                "/reports",
                [("_csrf", csrf), ("dueDate", "2026-02-27"), ("progress", ""), ("problems", "场地不足")])
            #expect(
                refused.status == .unprocessableEntity && refused.body.contains("场地不足"),
                "what was typed is kept")
            let filed = try await school.form(
                "/reports",
                [("_csrf", csrf), ("dueDate", "2026-02-12"), ("progress", "完成初级考核报名"), ("problems", "")])
            #expect(filed.status == .ok && filed.body.contains("双周报已报送") && filed.body.contains("逾期报送"))
            #expect(!filed.body.contains("2026年2月12日（已过截止日，补报）"), "a filed period is not offered again")

            let province = Client(app)
            try await province.webLogin("reviewer")
            let page = try await province.send(.GET, "/reports")
            // Due 12 Jan and 27 Jan (missed), 12 Feb (filed late, which ends the run of misses).
            #expect(page.body.contains("报送情况") && page.body.contains("河南职业技术学院"))
            #expect(page.body.contains("2026年1月12日、2026年1月27日"))
            #expect(page.body.contains("完成初级考核报名"))
            let flagged = try await province.send(.GET, "/reports?flagged=1")
            #expect(flagged.status == .ok)
            let xlsx = try await province.send(.GET, "/reports/compliance.xlsx")
            #expect(xlsx.status == .ok && xlsx.headers.contentType?.subType.contains("spreadsheet") == true)
        }
    }

    @Test(
        "AH41-9: the national platform's records count like reports filed in OneX, all or nothing, and never twice",
        arguments: TestDB.all)
    func platformRecords(db: TestDB) async throws {
        try await withApp(db, demo: true) { app, _ in
            try await ExamTests.approvedPlan(app)
            app.onex.manualClock?.set(Shanghai.parseInstant("2026-02-13T10:00:00+08:00")!)
            let school = Client(app)
            try await school.login("highervoc")
            #expect(
                try await school.send(
                    .POST, "/api/v1/biweekly-reports", json: #"{"dueDate":"2026-02-12","progress":"本期进展"}"#
                ).status == .created)
            let admin = Client(app)
            try await admin.login("admin", adminPassword)
            let bad =
                "院校代码,报送期,报送时间\nG001,2026-01-12,2026-01-11\nX999,2026-01-12,2026-01-11\nG001,2026-01-13,2026-01-13\n"
            let refused = try await admin.send(.POST, "/api/v1/biweekly-reports/import", body: Data(bad.utf8))
            #expect(refused.status == .unprocessableEntity && refused.errorLines == [3, 4])
            let good =
                "院校代码,报送期,报送时间\nG001,2026-01-12,2026-01-11 16:20\nG001,2026/1/27,2026-01-30\nG001,2026-02-12,2026-02-10\n"
            let done = try await admin.send(.POST, "/api/v1/biweekly-reports/import", body: Data(good.utf8))
            #expect(done.json["added"] as? Int == 2 && done.json["duplicates"] as? Int == 1, "\(done.body)")
            let again = try await admin.send(.POST, "/api/v1/biweekly-reports/import", body: Data(good.utf8))
            #expect(again.json["added"] as? Int == 0 && again.json["duplicates"] as? Int == 3)
            #expect(
                try await school.send(.POST, "/api/v1/biweekly-reports/import", body: Data(good.utf8)).status
                    == .forbidden)
            let items = try #require(
                try await admin.send(.GET, "/api/v1/compliance/biweekly").json["items"] as? [[String: Any]])
            let g001 = try #require(items.first { $0["school"] as? String == "G001" })
            // 12 Jan on time (platform), 27 Jan late (platform), 12 Feb late (filed in OneX on the
            // 13th; the platform's earlier record for it is a duplicate and does not replace it).
            #expect(g001["due"] as? Int == 3 && g001["onTime"] as? Int == 1 && g001["late"] as? Int == 2)
            #expect(g001["consecutiveMisses"] as? Int == 0)
            // The page offers the upload to the province office and reports what it did.
            let web = Client(app)
            try await web.webLogin("admin", adminPassword)
            let page = try await web.send(.GET, "/reports")
            #expect(page.body.contains("导入全国平台报送记录"))
            let uploaded = try await web.multipart(
                "/reports/import", fields: [("_csrf", web.csrf(from: page))],
                file: ("file", "records.csv", "text/csv", good))
            #expect(uploaded.body.contains("已导入0条报送记录；3条已有记录"))
        }
    }

    @Test(
        "AH41-9: at 23:59:59 Shanghai on the due day a report is on time and not yet missed; at 00:00 the next day it is late and missed",
        arguments: TestDB.all)
    func dayBoundaries(db: TestDB) async throws {
        try await withApp(db, demo: true) { app, _ in
            try await ExamTests.approvedPlan(app)
            let school = Client(app)
            let province = Client(app)
            func g001() async throws -> [String: Any]? {
                try await province.login("reviewer")
                return
                    (try await province.send(.GET, "/api/v1/compliance/biweekly").json["items"]
                    as? [[String: Any]])?
                    .first { $0["school"] as? String == "G001" }
            }
            app.onex.manualClock?.set(Shanghai.parseInstant("2026-01-12T23:59:59+08:00")!)
            #expect(try await g001()?["missed"] as? [String] == [], "not missed before the day ends")
            try await school.login("highervoc")
            let onTime = try await school.send(.POST, "/api/v1/biweekly-reports", json: #"{"progress":"按时"}"#)
            #expect(
                onTime.json["dueDate"] as? String == "2026-01-12" && onTime.json["late"] as? Bool == false)
            app.onex.manualClock?.set(Shanghai.parseInstant("2026-01-28T00:00:00+08:00")!)
            #expect(try await g001()?["missed"] as? [String] == ["2026-01-27"], "missed once the day is over")
            try await school.login("highervoc")
            let late = try await school.send(
                .POST, "/api/v1/biweekly-reports", json: #"{"dueDate":"2026-01-27","progress":"补报"}"#)
            #expect(late.json["late"] as? Bool == true, "\(late.body)")
            let after = try await g001()
            #expect(after?["late"] as? Int == 1 && (after?["missed"] as? [String])?.isEmpty == true)
        }
    }
}
