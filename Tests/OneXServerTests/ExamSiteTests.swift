import Fluent
import Foundation
import OneXDomain
import SQLKit
import Testing
import VaporTesting

@testable import OneXServer

/// Exam sites (AH41-3) through the API and the pages, on both databases.
@Suite("Exam sites and their coverage (AH41-3)")
struct ExamSiteTests {
    static let site =
        #"{"certificate":"1-004","place":"实训楼三层机房","address":"郑州市金水区文化路1号","capacity":40,"equipment":"计算机40台","contact":"李老师","phone":"0371-65908888"}"#

    static func plan(_ app: Application, _ school: String, _ certificate: String, year: Int = 2026)
        async throws
    {
        let resolver = CodeResolver(app.db)
        _ = try await PlanService.applyChange(
            school: try #require(try await resolver.id(.schools, school)),
            certificate: try #require(try await resolver.id(.certificates, certificate)), level: .junior,
            year: year,
            kind: .new, count: 40, application: nil, reviewer: "test", countsInIndicators: true,
            now: fixedNow,
            on: app.db)
    }

    @Test(
        "AH41-3: a school applies, the lead school returns then agrees, the organisation approves; each step only by its desk; scoped",
        arguments: TestDB.all)
    func siteRoute(db: TestDB) async throws {
        try await withApp(db, demo: true) { app, _ in
            try await Self.plan(app, "G001", "1-004")
            let school = Client(app)
            let lead = Client(app)
            let org = Client(app)
            let admin = Client(app)
            try await school.login("highervoc")
            try await lead.login("school-g005")
            try await org.login("org")
            try await admin.login("admin", adminPassword)

            // Every problem at once; only a certificate the school pilots.
            let bad = try await school.send(
                .POST, "/api/v1/exam-sites",
                json: #"{"certificate":"1-003","place":" ","capacity":0,"phone":"电话"}"#)
            #expect(bad.status == .unprocessableEntity)
            #expect(Set(bad.errorCodes) == ["required", "invalid", "not_piloted"], "\(bad.body)")
            #expect(try await org.send(.POST, "/api/v1/exam-sites", json: Self.site).status == .forbidden)
            let created = try await school.send(.POST, "/api/v1/exam-sites", json: Self.site)
            #expect(created.status == .created, "\(created.body)")
            #expect(created.json["number"] as? String == "KD-2026-0001")
            #expect(
                created.json["waitingFor"] as? String == "leadSchool"
                    && created.json["leadSchool"] as? String == "G005")
            let path = "/api/v1/exam-sites/\(try #require(created.json["id"] as? String))"
            // AH41-12: only approved sites are public.
            let anonymous = Client(app)
            #expect(!(try await anonymous.send(.GET, "/public/sites.csv").body.contains("实训楼三层机房")))

            // Out of turn, and not another unit's.
            #expect(try await org.send(.POST, path + "/approve").errorCodes == ["not_allowed"])
            #expect(try await school.send(.POST, path + "/agree").errorCodes == ["not_allowed"])
            for other in ["secondary", "org-zfzz", "luoyang"] {
                let c = Client(app)
                try await c.login(other)
                #expect(try await c.send(.GET, path).status == .notFound, "\(other)")
            }
            let city = Client(app)
            try await city.login("zhengzhou")
            #expect(try await city.send(.GET, path).status == .ok)
            let waiting = try await lead.send(.GET, "/api/v1/exam-sites?waiting=1")
            #expect(waiting.json["total"] as? Int == 1)

            // A return needs a reason; the school changes the site and applies again.
            #expect(try await lead.send(.POST, path + "/return").errorCodes == ["required"])
            #expect(
                try await lead.send(.POST, path + "/return", json: #"{"reason":"设备不足，请补充"}"#).json["status"]
                    as? String == "returned")
            #expect(try await lead.send(.GET, "/api/v1/exam-sites?waiting=1").json["total"] as? Int == 0)
            #expect(
                try await school.send(.POST, path + "/resubmit", json: #"{"capacity":0}"#).errorCodes == [
                    "invalid"
                ])
            let again = try await school.send(
                .POST, path + "/resubmit", json: #"{"capacity":60,"equipment":"计算机60台，监控设备"}"#)
            #expect(again.json["status"] as? String == "applied" && again.json["capacity"] as? Int == 60)
            #expect(again.json["place"] as? String == "实训楼三层机房", "unchanged fields stay")

            #expect(try await lead.send(.POST, path + "/agree").json["status"] as? String == "allianceAgreed")
            #expect(try await lead.send(.POST, path + "/approve").errorCodes == ["not_allowed"])
            let approved = try await org.send(.POST, path + "/approve")
            #expect(
                approved.json["status"] as? String == "approved"
                    && approved.json["approvedOn"] as? String == "2026-03-15")
            // Two deciding at once: the second finds it decided.
            #expect(try await org.send(.POST, path + "/approve").errorCodes == ["not_allowed"])

            #expect(try await admin.send(.POST, path + "/suspend").errorCodes == ["required"])
            #expect(
                try await admin.send(.POST, path + "/suspend", json: #"{"reason":"考场保密条件不达标"}"#).json[
                    "status"]
                    as? String == "suspended")
            #expect(!(try await anonymous.send(.GET, "/public/sites").body.contains("实训楼三层机房")), "suspended")
            #expect(try await org.send(.POST, path + "/resume").json["status"] as? String == "approved")
            let page = try await anonymous.send(.GET, "/public/sites?region=4101")
            #expect(
                page.status == .ok && page.body.contains("实训楼三层机房") && !page.body.contains("0371-65908888"))
            let feed = try await anonymous.send(.GET, "/public/sites.atom")
            #expect(feed.body.contains("<entry>") && feed.body.contains("KD-2026-0001"))
            let audit = try await AuditEntry.query(on: app.db).filter(\.$entity == "exam_sites").all()
            #expect(
                audit.map(\.action).sorted() == [
                    "agree", "apply", "approve", "resubmit", "resume", "return", "suspend",
                ])
            let notices = try await NoticeRow.query(on: app.db).all().map(\.title).filter {
                $0.contains("考核站点")
            }
            #expect(notices.contains("考核站点已批准设立：KD-2026-0001"), "\(notices)")
        }
    }

    @Test(
        "AH41-3: a refused application keeps what the school typed; the page offers only the reader's steps",
        arguments: [TestDB.sqlite])
    func pages(db: TestDB) async throws {
        try await withApp(db, demo: true) { app, _ in
            try await Self.plan(app, "G001", "1-004")
            let school = Client(app)
            try await school.webLogin("highervoc")
            let token = school.csrf(from: try await school.send(.GET, "/sites/new"))
            let refused = try await school.form(
                "/sites/new",
                [("_csrf", token), ("certificate", "1-004"), ("place", "实训楼三层机房"), ("capacity", "很多")])
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.body.contains("实训楼三层机房") && refused.body.contains("容纳考生人数应为"))
            let ok = try await school.form(
                "/sites/new",
                [
                    ("_csrf", token), ("certificate", "1-004"), ("place", "实训楼三层机房"), ("address", "文化路1号"),
                    ("capacity", "40"),
                    ("equipment", "计算机40台"), ("contact", "李老师"), ("phone", "0371-65908888"),
                ])
            #expect(ok.status == .seeOther, "\(ok.body)")
            let page = try await school.send(.GET, try #require(ok.headers.first(name: .location)))
            #expect(page.body.contains("待联盟审核") && !page.body.contains("批准设立"))
            let lead = Client(app)
            try await lead.webLogin("school-g005")
            let leadPage = try await lead.send(.GET, try #require(ok.headers.first(name: .location)))
            #expect(leadPage.body.contains("联盟审核同意") && leadPage.body.contains("退回"))
        }
    }

    @Test(
        "AH41-3: an exam session names an approved site of its certificate; any other site is refused with the reason",
        arguments: TestDB.all)
    func sessionSite(db: TestDB) async throws {
        try await withApp(db, demo: true) { app, _ in
            try await Self.plan(app, "G001", "1-004")
            let school = Client(app)
            let lead = Client(app)
            let org = Client(app)
            try await school.login("highervoc")
            try await lead.login("school-g005")
            try await org.login("org")
            let created = try await school.send(.POST, "/api/v1/exam-sites", json: Self.site)
            let id = try #require(created.json["id"] as? String)
            func exam(_ site: String) -> String {
                #"{"school":"G001","certificate":"1-004","level":"junior","year":2026,"date":"2026-03-10","siteNumber":"\#(site)","registered":30,"attended":28,"passed":20}"#
            }
            // Not yet approved, unknown, or of another certificate: refused, nothing written.
            for number in ["KD-2026-0001", "KD-2026-0099"] {
                let refused = try await org.send(.POST, "/api/v1/exams", json: exam(number))
                #expect(refused.status == .unprocessableEntity && refused.errorCodes == ["site_not_approved"])
                #expect(refused.body.contains("不是证书1-004已批准的考核站点"), "\(refused.body)")
            }
            #expect(try await ExamRow.query(on: app.db).count() == 0)
            _ = try await lead.send(.POST, "/api/v1/exam-sites/\(id)/agree")
            #expect(
                try await org.send(.POST, "/api/v1/exam-sites/\(id)/approve").json["status"] as? String
                    == "approved")
            // An approved site of another certificate does not host this one.
            try await Self.plan(app, "G001", "1-002")
            let admin = Client(app)
            try await admin.login("admin", adminPassword)
            let other = try await admin.send(
                .POST, "/api/v1/exams",
                json: exam("KD-2026-0001").replacingOccurrences(of: "1-004", with: "1-002"))
            #expect(other.errorCodes == ["site_not_approved"], "\(other.body)")
            let recorded = try await org.send(.POST, "/api/v1/exams", json: exam("KD-2026-0001"))
            #expect(recorded.status == .created, "\(recorded.body)")
            let listed = try await org.send(.GET, "/api/v1/exams?school=G001")
            let item = try #require((listed.json["items"] as? [[String: Any]])?.first)
            #expect(item["siteNumber"] as? String == "KD-2026-0001")
            let browser = Client(app)
            try await browser.webLogin("org")
            let page = try await browser.send(.GET, "/sites/\(id)")
            #expect(page.body.contains("已录入1场考核，参考28人"), "the site shows the exams held there")
            // The exam form offers the approved site by its number.
            #expect(try await browser.send(.GET, "/exams").body.contains("<option value=\"KD-2026-0001\">"))
        }
    }

    @Test(
        "AH41-3: the coverage matrix equals an independent count over random plans and sites; only approved sites cover",
        arguments: TestDB.all)
    func coverage(db: TestDB) async throws {
        try await withApp(db, demo: true) { app, _ in
            var rng = SplitMix64(state: 413)
            let schools = try await School.query(on: app.db).with(\.$region).all()
            let certificates = try await Certificate.query(on: app.db).all()
            var planned: Set<String> = []
            for _ in 0..<40 {
                let s = schools.randomElement(using: &rng)!
                let c = certificates.randomElement(using: &rng)!
                if planned.insert("\(s.code)|\(c.code)").inserted { try await Self.plan(app, s.code, c.code) }
            }
            // A plan of another year does not count.
            try await Self.plan(app, schools[0].code, certificates[0].code, year: 2025)
            var siteRows: [(school: School, certificate: Certificate, status: ExamSiteStatus)] = []
            for (n, key) in planned.shuffled(using: &rng).prefix(25).enumerated() {
                let parts = key.split(separator: "|").map(String.init)
                let s = schools.first { $0.code == parts[0] }!
                let c = certificates.first { $0.code == parts[1] }!
                let status = ExamSiteStatus.allCases.randomElement(using: &rng)!
                let row = ExamSiteRow()
                row.$school.id = try s.requireID()
                row.$certificate.id = try c.requireID()
                row.number = "KD-2026-\(n)"
                row.place = "p"
                row.address = "a"
                row.capacity = 10
                row.equipment = "e"
                row.contact = "c"
                row.phone = "1"
                row.status = status.rawValue
                row.createdAt = fixedNow
                row.updatedAt = fixedNow
                try await row.create(on: app.db)
                siteRows.append((s, c, status))
            }
            // Independently: cities × certificates with pilots of 2026, and approved sites there.
            var expected: [String: (schools: Set<String>, sites: Int)] = [:]
            for key in planned {
                let parts = key.split(separator: "|").map(String.init)
                let region = schools.first { $0.code == parts[0] }!.region.code
                expected["\(parts[1])|\(region)", default: ([], 0)].schools.insert(parts[0])
            }
            for s in siteRows where s.status == .approved {
                let key = "\(s.certificate.code)|\(s.school.region.code)"
                if expected[key] != nil { expected[key]!.sites += 1 }
            }
            let admin = Client(app)
            try await admin.login("admin", adminPassword)
            let report = try await admin.send(.GET, "/api/v1/exam-sites/coverage?year=2026")
            let cells = try #require(report.json["cells"] as? [[String: Any]])
            var got: [String: (schools: Int, sites: Int, covered: Bool)] = [:]
            for c in cells {
                got["\(c["certificate"] as! String)|\(c["region"] as! String)"] = (
                    c["schools"] as! Int, c["sites"] as! Int, c["covered"] as! Bool
                )
            }
            #expect(Set(got.keys) == Set(expected.keys))
            for (key, e) in expected {
                #expect(got[key]?.schools == e.schools.count && got[key]?.sites == e.sites, "\(key)")
                #expect(got[key]?.covered == (e.sites > 0))
            }
            let cities = try #require(report.json["cities"] as? [[String: Any]])
            #expect(
                cities.map { $0["gaps"] as! Int }.reduce(0, +)
                    == expected.values.filter { $0.sites == 0 }.count)
            #expect(
                expected.values.contains { $0.sites == 0 } && expected.values.contains { $0.sites > 0 },
                "both kinds occur")

            // A city sees its own cities only; the drill-down lists the pilot schools.
            let city = Client(app)
            try await city.login("zhengzhou")
            let own = try #require(
                try await city.send(.GET, "/api/v1/exam-sites/coverage?year=2026").json["cells"]
                    as? [[String: Any]])
            #expect(own.allSatisfy { $0["region"] as? String == "4101" })
            let key = try #require(expected.keys.sorted().first)
            let parts = key.split(separator: "|").map(String.init)
            let drill = try await admin.send(
                .GET,
                "/api/v1/exam-sites/coverage/schools?year=2026&certificate=\(parts[0])&region=\(parts[1])")
            #expect(drill.json["total"] as? Int == expected[key]?.schools.count)
            try await admin.webLogin("admin", adminPassword)
            let page = try await admin.send(
                .GET, "/sites/coverage?year=2026&certificate=\(parts[0])&region=\(parts[1])")
            #expect(page.status == .ok && page.body.contains("id=\"drill\""))
        }
    }
}
