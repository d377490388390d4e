import Fluent
import Foundation
import OneXDomain
@testable import OneXServer
import SQLKit
import Testing
import VaporTesting

@Suite("Exam sessions and candidate result import (EXAM-1)")
struct ExamTests {
    static let header = "examNumber,name,idNumber,school,certificate,level,date,attended,passed\n"

    static func row(_ n: Int, school: String = "G001", certificate: String = "1-004", level: String = "junior",
                    date: String = "2026-05-20", attended: String = "1", passed: String = "1", id: String? = nil) -> String {
        let number = id ?? IDNumber.complete("41010520000101" + String(format: "%03d", n % 1000))
        return "E\(n),李小\(n),\(number),\(school),\(certificate),\(level),\(date),\(attended),\(passed)\n"
    }

    /// The demo higher-vocational school G001 gets an approved 2026 plan of 1-004 junior (40).
    static func approvedPlan(_ app: Application) async throws {
        let school = try #require(try await CodeResolver(app.db).id(.schools, "G001"))
        let cert = try #require(try await CodeResolver(app.db).id(.certificates, "1-004"))
        _ = try await PlanService.applyChange(school: school, certificate: cert, level: .junior, year: 2026, kind: .new, count: 40,
                                              application: nil, reviewer: "test", countsInIndicators: true, now: fixedNow, on: app.db)
    }

    /// The demo province with G001's approved plan and the province admin signed in.
    static func withPlanAndAdmin(_ db: TestDB, _ body: (Application, Client) async throws -> Void) async throws {
        try await withApp(db, demo: true) { app, _ in
            try await approvedPlan(app)
            let admin = Client(app)
            try await admin.login("admin", adminPassword)
            try await body(app, admin)
        }
    }

    static func storedCandidates(_ app: Application) async throws -> Int {
        try await (app.db as! any SQLDatabase).raw("SELECT COUNT(*) AS n FROM exam_candidates").first()!.decode(column: "n", as: Int.self)
    }

    @Test("EXAM-1: an organisation records a session of its own certificate; another's is 404; counts must be consistent",
          arguments: TestDB.all)
    func sessions(db: TestDB) async throws {
        try await withApp(db, demo: true) { app, _ in
            try await Self.approvedPlan(app)
            let org = Client(app)
            try await org.login("org")
            let cert = try #require(try await Certificate.query(on: app.db).filter(\.$code == "1-004").with(\.$organization).first())
            let owner = Client(app)
            try await owner.login(cert.organization.code.lowercased())
            let body = #"{"school":"G001","certificate":"1-004","level":"junior","year":2026,"date":"2026-05-10","site":"郑州","registered":30,"attended":28,"passed":20}"#
            #expect(try await owner.send(.POST, "/api/v1/exams", json: body).status == .created)
            let bad = try await owner.send(.POST, "/api/v1/exams", json: body.replacingOccurrences(of: #""passed":20"#, with: #""passed":29"#))
            #expect(bad.status == .unprocessableEntity && bad.body.contains("通过人数"))
            let noPlan = try await owner.send(.POST, "/api/v1/exams", json: body.replacingOccurrences(of: "2026,", with: "2025,"))
            #expect(noPlan.status == .unprocessableEntity && noPlan.body.contains("没有证书"))
            if cert.organization.code != "ORG-ZWL" {
                #expect(try await org.send(.POST, "/api/v1/exams", json: body).status == .notFound)
            }
            let school = Client(app)
            try await school.login("highervoc")
            #expect(try await school.send(.POST, "/api/v1/exams", json: body).status == .forbidden)
            let list = try await school.send(.GET, "/api/v1/exams")
            #expect((list.json["items"] as? [[String: Any]])?.first?["attended"] as? Int == 28)
        }
    }

    @Test("EXAM-1: import counts sessions and candidates; a re-import changes nothing; ID numbers are only hashed", arguments: TestDB.all)
    func importAndReimport(db: TestDB) async throws {
        try await Self.withPlanAndAdmin(db) { app, admin in
            var csv = Self.header
            for n in 1...30 { csv += Self.row(n, date: n <= 20 ? "2026-05-20" : "2026-06-18", attended: n % 10 == 0 ? "否" : "是",
                                              passed: n % 10 == 0 || n % 3 == 0 ? "0" : "1") }
            let first = try await admin.send(.POST, "/api/v1/exams/import", body: Data(csv.utf8), contentType: "text/csv")
            #expect(first.status == .ok)
            #expect(first.json["candidates"] as? Int == 30 && first.json["sessions"] as? Int == 2 && first.json["unchanged"] as? Int == 0)
            let again = try await admin.send(.POST, "/api/v1/exams/import", body: Data(csv.utf8), contentType: "text/csv")
            #expect(again.json["candidates"] as? Int == 0 && again.json["unchanged"] as? Int == 30)
            let indicators = try await admin.send(.GET, "/api/v1/indicators?year=2026&school=G001&asOf=2026-12-31")
            #expect(indicators.json["registered"] as? Int == 30)
            #expect(indicators.json["attended"] as? Int == 27)
            // Absent: 10, 20, 30; failed: the other multiples of 3 (3 … 27, nine of them).
            #expect(indicators.json["passed"] as? Int == 30 - 3 - 9)
            // No ID number, and no full name, anywhere in the database, the audit log or the API.
            let sql = app.db as! any SQLDatabase
            let stored = try await sql.raw("SELECT id_hash, name_masked FROM exam_candidates").all()
            #expect(stored.count == 30)
            let someID = IDNumber.complete("41010520000101001")
            for table in ["exam_candidates", "audit_entries"] {
                let dump = try await sql.raw("SELECT * FROM \(ident: table)").all()
                    .map { row in row.allColumns.compactMap { try? row.decode(column: $0, as: String.self) }.joined(separator: "|") }
                    .joined(separator: "\n")
                #expect(!dump.contains(someID) && !dump.contains("李小1"), "\(table) holds personal data in clear")
            }
            #expect(try stored.first!.decode(column: "name_masked", as: String.self).hasPrefix("李*"))
            let sessions = try await admin.send(.GET, "/api/v1/exams?school=G001")
            #expect(!sessions.body.contains(someID))
        }
    }

    @Test("EXAM-1: an ID number is kept as HMAC-SHA-256 under the configured key, cut to 128 bits; the same as in earlier versions")
    func idHashIsStable() throws {
        let hasher = IDHasher(secret: "test-secret-for-id-hash-0123456789")
        let id = try #require(IDNumber("11010519491231002x"))
        // Computed outside Swift (Python's hmac): stored hashes must keep matching re-imports.
        #expect(hasher.hash(id) == "2dc9ff5f2f7033ed9d5a509199cf717a")
        #expect(hasher.hash(id) == hasher.hash(id))
    }

    @Test("EXAM-1: a batch of imported rows is valid JSON whatever the cells hold (quotes, backslashes, control characters)")
    func batchJSON() throws {
        var rows = JSONRows(reserving: 64)
        let cells = ["E\"1\\2", "张*", "tab\there\nline\u{1}", ""]
        for (n, cell) in cells.enumerated() {
            rows.startRow()
            rows.add(n)
            rows.add(cell)
            rows.add(n % 2 == 0)
            rows.endRow()
        }
        let parsed = try #require(try JSONSerialization.jsonObject(with: Data(rows.text.utf8)) as? [[Any]])
        #expect(parsed.map { $0[1] as? String } == cells)
        #expect(parsed.map { $0[0] as? Int } == [0, 1, 2, 3] && parsed.map { $0[2] as? Int } == [1, 0, 1, 0])
        #expect(JSONRows(reserving: 0).text == "[]")
    }

    @Test("EXAM-1: the sessions list is the newest sessions of both sources, province-wide, per school and per year",
          arguments: TestDB.all)
    func newestSessions(db: TestDB) async throws {
        try await Self.withPlanAndAdmin(db) { app, admin in
            let days = ["2026-03-02", "2026-04-01", "2026-05-06", "2026-06-01"]
            let csv = Self.header + days.enumerated().map { Self.row($0.offset + 1, date: $0.element) }.joined()
            #expect(try await admin.send(.POST, "/api/v1/exams/import", body: Data(csv.utf8), contentType: "text/csv").status == .ok)
            let entered = #"{"school":"G001","certificate":"1-004","level":"junior","year":2026,"date":"2026-05-10","registered":5,"attended":5,"passed":4}"#
            #expect(try await admin.send(.POST, "/api/v1/exams", json: entered).status == .created)
            func listed(_ client: Client, _ query: String) async throws -> [String] {
                let items = try await client.send(.GET, "/api/v1/exams?" + query).json["items"] as? [[String: Any]] ?? []
                return items.map { "\($0["date"] as? String ?? "?") \($0["source"] as? String ?? "?")" }
            }
            let newest = ["2026-06-01 import", "2026-05-10 manual", "2026-05-06 import"]
            #expect(try await listed(admin, "limit=3") == newest)
            #expect(try await listed(admin, "limit=2&year=2026") == Array(newest.prefix(2)))
            #expect(try await listed(admin, "year=2025").isEmpty)
            #expect(try await listed(admin, "limit=10").count == 5)
            let school = Client(app)
            try await school.login("highervoc")
            #expect(try await listed(school, "limit=3") == newest)
            #expect(try await listed(school, "year=2025").isEmpty)
        }
    }

    @Test("EXAM-1: one bad row rejects the whole file with line-numbered reasons and writes nothing", arguments: TestDB.all)
    func badRowWritesNothing(db: TestDB) async throws {
        try await Self.withPlanAndAdmin(db) { app, admin in
            var csv = Self.header
            // More than one batch of rows, so some were already written when the bad row is read.
            for n in 1...1_200 { csv += Self.row(n) }
            csv += Self.row(1_201, id: "410105200001010019")  // wrong check digit
            csv += Self.row(1_202, school: "NOPE")
            csv += Self.row(1_203, attended: "0", passed: "1")
            let r = try await admin.send(.POST, "/api/v1/exams/import", body: Data(csv.utf8), contentType: "text/csv")
            #expect(r.status == .unprocessableEntity)
            let lines = (r.json["errors"] as? [[String: Any]] ?? []).compactMap { $0["line"] as? Int }
            #expect(lines == [1_202, 1_203, 1_204])
            #expect(r.body.contains("身份证号无效") && !r.body.contains("410105200001010019"))
            #expect(try await Self.storedCandidates(app) == 0)
            let plan = try #require(try await PlanRow.query(on: app.db).first())
            #expect(plan.examRegistered == 0)
            // Chinese headers are accepted too.
            let chinese = "准考证号,姓名,身份证号,院校代码,证书代码,等级,考核日期,是否参考,是否通过\n" + Self.row(1, level: "初级")
            let ok = try await admin.send(.POST, "/api/v1/exams/import", body: Data(chinese.utf8), contentType: "text/csv")
            #expect(ok.json["candidates"] as? Int == 1)
        }
    }

    @Test("EXAM-1: a row repeated within a file counts once; a repeat with another result refuses the file with both lines",
          arguments: TestDB.all)
    func repeatsWithinFile(db: TestDB) async throws {
        try await Self.withPlanAndAdmin(db) { app, admin in
            var csv = Self.header
            for n in 1...10 { csv += Self.row(n) }
            let conflicting = csv + Self.row(3, attended: "0", passed: "0")
            let refused = try await admin.send(.POST, "/api/v1/exams/import", body: Data(conflicting.utf8), contentType: "text/csv")
            #expect(refused.status == .unprocessableEntity)
            let errors = refused.json["errors"] as? [[String: Any]] ?? []
            #expect(errors.compactMap { $0["line"] as? Int } == [12])
            #expect((errors.first?["message"] as? String)?.contains("与第4行重复") == true)
            let sql = app.db as! any SQLDatabase
            #expect(try await Self.storedCandidates(app) == 0)

            let repeated = csv + Self.row(3) + Self.row(7)
            let ok = try await admin.send(.POST, "/api/v1/exams/import", body: Data(repeated.utf8), contentType: "text/csv")
            #expect(ok.json["candidates"] as? Int == 10 && ok.json["unchanged"] as? Int == 2 && ok.json["sessions"] as? Int == 1)
            let plan = try #require(try await PlanRow.query(on: app.db).first())
            #expect(plan.examRegistered == 10 && plan.examAttended == 10)
            let session = try #require(try await sql.raw("SELECT registered FROM candidate_sessions").first())
            #expect(try session.decode(column: "registered", as: Int.self) == 10)
        }
    }

    @Test("EXAM-1: an organisation imports only its own certificates' results", arguments: TestDB.all)
    func organisationScope(db: TestDB) async throws {
        try await withApp(db, demo: true) { app, _ in
            try await Self.approvedPlan(app)
            let cert = try #require(try await Certificate.query(on: app.db).filter(\.$code == "1-004").with(\.$organization).first())
            let other = try #require(try await Organization.query(on: app.db).filter(\.$code != cert.organization.code).first())
            let client = Client(app)
            try await client.login(other.code.lowercased())
            let r = try await client.send(.POST, "/api/v1/exams/import", body: Data((Self.header + Self.row(1)).utf8), contentType: "text/csv")
            #expect(r.status == .unprocessableEntity && r.body.contains("不属于本机构"))
        }
    }

    @Test("EXAM-1: the browser import runs in the background with progress, and the result page shows the summary",
          arguments: TestDB.all)
    func browserImport(db: TestDB) async throws {
        try await withApp(db, demo: true, sqliteFile: true) { app, _ in
            try await Self.approvedPlan(app)
            let web = Client(app)
            try await web.webLogin("admin", adminPassword)
            let page = try await web.send(.GET, "/exams/import")
            #expect(page.status == .ok && page.body.contains("import-progress"))
            var csv = Self.header
            for n in 1...5_000 { csv += Self.row(n) }
            let r = try await web.multipart("/exams/import", fields: [("_csrf", web.csrf(from: page)), ("confirmOverPlan", "true")],
                                            file: ("file", "results.csv", "text/csv", csv), accept: "application/json")
            #expect(r.status == .accepted)
            let progress = try #require(r.json["result"] as? String)
            let bar = try #require(r.json["progress"] as? String)
            var state = "running"
            for _ in 0..<1_000 where state == "running" {
                let p = try await web.send(.GET, bar)
                state = p.json["state"] as? String ?? "?"
                if state == "running" { try await Task.sleep(for: .milliseconds(20)) }
            }
            #expect(state == "done")
            let result = try await web.send(.GET, progress)
            #expect(result.body.contains("5000"))
            // The province's import is the province's: an organisation does not see it, a school
            // is not concerned by imports at all.
            let other = Client(app)
            try await other.webLogin("org")
            #expect(try await other.send(.GET, progress).status == .notFound)
            #expect(try await other.send(.GET, bar).status == .notFound)
            let school = Client(app)
            try await school.webLogin("secondary")
            #expect(try await school.send(.GET, progress).status == .forbidden)
            #expect(try await Client(app).send(.GET, bar).status == .seeOther)
        }
    }

    @Test("ID numbers: 18 digits with the MOD 11-2 check character, or the legacy 15-digit form")
    func idNumbers() {
        #expect(IDNumber("11010519491231002X") != nil)
        #expect(IDNumber("110105194912310021") == nil)
        #expect(IDNumber("110105491231002") != nil)
        #expect(IDNumber("110105491331002") == nil)
        #expect(IDNumber("1101051949123100") == nil)
        #expect(NameMask.mask("欧阳娜娜") == "欧***" && NameMask.mask("王") == "王*")
    }

    @Test("EXAM-1: an import's progress is a database record any server reads; one cut off by a stop reads as failed",
          arguments: TestDB.all)
    func importJobsInTheDatabase(db: TestDB) async throws {
        try await withApp(db) { app, _ in
            let admin = Actor(username: "admin", role: .provinceAdmin, unit: nil)
            let org = Actor(username: "org", role: .organization, unit: "ORG-ZWL")
            let id = try await ImportJobs.start(fileName: "成绩.csv", total: 10, owner: admin, now: fixedNow, on: app.db)
            await ImportJobs.report(id, processed: 4, on: app.db)
            let running = try #require(try await ImportJobs.progress(id, actor: admin, on: app.db))
            #expect(running.state == .running && running.processed == 4 && running.total == 10 && running.fileName == "成绩.csv")
            #expect(try await ImportJobs.progress(id, actor: org, on: app.db) == nil)
            try await ImportJobs.abandon(now: fixedNow, on: app.db)
            let cut = try #require(try await ImportJobs.progress(id, actor: admin, on: app.db))
            #expect(cut.state == .failed && cut.errors.first?.contains("未导入任何数据") == true)
        }
    }

    @Test("EXAM-1: a refused import ends on a page of problems by line and column, all of them as CSV; past imports are listed by unit",
          arguments: TestDB.all)
    func importResultPages(db: TestDB) async throws {
        try await withApp(db, demo: true) { app, _ in
            try await Self.approvedPlan(app)
            let web = Client(app)
            try await web.webLogin("org")
            let page = try await web.send(.GET, "/exams/import")
            var csv = Self.header
            for n in 1...300 { csv += Self.row(n, school: n % 2 == 0 ? "NOPE" : "G001") }
            let r = try await web.multipart("/exams/import", fields: [("_csrf", web.csrf(from: page)), ("confirmOverPlan", "true")],
                                            file: ("file", "成绩-有误.csv", "text/csv", csv))
            #expect(r.status == .seeOther)
            let result = try await web.send(.GET, try #require(r.headers.first(name: .location)))
            #expect(result.body.contains("文件未导入"))
            #expect(result.body.contains("<td>院校代码</td>"))
            #expect(!result.body.contains("<td>school</td>"))
            #expect(!result.body.contains("本页显示前若干处问题"))
            let problems = try await web.send(.GET, try #require(r.headers.first(name: .location)) + "/problems.csv")
            #expect(problems.status == .ok)
            let lines = problems.body.split(whereSeparator: \.isNewline)
            #expect(lines.count == 151)
            #expect(lines.first?.contains("行号") == true)
            #expect(lines.dropFirst().first?.hasPrefix("3,院校代码,") == true)

            let history = try await web.send(.GET, "/exams/imports")
            #expect(history.body.contains("成绩-有误.csv"))
            #expect(history.body.contains("文件未导入"))
            #expect(history.body.contains("周强 · 北京中物联物流采购培训中心"))
            #expect(!history.body.contains(">org<"))
            // Another organisation lists none of it; the province lists it.
            let gx = Client(app)
            try await gx.webLogin("org-gxbjk")
            #expect(!(try await gx.send(.GET, "/exams/imports")).body.contains("成绩-有误.csv"))
            let reviewer = Client(app)
            try await reviewer.webLogin("reviewer")
            #expect((try await reviewer.send(.GET, "/exams/imports")).body.contains("成绩-有误.csv"))
        }
    }
}
