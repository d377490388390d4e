import Fluent
import Foundation
import OneXDomain
@testable import OneXServer
import SQLKit
import Testing
import VaporTesting

@Suite("Low-completion cap, monitoring snapshots and dashboards (AH22-2, AH22-8, HN-9, AH41-10)")
struct MonitoringTests {
    func at(_ clock: ManualClock, _ text: String) { clock.set(Shanghai.parseInstant(text)!) }

    func codes(_ r: Reply) -> [String] {
        (r.json["violations"] as? [[String: Any]] ?? []).compactMap { $0["code"] as? String }
    }

    @Test("AH22-2: below 50 % last year the cap applies (41 > 40 refused, 40 allowed); at exactly 50 % it does not",
          arguments: TestDB.all)
    func lowCompletionCapAtThreshold(db: TestDB) async throws {
        try await withApp(db, demo: true, policy: "anhui") { app, clock in
            let province = Client(app), admin = Client(app)
            try await province.login("reviewer")
            try await admin.login("admin", adminPassword)
            // Two higher-vocational schools, each with 40 planned for 2025 of a new certificate.
            for (user, code, attended) in [("school-g002", "G002", 19), ("school-g003", "G003", 20)] {
                let school = Client(app)
                try await school.login(user)
                at(clock, "2025-04-02T09:00:00+08:00")
                let d = try await school.send(.POST, "/api/v1/applications", json: ApplicationFlowTests.app(2025, ApplicationFlowTests.line("1-004", "junior", "new", 40)))
                let id = try #require(d.json["id"] as? String)
                let up = try await school.multipart("/api/v1/applications/\(id)/attachments", fields: [("purpose", "justification"), ("line", "1")],
                                                    file: ("file", "f.pdf", "application/pdf", "%PDF"))
                #expect(up.status == .created)
                #expect(try await school.send(.POST, "/api/v1/applications/\(id)/submit").status == .ok)
                at(clock, "2025-04-10T09:00:00+08:00")
                #expect(try await province.send(.POST, "/api/v1/applications/\(id)/reviews", json: #"{"decision":"approve"}"#).status == .ok)
                let exam = #"{"school":"\#(code)","certificate":"1-004","level":"junior","year":2025,"date":"2025-06-10","registered":40,"attended":\#(attended),"passed":10}"#
                #expect(try await admin.send(.POST, "/api/v1/exams", json: exam).status == .created)
            }
            at(clock, "2026-04-02T09:00:00+08:00")
            let below = Client(app), exactly = Client(app)
            try await below.login("school-g002")
            try await exactly.login("school-g003")
            let over = ApplicationFlowTests.app(2026, ApplicationFlowTests.line("1-004", "junior", "new", 41))
            let equal = ApplicationFlowTests.app(2026, ApplicationFlowTests.line("1-004", "junior", "new", 40))
            let refused = try await below.send(.POST, "/api/v1/applications", json: over)
            #expect(codes(refused) == ["over_previous_year_scale"])
            let message = (refused.json["violations"] as? [[String: Any]])?.first?["message"] as? String ?? ""
            #expect(message.contains("47.5%") && message.contains("40人") && message.contains("41人"), "\(message)")
            #expect(codes(try await below.send(.POST, "/api/v1/applications", json: equal)).isEmpty)
            #expect(codes(try await exactly.send(.POST, "/api/v1/applications", json: over)).isEmpty)
        }
    }

    @Test("AH22-8: a snapshot freezes each school, warns the slow ones once, and the bulletin is published to cities",
          arguments: TestDB.all)
    func snapshotsAndBulletin(db: TestDB) async throws {
        try await withApp(db, demo: true) { app, clock in
            let resolver = CodeResolver(app.db)
            let cert = try #require(try await resolver.id(.certificates, "1-004"))
            // Z001 (in the city 4101) has done 5 of 40, Z002 30 of 40; by 1 July about half is due.
            for (code, attended) in [("Z001", 5), ("Z002", 30)] {
                let school = try #require(try await resolver.id(.schools, code))
                _ = try await PlanService.applyChange(school: school, certificate: cert, level: .junior, year: 2026, kind: .new, count: 40,
                                                      application: nil, reviewer: "t", countsInIndicators: true, now: fixedNow, on: app.db)
                _ = try await ExamService.record(ExamSession(school: code, certificate: "1-004", level: .junior, year: 2026,
                                                             date: LocalDate(year: 2026, month: 6, day: 1), registered: attended,
                                                             attended: attended, passed: attended),
                                                 actor: IndicatorAPITests.admin, now: fixedNow, on: app.db)
            }
            at(clock, "2026-07-01T09:00:00+08:00")
            let admin = Client(app)
            try await admin.login("admin", adminPassword)
            let first = try await admin.send(.POST, "/api/v1/admin/jobs/monitoringSnapshot/run")
            #expect(first.status == .ok)
            #expect(first.json["warned"] as? [String] == ["Z001"])
            let second = try await admin.send(.POST, "/api/v1/admin/jobs/monitoringSnapshot/run")
            #expect(second.json["warned"] as? [String] == ["Z001"])
            let sql = app.db as! any SQLDatabase
            #expect(try await sql.raw("SELECT COUNT(*) AS n FROM indicator_snapshots").first()!.decode(column: "n", as: Int.self) == 2)
            let school = Client(app)
            try await school.login("secondary")
            let notices = try await school.send(.GET, "/api/v1/notices")
            #expect((notices.json["items"] as? [[String: Any]] ?? []).filter { $0["title"] as? String == "考核进度预警" }.count == 1)
            // The bulletin is the province's until published.
            let city = Client(app)
            try await city.webLogin("zhengzhou")
            #expect(try await city.send(.GET, "/monitoring/bulletins/2026-07-01").status == .notFound)
            let badNumber = try await admin.send(.POST, "/api/v1/monitoring/bulletins/2026-07-01",
                                                 json: #"{"documentNumber":"\#(String(repeating: "号", count: 41))"}"#)
            #expect(badNumber.status == .unprocessableEntity)
            #expect(try await admin.send(.POST, "/api/v1/monitoring/bulletins/2026-07-01",
                                         json: #"{"documentNumber":"豫教职成〔2026〕12号"}"#).status == .ok)
            let bulletin = try await city.send(.GET, "/monitoring/bulletins/2026-07-01")
            #expect(bulletin.status == .ok && bulletin.body.contains("25.1%"))
            // A document gives its date the Chinese way.
            #expect(bulletin.body.contains("根据2026年7月1日监测快照"))
            // AH22-8 / issue 13: the issuing unit, the document number and the stamp area are printed.
            #expect(bulletin.body.contains("<p class=\"issuer\">河南省教育厅</p>"))
            #expect(bulletin.body.contains("<p class=\"doc-number\">豫教职成〔2026〕12号</p>"))
            #expect(bulletin.body.contains("（盖章）") && bulletin.body.contains("<p>2026年7月1日</p>"))
            // The scheduler takes snapshots on the 1st of every second month only.
            at(clock, "2026-09-01T08:00:00+08:00")
            await JobScheduler.tick(app)
            at(clock, "2026-10-01T08:00:00+08:00")
            await JobScheduler.tick(app)
            #expect(try await MonitoringService.snapshotDays(on: app.db) == ["2026-09-01", "2026-07-01"])
        }
    }

    @Test("HN-9: dashboards render for province, city and school with SVG charts, tables and an Excel export; AH41-10 coverage",
          arguments: TestDB.all)
    func dashboards(db: TestDB) async throws {
        try await withApp(db, demo: true) { app, clock in
            let resolver = CodeResolver(app.db)
            let cert = try #require(try await resolver.id(.certificates, "1-004"))
            let school = try #require(try await resolver.id(.schools, "Z001"))
            _ = try await PlanService.applyChange(school: school, certificate: cert, level: .junior, year: 2026, kind: .new, count: 40,
                                                  application: nil, reviewer: "t", countsInIndicators: true, now: fixedNow, on: app.db)
            var csv = ExamTests.header
            for n in 1...10 { csv += ExamTests.row(n, school: "Z001", date: "2026-03-01") }
            _ = try await CandidateImport.run(ExamService.rows(of: Data(csv.utf8)), organization: nil, actor: "t", now: fixedNow,
                                              hasher: app.onex.idHasher, on: app.db)
            let province = Client(app), city = Client(app), own = Client(app)
            try await province.webLogin("province")
            try await city.webLogin("zhengzhou")
            try await own.webLogin("secondary")
            let p = try await province.send(.GET, "/dashboard?year=2026")
            #expect(p.status == .ok && p.body.contains("<svg") && p.body.contains("各地市完成率") && p.body.contains("25.0%"))
            let c = try await city.send(.GET, "/dashboard?year=2026")
            #expect(c.status == .ok && c.body.contains("各院校完成率"))
            // HN-9: the schools furthest behind, each with its city by name.
            let day = LocalDate(year: 2026, month: 12, day: 1)
            let schools = try await IndicatorService.rows(.province, year: 2026, asOf: day, by: .school, on: app.db)
            let behind = try await MonitoringService.behind(schools, year: 2026, today: day, threshold: 0.8, limit: 15, on: app.db)
            let cities = Set(try await Region.query(on: app.db).all().map(\.name))
            #expect(!behind.isEmpty && behind.allSatisfy { cities.contains($0.region) })
            let elsewhere = try #require(try await School.query(on: app.db).join(Region.self, on: \School.$region.$id == \Region.$id)
                .filter(Region.self, \.$code != "4101").first())
            #expect(try await city.send(.GET, "/dashboard?school=\(elsewhere.code)").status == .notFound)
            // The school declares 20 pilot students: 10 examined is 50 % coverage.
            let page = try await own.send(.GET, "/dashboard?year=2026")
            #expect(page.status == .ok && page.body.contains("1-004"))
            let saved = try await own.form("/dashboard/pilot-students", [("_csrf", own.csrf(from: page)), ("year", "2026"), ("count", "20")])
            #expect(saved.status == .seeOther)
            let api = Client(app)
            try await api.login("secondary")
            let coverage = try await api.send(.GET, "/api/v1/indicators?year=2026")
            #expect(coverage.json["scope"] as? String == "school:Z001" && coverage.json["studentCoverage"] as? Double == 0.5)
            let xlsx = try await province.send(.GET, "/dashboard/export.xlsx?year=2026")
            #expect(xlsx.status == .ok && xlsx.headers.contentType?.subType.contains("spreadsheet") == true)
            // The plans behind a figure.
            let plans = try await province.send(.GET, "/plans?year=2026&region=4101")
            #expect(plans.status == .ok && plans.body.contains("Z001"))
        }
    }

    @Test("HN-9: a drill-down names its unit and shows the filter it applied, each with a link that removes it",
          arguments: TestDB.all)
    func drillDownFilters(db: TestDB) async throws {
        try await withApp(db, demo: true) { app, _ in
            let province = Client(app)
            try await province.webLogin("province")
            let region = try await province.send(.GET, "/dashboard?region=4101&year=2026")
            #expect(region.body.contains("<h1>监测看板 · 郑州市（4101） · 2026</h1>"))
            #expect(region.body.contains("<ul class=\"chips\""), "the drill-down is shown as a filter")
            #expect(region.body.contains("href=\"/dashboard?year=2026&amp;asOf=") || region.body.contains("href=\"/dashboard?year=2026&asOf="))
            let own = try await province.send(.GET, "/dashboard?year=2026")
            #expect(own.body.contains("<h1>监测看板 · 全省 · 2026</h1>") && !own.body.contains("<ul class=\"chips\""))
            // The plans behind a school-kind bar: the kind is shown by name and can be removed.
            let byKind = try await province.send(.GET, "/plans?year=2026&kind=secondary")
            #expect(byKind.body.contains("院校类型：<strong>中职学校</strong>"))
            #expect(byKind.body.contains("href=\"/plans?year=2026\""), "removing the kind keeps the year")
            let byOrganization = try await province.send(.GET, "/plans?organization=ORG-ZWL")
            #expect(byOrganization.body.contains("培训评价组织：<strong>"))
            #expect(!byOrganization.body.contains("<strong>ORG-ZWL</strong>"), "the organisation by name")
            #expect(try await province.send(.GET, "/plans?kind=bogus").status == .badRequest)
        }
    }
}
