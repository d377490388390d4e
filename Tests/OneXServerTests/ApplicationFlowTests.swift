import Fluent
import Foundation
import OneXDomain
@testable import OneXServer
import Testing
import Vapor
import VaporTesting
import OneXTabular

@Suite("Applications, review and plans through the API (HN-1..8, AH22-1..7, PLAN-1)")
struct ApplicationFlowTests {
    static func line(_ cert: String = "1-004", _ level: String = "junior", _ kind: String = "new", _ count: Int = 40,
                     reason: String? = nil) -> String {
        #"{"certificate":"\#(cert)","level":"\#(level)","kind":"\#(kind)","count":\#(count)\#(reason.map { #","reason":"\#($0)""# } ?? "")}"#
    }

    static func app(_ year: Int, _ lines: String...) -> String {
        #"{"year":\#(year),"lines":[\#(lines.joined(separator: ","))]}"#
    }

    func at(_ clock: ManualClock, _ text: String) { clock.set(Shanghai.parseInstant(text)!) }

    /// A school's account, signed in for the API, with its draft for 40 of 1-004 junior in 2026.
    static func drafted(_ app: Application, by username: String) async throws -> (school: Client, id: String) {
        let school = Client(app)
        try await school.login(username)
        let id = try #require(try await school.send(.POST, "/api/v1/applications", json: Self.app(2026, Self.line())).json["id"] as? String)
        return (school, id)
    }

    /// The same draft, submitted: the id.
    static func submitted(_ app: Application, by username: String) async throws -> String {
        let (school, id) = try await drafted(app, by: username)
        try await school.send(.POST, "/api/v1/applications/\(id)/submit")
        return id
    }

    /// G001 (highervoc) applies for 40 of 1-004 junior in spring 2026 and the province reviewer
    /// approves it on 26 March: the application's id.
    @discardableResult
    static func approvedByProvince(_ app: Application, _ clock: ManualClock) async throws -> String {
        let id = try await submitted(app, by: "highervoc")
        clock.set(Shanghai.parseInstant("2026-03-26T09:00:00+08:00")!)
        let reviewer = Client(app)
        try await reviewer.login("reviewer")
        try await reviewer.send(.POST, "/api/v1/applications/\(id)/reviews", json: #"{"decision":"approve"}"#)
        return id
    }

    @Test("HN-6 / HN-7 / PLAN-1: a Henan secondary school applies in spring, its city approves, then the province; the plan shows the count and its history", arguments: TestDB.all)
    func secondaryThroughCity(db: TestDB) async throws {
        try await withApp(db, demo: true) { app, clock in
            let school = Client(app)
            try await school.login("secondary")
            let created = try await school.send(.POST, "/api/v1/applications", json: Self.app(2026, Self.line()))
            #expect(created.status == .created)
            #expect(created.json["status"] as? String == "draft")
            #expect((created.json["violations"] as? [Any])?.isEmpty == true)
            let id = try #require(created.json["id"] as? String)
            let submitted = try await school.send(.POST, "/api/v1/applications/\(id)/submit")
            #expect(submitted.json["status"] as? String == "cityReview")
            #expect(submitted.json["policyVersion"] as? Int == 1)

            let city = Client(app)
            try await city.login("zhengzhou")
            let early = try await city.send(.POST, "/api/v1/applications/\(id)/reviews", json: #"{"decision":"approve"}"#)
            #expect(early.errorCodes == ["review_phase_closed"])
            at(clock, "2026-03-22T09:00:00+08:00")
            let cityOK = try await city.send(.POST, "/api/v1/applications/\(id)/reviews", json: #"{"decision":"approve","comment":"同意"}"#)
            #expect(cityOK.json["status"] as? String == "provinceReview")

            let province = Client(app)
            try await province.login("reviewer")
            #expect(try await province.send(.POST, "/api/v1/applications/\(id)/reviews", json: #"{"decision":"approve"}"#).errorCodes
                    == ["review_phase_closed"])
            at(clock, "2026-03-26T09:00:00+08:00")
            let approved = try await province.send(.POST, "/api/v1/applications/\(id)/reviews", json: #"{"decision":"approve"}"#)
            #expect(approved.json["status"] as? String == "approved")
            #expect((approved.json["reviews"] as? [[String: Any]])?.map { $0["stage"] as? String } == ["cityReview", "provinceReview"])

            let plans = try await school.send(.GET, "/api/v1/plans?year=2026").json["items"] as? [[String: Any]] ?? []
            #expect(plans.count == 1)
            #expect(plans.first?["count"] as? Int == 40)
            #expect((plans.first?["history"] as? [[String: Any]])?.first?["reviewer"] as? String == "reviewer")
            // Another school sees neither the application nor the plan.
            let other = Client(app)
            try await other.login("highervoc")
            #expect(try await other.send(.GET, "/api/v1/applications/\(id)").status == .notFound)
            #expect(try await other.send(.GET, "/api/v1/plans").json["total"] as? Int == 0)
        }
    }

    @Test("AH22-6 / HN-6: a higher-vocational school goes straight to the province", arguments: TestDB.all)
    func higherVocationalSkipsCity(db: TestDB) async throws {
        try await withApp(db, demo: true) { app, clock in
            let school = Client(app)
            try await school.login("highervoc")
            let id = try #require(try await school.send(.POST, "/api/v1/applications", json: Self.app(2026, Self.line())).json["id"] as? String)
            #expect(try await school.send(.POST, "/api/v1/applications/\(id)/submit").json["status"] as? String == "provinceReview")
            let city = Client(app)
            try await city.login("zhengzhou")
            #expect(try await city.send(.POST, "/api/v1/applications/\(id)/reviews", json: #"{"decision":"approve"}"#).status == .notFound)
            at(clock, "2026-03-26T09:00:00+08:00")
            let province = Client(app)
            try await province.login("reviewer")
            #expect(try await province.send(.POST, "/api/v1/applications/\(id)/reviews", json: #"{"decision":"approve"}"#)
                .json["status"] as? String == "approved")
        }
    }

    @Test("Submission refuses with every violation at once", arguments: TestDB.all)
    func submitRefused(db: TestDB) async throws {
        try await withApp(db, demo: true) { app, _ in
            let school = Client(app)
            try await school.login("secondary")
            let body = Self.app(2026, Self.line("1-004", "junior", "new", 5), Self.line("9-999"), Self.line("1-003", "junior", "increase", 5))
            let draft = try await school.send(.POST, "/api/v1/applications", json: body)
            #expect(Set((draft.json["violations"] as? [[String: Any]] ?? []).compactMap { $0["code"] as? String })
                    == ["below_min_candidates", "unknown_certificate", "no_such_plan"])
            let id = try #require(draft.json["id"] as? String)
            let r = try await school.send(.POST, "/api/v1/applications/\(id)/submit")
            #expect(r.status == .unprocessableEntity)
            #expect(r.errorCodes == ["below_min_candidates", "unknown_certificate", "no_such_plan"])
            #expect(r.errorLines == [1, 2, 3])
        }
    }

    @Test("HN-7: a return sends the application back to draft with the comment; a comment is required", arguments: TestDB.all)
    func returnForChanges(db: TestDB) async throws {
        try await withApp(db, demo: true) { app, clock in
            let school = Client(app)
            try await school.login("highervoc")
            let id = try #require(try await school.send(.POST, "/api/v1/applications", json: Self.app(2026, Self.line())).json["id"] as? String)
            try await school.send(.POST, "/api/v1/applications/\(id)/submit")
            at(clock, "2026-03-26T09:00:00+08:00")
            let province = Client(app)
            try await province.login("reviewer")
            #expect(try await province.send(.POST, "/api/v1/applications/\(id)/reviews", json: #"{"decision":"return"}"#).errorCodes == ["required"])
            let back = try await province.send(.POST, "/api/v1/applications/\(id)/reviews", json: #"{"decision":"return","comment":"请补充说明"}"#)
            #expect(back.status == .ok)
            let seen = try await school.send(.GET, "/api/v1/applications/\(id)")
            #expect(seen.json["status"] as? String == "draft")
            #expect((seen.json["reviews"] as? [[String: Any]])?.last?["comment"] as? String == "请补充说明")
        }
    }

    @Test("HN-7: two reviewers deciding at once: exactly one decision counts, the other gets a conflict", arguments: TestDB.all)
    func concurrentReview(db: TestDB) async throws {
        try await withApp(db, demo: true) { app, clock in
            let school = Client(app)
            try await school.login("highervoc")
            let id = try #require(try await school.send(.POST, "/api/v1/applications", json: Self.app(2026, Self.line())).json["id"] as? String)
            try await school.send(.POST, "/api/v1/applications/\(id)/submit")
            at(clock, "2026-03-26T09:00:00+08:00")
            let a = Client(app), b = Client(app)
            try await a.login("reviewer")
            try await b.login("province")
            async let first = a.send(.POST, "/api/v1/applications/\(id)/reviews", json: #"{"decision":"approve"}"#)
            async let second = b.send(.POST, "/api/v1/applications/\(id)/reviews", json: #"{"decision":"reject","comment":"不同意"}"#)
            let statuses = [try await first.status, try await second.status].map(\.code).sorted()
            #expect(statuses == [200, 409])
            let final = try await school.send(.GET, "/api/v1/applications/\(id)")
            #expect((final.json["reviews"] as? [Any])?.count == 1)
        }
    }

    @Test("An application keeps being judged by the policy version it was submitted under", arguments: TestDB.all)
    func policyVersionKept(db: TestDB) async throws {
        try await withApp(db, demo: true) { app, clock in
            let school = Client(app)
            try await school.login("highervoc")
            let id = try #require(try await school.send(.POST, "/api/v1/applications", json: Self.app(2026, Self.line())).json["id"] as? String)
            try await school.send(.POST, "/api/v1/applications/\(id)/submit")
            // The province moves its spring review to April in version 2.
            let admin = Client(app)
            try await admin.login("admin", adminPassword)
            var doc = try await admin.send(.GET, "/api/v1/policy").json
            var windows = doc["recurringWindows"] as! [[String: Any]]
            windows[0]["province"] = ["04-01", "04-05"]
            doc["recurringWindows"] = windows
            #expect(try await admin.send(.PUT, "/api/v1/policy", body: try JSONSerialization.data(withJSONObject: doc),
                                         contentType: "application/json").json["version"] as? Int == 2)
            at(clock, "2026-03-26T09:00:00+08:00")
            let province = Client(app)
            try await province.login("reviewer")
            let r = try await province.send(.POST, "/api/v1/applications/\(id)/reviews", json: #"{"decision":"approve"}"#)
            #expect(r.json["status"] as? String == "approved")
            #expect(r.json["policyVersion"] as? Int == 1)
        }
    }

    @Test("HN-8, HN-3: the forced-exit job exits exactly the qualifying plans and is idempotent; an unfinished plan carries over", arguments: TestDB.all)
    func forcedExit(db: TestDB) async throws {
        try await withApp(db, demo: true) { app, clock in
            let school = Client(app)
            try await school.login("highervoc")
            let province = Client(app)
            try await province.login("reviewer")
            func approved(year: Int, submit: String, review: String, cert: String) async throws {
                at(clock, submit)
                let id = try #require(try await school.send(.POST, "/api/v1/applications", json: Self.app(year, Self.line(cert))).json["id"] as? String)
                #expect(try await school.send(.POST, "/api/v1/applications/\(id)/submit").status == .ok)
                at(clock, review)
                #expect(try await province.send(.POST, "/api/v1/applications/\(id)/reviews", json: #"{"decision":"approve"}"#).json["status"] as? String == "approved")
            }
            try await approved(year: 2025, submit: "2025-09-15T09:00:00+08:00", review: "2025-09-26T09:00:00+08:00", cert: "1-004")
            try await approved(year: 2026, submit: "2026-03-15T09:00:00+08:00", review: "2026-03-26T09:00:00+08:00", cert: "1-003")
            let admin = Client(app)
            try await admin.login("admin", adminPassword)
            at(clock, "2026-11-10T09:00:00+08:00")
            let before = try await admin.send(.POST, "/api/v1/admin/jobs/forcedExit/run")
            #expect(before.json["inExitPeriod"] as? Bool == false)
            at(clock, "2026-11-11T00:00:00+08:00")
            let run = try await admin.send(.POST, "/api/v1/admin/jobs/forcedExit/run")
            let exited = run.json["exited"] as? [[String: Any]] ?? []
            #expect(exited.map { $0["certificate"] as? String } == ["1-004"])
            let again = try await admin.send(.POST, "/api/v1/admin/jobs/forcedExit/run")
            #expect((again.json["exited"] as? [Any])?.isEmpty == true)
            let plans = try await school.send(.GET, "/api/v1/plans").json["items"] as? [[String: Any]] ?? []
            #expect(Set(plans.compactMap { "\($0["certificate"]!)=\($0["status"]!)" }) == ["1-004=exited", "1-003=active"])
            // HN-3: due by 31 December of its year; unfinished, it carries over (沿用) into the next year.
            at(clock, "2027-01-05T09:00:00+08:00")
            let next = try await school.send(.GET, "/api/v1/plans?year=2026").json["items"] as? [[String: Any]] ?? []
            #expect(next.first?["dueBy"] as? String == "2026-12-31")
            #expect(next.first?["carriedOver"] as? Bool == true)
        }
    }

    @Test("AH22-7 / AH22-4: under ONEX_POLICY=anhui decreases are refused and a new certificate needs its justification", arguments: TestDB.all)
    func anhuiPolicy(db: TestDB) async throws {
        try await withApp(db, demo: true, policy: "anhui") { app, clock in
            at(clock, "2026-04-02T09:00:00+08:00")
            let school = Client(app)
            try await school.login("highervoc")
            let draft = try await school.send(.POST, "/api/v1/applications",
                                              json: Self.app(2026, Self.line(), Self.line("1-003", "junior", "decrease", 1, reason: "budget")))
            let codes = (draft.json["violations"] as? [[String: Any]] ?? []).compactMap { $0["code"] as? String }
            #expect(codes == ["justification_required", "no_such_plan"])
            let id = try #require(draft.json["id"] as? String)
            try await school.send(.PUT, "/api/v1/applications/\(id)", json: Self.app(2026, Self.line()))
            let up = try await school.multipart("/api/v1/applications/\(id)/attachments", fields: [("purpose", "justification"), ("line", "1")],
                                                file: ("file", "申报表.pdf", "application/pdf", "%PDF-1.4 test"))
            #expect(up.status == .created)
            #expect(try await school.send(.POST, "/api/v1/applications/\(id)/submit").json["status"] as? String == "provinceReview")
        }
    }
}

@Suite("Application pages and printable forms (HN-12)")
struct ApplicationPagesTests {
    @Test("HN-12: the Henan forms follow the seed's columns, with signature blocks, as HTML and XLSX", arguments: TestDB.all)
    func forms(db: TestDB) async throws {
        try await withApp(db, demo: true) { app, _ in
            let school = Client(app)
            try await school.login("secondary")
            let id = try #require(try await school.send(.POST, "/api/v1/applications",
                                                        json: ApplicationFlowTests.app(2026, ApplicationFlowTests.line())).json["id"] as? String)
            try await school.send(.POST, "/api/v1/applications/\(id)/submit")
            let html = try await school.send(.GET, "/api/v1/applications/\(id)/forms/henan-1")
            #expect(html.status == .ok)
            #expect(html.body.contains("新增申报汇总表") && html.body.contains("新开展的证书名称") && html.body.contains("物流管理"))
            #expect(html.body.contains("院校主管 1+X 证书制度工作校领导（签字）"))
            #expect(html.body.contains("至 2026年12月31日"))
            let inc = try await school.send(.GET, "/api/v1/applications/\(id)/forms/henan-2")
            #expect(inc.body.contains("调增前考核计划人数") && inc.body.contains("计划净增加人数"))
            let xlsx = try await app.testing().performTest(request: .init(
                method: .GET, url: URI(path: "/api/v1/applications/\(id)/forms/henan-1?format=xlsx"),
                headers: ["Authorization": "Bearer \(school.token!)"], body: ByteBuffer()))
            let rows = try OneXTabular.Table.read(Data(buffer: xlsxBody(xlsx)))
            #expect(rows.first == ["新增申报汇总表"])
            #expect(rows.contains { $0.contains("物流管理") })
            #expect(try await school.send(.GET, "/api/v1/applications/\(id)/forms/nope").status == .notFound)
            #expect(try await school.send(.GET, "/api/v1/applications/\(id)/forms/anhui-1").status == .notFound)
        }
    }

    @Test("HN-12: an increase says why in its own words, printed in 附件2; the page offers the forms of the kinds held", arguments: TestDB.all)
    func increaseReason(db: TestDB) async throws {
        try await withApp(db, demo: true) { app, _ in
            try await ExamTests.approvedPlan(app)
            let web = Client(app)
            try await web.webLogin("highervoc")
            let editor = try await web.send(.GET, "/applications/new")
            let saved = try await web.form("/applications/new", [
                ("_csrf", web.csrf(from: editor)), ("year", "2026"), ("certificate1", "1-004"), ("level1", "junior"), ("kind1", "increase"),
                ("count1", "10"), ("reason1", "budget"), ("note1", "新建实训基地，报名学生增加"),
            ])
            let path = try #require(saved.headers.first(name: .location))
            let page = try await web.send(.GET, path)
            #expect(page.body.contains("<td>新建实训基地，报名学生增加</td>"))
            #expect(page.body.contains("forms/henan-2") && !page.body.contains("forms/henan-1") && !page.body.contains("forms/henan-3"))
            let form = try await web.send(.GET, path + "/forms/henan-2")
            #expect(form.body.contains("<td>新建实训基地，报名学生增加</td>"))
            #expect(form.body.contains("<td>40</td>") && form.body.contains("<td>50</td>"))
        }
    }

    @Test("HN-1 / HN-7: a school drafts in the browser, sees violations, submits; the city decides in the browser", arguments: TestDB.all)
    func webFlow(db: TestDB) async throws {
        try await withApp(db, demo: true) { app, clock in
            let school = Client(app)
            try await school.webLogin("secondary")
            let home = try await school.send(.GET, "/")
            #expect(home.body.contains("href=\"/applications\"") && home.body.contains("href=\"/plans\""))
            let editor = try await school.send(.GET, "/applications/new")
            let token = school.csrf(from: editor)
            let saved = try await school.form("/applications/new", [("_csrf", token), ("year", "2026"), ("certificate1", "1-004"),
                                                                    ("level1", "junior"), ("kind1", "new"), ("count1", "5")])
            #expect(saved.status == .seeOther)
            let path = try #require(saved.headers.first(name: .location))
            let draft = try await school.send(.GET, path)
            #expect(draft.body.contains("不得少于20人"))
            #expect(try await school.send(.GET, "/applications?violations=1").body.contains("href=\"\(path)\""))
            let edited = try await school.form(path + "/edit", [("_csrf", token), ("year", "2026"), ("certificate1", "1-004"),
                                                                ("level1", "junior"), ("kind1", "new"), ("count1", "45")])
            #expect(edited.status == .seeOther)
            #expect(try await school.send(.GET, path).body.contains("全部规则校验通过"))
            #expect(!(try await school.send(.GET, "/applications?violations=1").body.contains("href=\"\(path)\"")))
            #expect(try await school.form(path + "/submit", [("_csrf", token)]).status == .seeOther)
            #expect(try await school.send(.GET, path).body.contains("市级初审中"))

            clock.set(Shanghai.parseInstant("2026-03-22T09:00:00+08:00")!)
            let city = Client(app)
            try await city.webLogin("zhengzhou")
            let queue = try await city.send(.GET, "/applications?status=cityReview")
            #expect(queue.body.contains("郑州市财贸学校"))
            #expect(try await city.send(.GET, "/applications?certificate=1-004&region=4101").body.contains("郑州市财贸学校"))
            #expect(!(try await city.send(.GET, "/applications?certificate=1-003").body.contains("郑州市财贸学校")))
            let page = try await city.send(.GET, path)
            #expect(page.body.contains("name=\"decision\""))
            // Issue 13: no decision is preselected; a refused review keeps what the reviewer chose and wrote.
            #expect(page.body.contains("<option value=\"\" selected>请选择审核结论</option>") && page.body.contains("提交审核意见"))
            let unchosen = try await city.form(path + "/review", [("_csrf", city.csrf(from: page)), ("comment", "请补充说明")])
            #expect(unchosen.status == .unprocessableEntity && unchosen.body.contains("请选择审核结论")
                && unchosen.body.contains(">请补充说明</textarea>"))
            let noComment = try await city.form(path + "/review", [("_csrf", city.csrf(from: page)), ("decision", "return"), ("comment", "")])
            #expect(noComment.status == .unprocessableEntity && noComment.body.contains("须填写审核意见")
                && noComment.body.contains("<option value=\"return\" selected>"))
            let decided = try await city.form(path + "/review", [("_csrf", city.csrf(from: page)), ("decision", "approve"), ("comment", "同意")])
            #expect(decided.status == .seeOther)
            #expect(try await city.send(.GET, path).body.contains("省级审核中"))
        }
    }
}

func xlsxBody(_ r: TestingHTTPResponse) -> ByteBuffer { r.body }

@Suite("Notices and the scheduler")
struct NoticeTests {
    @Test("A school hears of a return; every school hears three days before the school phase opens", arguments: TestDB.all)
    func notices(db: TestDB) async throws {
        try await withApp(db, demo: true) { app, clock in
            let school = Client(app)
            try await school.login("highervoc")
            let id = try #require(try await school.send(.POST, "/api/v1/applications",
                                                        json: ApplicationFlowTests.app(2026, ApplicationFlowTests.line())).json["id"] as? String)
            try await school.send(.POST, "/api/v1/applications/\(id)/submit")
            clock.set(Shanghai.parseInstant("2026-03-26T09:00:00+08:00")!)
            let province = Client(app)
            try await province.login("reviewer")
            try await province.send(.POST, "/api/v1/applications/\(id)/reviews", json: #"{"decision":"return","comment":"补充材料"}"#)
            let mine = try await school.send(.GET, "/api/v1/notices").json["items"] as? [[String: Any]] ?? []
            #expect(mine.first?["title"] as? String == "2026年考核计划申报（豫1X-2026-春-0001）被退回修改")
            let other = Client(app)
            try await other.login("undergrad")
            #expect((try await other.send(.GET, "/api/v1/notices").json["items"] as? [Any])?.isEmpty == true)

            // 8 September: Henan's autumn school phase opens on the 11th.
            clock.set(Shanghai.parseInstant("2026-09-08T08:00:00+08:00")!)
            let admin = Client(app)
            try await admin.login("admin", adminPassword)
            #expect(try await admin.send(.POST, "/api/v1/admin/jobs/windowNotices/run").json["sent"] as? Int == 1)
            #expect(try await admin.send(.POST, "/api/v1/admin/jobs/windowNotices/run").json["sent"] as? Int == 0)
            let titles = (try await other.send(.GET, "/api/v1/notices").json["items"] as? [[String: Any]] ?? []).compactMap { $0["title"] as? String }
            #expect(titles == ["秋季院校申报将于2026-09-11开始"])
        }
    }

    @Test("HN-8: the scheduler runs the forced exit once per day of the exit period", arguments: TestDB.all)
    func scheduler(db: TestDB) async throws {
        try await withApp(db, demo: true) { app, clock in
            clock.set(Shanghai.parseInstant("2026-11-12T01:00:00+08:00")!)
            await JobScheduler.tick(app)
            await JobScheduler.tick(app)
            let runs = try await JobRun.query(on: app.db).filter(\.$job == "forcedExit").all()
            #expect(runs.map(\.day) == ["2026-11-12"])
            clock.set(Shanghai.parseInstant("2026-11-25T01:00:00+08:00")!)
            await JobScheduler.tick(app)
            #expect(try await JobRun.query(on: app.db).filter(\.$job == "forcedExit").count() == 1)
        }
    }
}

@Suite("Every rule code through the HTTP API (policies.md)")
struct RuleCodesThroughAPITests {
    func at(_ clock: ManualClock, _ text: String) { clock.set(Shanghai.parseInstant(text)!) }

    func codes(_ r: Reply) -> Set<String> {
        Set((r.json["violations"] as? [[String: Any]] ?? []).compactMap { $0["code"] as? String })
    }

    func upload(_ c: Client, _ id: String, purpose: String, line: Int?) async throws {
        let r = try await c.multipart("/api/v1/applications/\(id)/attachments",
                                      fields: [("purpose", purpose)] + (line.map { [("line", String($0))] } ?? []),
                                      file: ("file", "f.pdf", "application/pdf", "%PDF"))
        #expect(r.status == .created)
    }

    @Test("Henan: outside_window, plan_exists, decrease_limit_exceeded, decrease_reason_required, school_not_registered", arguments: TestDB.all)
    func henan(db: TestDB) async throws {
        try await withApp(db, demo: true) { app, clock in
            let school = Client(app), province = Client(app)
            try await school.login("highervoc")
            try await province.login("reviewer")
            let id = try #require(try await school.send(.POST, "/api/v1/applications",
                                                        json: ApplicationFlowTests.app(2026, ApplicationFlowTests.line())).json["id"] as? String)
            try await school.send(.POST, "/api/v1/applications/\(id)/submit")
            at(clock, "2026-03-26T09:00:00+08:00")
            try await province.send(.POST, "/api/v1/applications/\(id)/reviews", json: #"{"decision":"approve"}"#)
            at(clock, "2026-03-27T09:00:00+08:00")
            func draft(_ line: String) async throws -> Set<String> {
                codes(try await school.send(.POST, "/api/v1/applications", json: ApplicationFlowTests.app(2026, line)))
            }
            #expect(try await draft(ApplicationFlowTests.line()) == ["outside_window", "plan_exists"])
            #expect(try await draft(ApplicationFlowTests.line("1-004", "junior", "decrease", 20))
                    == ["outside_window", "decrease_limit_exceeded", "decrease_reason_required"])
            #expect(try await draft(ApplicationFlowTests.line("1-004", "intermediate", "increase", 5)) == ["no_such_plan"])
            let unregistered = Client(app)
            try await unregistered.login("school-z007")
            #expect(codes(try await unregistered.send(.POST, "/api/v1/applications", json: ApplicationFlowTests.app(2026, ApplicationFlowTests.line())))
                    .contains("school_not_registered"))
        }
    }

    @Test("Anhui: decrease_not_allowed, adjustment_form_required, over_previous_year_scale, justification_required", arguments: TestDB.all)
    func anhui(db: TestDB) async throws {
        try await withApp(db, demo: true, policy: "anhui") { app, clock in
            let school = Client(app), province = Client(app)
            try await school.login("highervoc")
            try await province.login("reviewer")
            func approve(_ year: Int, _ lines: String..., justify: Bool) async throws {
                at(clock, "\(year)-04-02T09:00:00+08:00")
                let d = try await school.send(.POST, "/api/v1/applications", json: #"{"year":\#(year),"lines":[\#(lines.joined(separator: ","))]}"#)
                let id = try #require(d.json["id"] as? String)
                if justify { try await upload(school, id, purpose: "justification", line: 1) }
                #expect(try await school.send(.POST, "/api/v1/applications/\(id)/submit").status == .ok)
                at(clock, "\(year)-04-10T09:00:00+08:00")
                #expect(try await province.send(.POST, "/api/v1/applications/\(id)/reviews", json: #"{"decision":"approve"}"#)
                    .json["status"] as? String == "approved")
            }
            // 2025: 40 planned, no exam held, so 0% completion.
            try await approve(2025, ApplicationFlowTests.line("1-004", "junior", "new", 40), justify: true)
            // 2026: the same certificate again needs no justification, and 30 ≤ last year's 40.
            try await approve(2026, ApplicationFlowTests.line("1-004", "junior", "new", 30), justify: false)
            at(clock, "2026-04-03T09:00:00+08:00")
            let draft = try await school.send(.POST, "/api/v1/applications", json: ApplicationFlowTests.app(
                2026, ApplicationFlowTests.line("1-004", "junior", "decrease", 1), ApplicationFlowTests.line("1-003", "junior", "new", 20)))
            #expect(codes(draft) == ["decrease_not_allowed", "justification_required", "over_previous_year_scale"])
            let increase = try await school.send(.POST, "/api/v1/applications",
                                                 json: ApplicationFlowTests.app(2026, ApplicationFlowTests.line("1-004", "junior", "increase", 5)))
            #expect(codes(increase) == ["adjustment_form_required"])
            let message = (draft.json["violations"] as? [[String: Any]] ?? []).first { $0["code"] as? String == "over_previous_year_scale" }?["message"] as? String
            #expect(message?.contains("0%") == true && message?.contains("40人") == true)
        }
    }
}
