import Fluent
import Foundation
import OneXDomain
import Testing
import VaporTesting

@testable import OneXServer

/// Payables, payments and arrears (AH38-2, GD-1). G001 has 1-004 junior (ORG-ZWL, lead school
/// G005) and 1-003 junior (ORG-ZFZZ, no standard) plans for 2026.
@Suite("Payables, payments and arrears (AH38-2, GD-1)")
struct PaymentTests {
    /// Publishes a 1-004 junior standard through the whole chain.
    static func publish(_ app: Application, amount: Int, from: String, raise: String? = nil) async throws {
        let org = Client(app)
        let lead = Client(app)
        let reviewer = Client(app)
        let admin = Client(app)
        try await org.login("org")
        try await lead.login("school-g005")
        try await reviewer.login("reviewer")
        try await admin.login("admin", adminPassword)
        let proposed = try await org.send(
            .POST, "/api/v1/fee-standards", json: FeeStandardTests.proposal(amount, from: from, raise: raise))
        let id = try #require(proposed.json["id"] as? String, "\(proposed.body)")
        let path = "/api/v1/fee-standards/\(id)"
        if raise != nil {
            #expect(
                try await org.multipart(
                    path + "/attachments", fields: [("purpose", "raiseRequest")],
                    file: ("file", "上调申请.pdf", "application/pdf", "%PDF-1.4 request")
                ).status == .created)
        }
        _ = try await lead.send(
            .POST, path + "/review",
            json:
                #"{"meetingOn":"2026-03-01","opinions":[{"expert":"E001","opinion":"同意"}],"conclusion":"同意"}"#
        )
        _ = try await reviewer.send(.POST, path + "/decision", json: #"{"decision":"verify"}"#)
        #expect(
            try await admin.send(.POST, path + "/publish", json: "{}").json["status"] as? String
                == "published")
    }

    /// G001's 2026 plans: 1-004 junior (40) and 1-003 junior (20).
    static func twoPlans(_ app: Application) async throws {
        try await ExamTests.approvedPlan(app)
        let school = try #require(try await CodeResolver(app.db).id(.schools, "G001"))
        let care = try #require(try await CodeResolver(app.db).id(.certificates, "1-003"))
        _ = try await PlanService.applyChange(
            school: school, certificate: care, level: .junior, year: 2026, kind: .new, count: 20,
            application: nil, reviewer: "test", countsInIndicators: true, now: fixedNow, on: app.db)
    }

    @Test(
        "AH38-2: payable is attended × the standard in force on the exam day; unpriced exams are listed; arrears = payable − confirmed",
        arguments: TestDB.all)
    func arrears(db: TestDB) async throws {
        try await withApp(db, demo: true) { app, _ in
            try await Self.twoPlans(app)
            try await Self.publish(app, amount: 30000, from: "2026-01-01")
            try await Self.publish(app, amount: 35000, from: "2026-06-01", raise: "考评员劳务上调")
            let org = Client(app)
            let careOrg = Client(app)
            let other = Client(app)
            let g001 = Client(app)
            let z001 = Client(app)
            try await org.login("org")
            try await careOrg.login("org-zfzz")
            try await other.login("org-gxbjk")
            try await g001.login("highervoc")
            try await z001.login("secondary")
            func session(_ certificate: String, _ date: String, attended: Int) -> String {
                #"{"school":"G001","certificate":"\#(certificate)","level":"junior","year":2026,"date":"\#(date)","registered":\#(attended),"attended":\#(attended),"passed":0}"#
            }
            // Both sides of the effective day: 10 × ¥300 on 31 May, 4 × ¥350 on 1 June.
            #expect(
                try await org.send(.POST, "/api/v1/exams", json: session("1-004", "2026-05-31", attended: 10))
                    .status == .created)
            #expect(
                try await org.send(.POST, "/api/v1/exams", json: session("1-004", "2026-06-01", attended: 4))
                    .status == .created)
            #expect(
                try await careOrg.send(
                    .POST, "/api/v1/exams", json: session("1-003", "2026-05-10", attended: 3)
                ).status == .created)

            func pay(_ amount: Int, to organization: String = "ORG-ZWL", source: String = "appropriation")
                async throws -> Reply
            {
                try await g001.send(
                    .POST, "/api/v1/payments",
                    json:
                        #"{"organization":"\#(organization)","amount":\#(amount),"paidOn":"2026-03-14","fundingSource":"\#(source)","voucher":"PZ-1"}"#
                )
            }
            let confirmed = try await pay(200_000)
            #expect(confirmed.status == .created && confirmed.json["warnings"] == nil)
            let disputed = try await pay(100_000, source: "tuition")
            let recorded = try await pay(50_000, source: "perStudent")
            #expect(try await pay(0).errorCodes == ["invalid"])
            let unrelated = try await pay(1_000, to: "ORG-GXBJK", source: "other")
            #expect(
                (unrelated.json["warnings"] as? [String])?.isEmpty == false,
                "no exams with that organisation: a warning")
            let confirmedID = try #require(confirmed.json["id"] as? String)
            // Only the organisation paid answers; another's payment is not found.
            #expect(
                try await other.send(.POST, "/api/v1/payments/\(confirmedID)/confirm").status == .notFound)
            #expect(
                try await g001.send(.POST, "/api/v1/payments/\(confirmedID)/confirm").status == .forbidden)
            #expect(
                try await org.send(.POST, "/api/v1/payments/\(confirmedID)/confirm").json["status"] as? String
                    == "confirmed")
            #expect(try await org.send(.POST, "/api/v1/payments/\(confirmedID)/confirm").status == .conflict)
            let disputedID = try #require(disputed.json["id"] as? String)
            #expect(
                try await org.send(.POST, "/api/v1/payments/\(disputedID)/dispute", json: #"{"reason":""}"#)
                    .errorCodes == ["required"])
            #expect(
                try await org.send(
                    .POST, "/api/v1/payments/\(disputedID)/dispute", json: #"{"reason":"未到账"}"#
                )
                .json["status"] as? String == "disputed")
            // A mistake is reversed, never edited: the ¥500 payment is corrected by −¥500.
            let recordedID = try #require(recorded.json["id"] as? String)
            let correction = try await g001.send(
                .POST, "/api/v1/payments/\(recordedID)/correction", json: #"{"reason":"重复登记"}"#)
            #expect(correction.status == .created && correction.json["amount"] as? Int == -50_000)
            #expect(
                try await g001.send(.POST, "/api/v1/payments/\(recordedID)/correction").status == .conflict)

            let arrears = try await org.send(.GET, "/api/v1/arrears?school=G001")
            let items = try #require(arrears.json["items"] as? [[String: Any]])
            let row = try #require(items.first { $0["organization"] as? String == "ORG-ZWL" })
            #expect(row["payable"] as? Int == 10 * 30000 + 4 * 35000)
            #expect(row["paid"] as? Int == 200_000)
            #expect(row["confirmed"] as? Int == 200_000)
            #expect(row["outstanding"] as? Int == 440_000 - 200_000)
            #expect(row["unpricedAttended"] as? Int == 0)
            // Today (the test clock) is before both exams: nothing is aged past 3 months, nothing overdue.
            #expect((row["ageing"] as? [Int])?.reduce(0, +) == 240_000 && row["overdue"] as? Int == 0)
            // With a settlement deadline of 30 June in the policy, on 1 August all of it is overdue.
            let admin = Client(app)
            try await admin.login("admin", adminPassword)
            var policy = try await admin.send(.GET, "/api/v1/policy").json
            var rules = try #require(policy["rules"] as? [String: Any])
            rules["settlementDeadline"] = "2026-06-30"
            policy["rules"] = rules
            for key in ["version", "author", "createdAt"] { policy[key] = nil }
            #expect(
                try await admin.send(
                    .PUT, "/api/v1/policy", body: try JSONSerialization.data(withJSONObject: policy),
                    contentType: "application/json"
                ).status == .ok)
            app.onex.manualClock?.set(Shanghai.parseInstant("2026-08-01T09:00:00+08:00")!)
            try await org.login("org")
            let later = try #require(
                (try await org.send(.GET, "/api/v1/arrears?school=G001").json["items"] as? [[String: Any]])?
                    .first)
            #expect(later["overdue"] as? Int == 240_000 && later["ageing"] as? [Int] == [240_000, 0, 0, 0])
            app.onex.manualClock?.set(fixedNow)
            try await org.login("org")
            #expect(
                items.allSatisfy { $0["organization"] as? String == "ORG-ZWL" },
                "an organisation sees what it is owed only")
            let province = Client(app)
            try await province.login("reviewer")
            let all = try #require(
                try await province.send(.GET, "/api/v1/arrears?school=G001").json["items"] as? [[String: Any]]
            )
            let unpriced = try #require(all.first { $0["organization"] as? String == "ORG-ZFZZ" })
            #expect(unpriced["payable"] as? Int == 0 && unpriced["unpricedAttended"] as? Int == 3)
            // Another school sees none of G001's money.
            #expect(
                try #require(try await z001.send(.GET, "/api/v1/arrears").json["items"] as? [[String: Any]])
                    .allSatisfy { $0["school"] as? String == "Z001" })
            #expect(
                try await z001.send(.POST, "/api/v1/payments/\(confirmedID)/correction").status == .notFound)
        }
    }

    @Test(
        "AH38-2 / GD-1: a school records a payment in yuan in the browser, the organisation confirms it, the arrears page shows it",
        arguments: TestDB.all)
    func pages(db: TestDB) async throws {
        try await withApp(db, demo: true) { app, _ in
            try await ExamTests.approvedPlan(app)
            try await Self.publish(app, amount: 30000, from: "2026-01-01")
            let org = Client(app)
            let school = Client(app)
            try await org.login("org")
            #expect(
                try await org.send(
                    .POST, "/api/v1/exams",
                    json:
                        #"{"school":"G001","certificate":"1-004","level":"junior","year":2026,"date":"2026-03-10","registered":10,"attended":10,"passed":5}"#
                ).status == .created)
            try await school.webLogin("highervoc")
            let page = try await school.send(.GET, "/fees/payments")
            #expect(page.body.contains("登记付款") && page.body.contains("生均拨款"))
            let fields = [
                ("_csrf", school.csrf(from: page)), ("organization", "ORG-ZWL"), ("paidOn", "2026-03-14"),
                ("fundingSource", "appropriation"), ("voucher", "PZ-2026-031"), ("note", ""),
            ]
            let bad = try await school.form("/fees/payments", fields + [("amount", "1,000.005")])
            #expect(
                bad.status == .unprocessableEntity && bad.body.contains("value=\"PZ-2026-031\""),
                "what was typed is kept")
            #expect(
                try await school.form("/fees/payments", fields + [("amount", "1,000.50")]).status == .seeOther
            )
            let web = Client(app)
            try await web.webLogin("org")
            let list = try await web.send(.GET, "/fees/payments")
            #expect(
                list.body.contains("¥1,000.50") && list.body.contains("财政拨款") && list.body.contains("确认到账"))
            let id =
                try #require(try await org.send(.GET, "/api/v1/payments").json["items"] as? [[String: Any]])
                .first?["id"] as? String
            #expect(
                try await web.form(
                    "/fees/payments/\(try #require(id))/confirm", [("_csrf", web.csrf(from: list))]
                ).status == .seeOther)
            let arrears = try await school.send(.GET, "/fees/arrears")
            #expect(
                arrears.body.contains("¥3,000.00") && arrears.body.contains("¥1,999.50")
                    && arrears.body.contains("33.4%"))
            let xlsx = try await school.send(.GET, "/fees/arrears/export.xlsx")
            #expect(xlsx.status == .ok && xlsx.headers.contentType?.subType.contains("spreadsheet") == true)
        }
    }

    @Test(
        "AH38-1: coverage counts piloted certificates with a standard in force for every planned level; the rest are listed",
        arguments: TestDB.all)
    func coverage(db: TestDB) async throws {
        try await withApp(db, demo: true) { app, _ in
            try await Self.twoPlans(app)
            let reviewer = Client(app)
            let school1 = Client(app)
            try await reviewer.login("reviewer")
            try await school1.login("highervoc")
            #expect(try await school1.send(.GET, "/api/v1/fee-coverage").status == .forbidden)
            let before = try await reviewer.send(.GET, "/api/v1/fee-coverage")
            #expect(before.json["piloted"] as? Int == 2 && before.json["covered"] as? Int == 0)
            // Published but effective only from September: not yet in force, not yet covered.
            try await Self.publish(app, amount: 30000, from: "2026-09-01")
            #expect(try await reviewer.send(.GET, "/api/v1/fee-coverage").json["covered"] as? Int == 0)
            app.onex.manualClock?.set(Shanghai.parseInstant("2026-09-01T00:00:00+08:00")!)
            try await reviewer.login("reviewer")
            let after = try await reviewer.send(.GET, "/api/v1/fee-coverage")
            #expect(after.json["covered"] as? Int == 1 && after.json["rate"] as? Double == 0.5)
            let missing = try #require((after.json["missing"] as? [[String: Any]])?.first)
            #expect(
                missing["certificate"] as? String == "1-003" && (missing["daysWithout"] as? Int ?? 0) > 100)
            // The levels still without a standard and the first approval are those of its plans.
            let certificate = try #require(
                try await Certificate.query(on: app.db).filter(\.$code == "1-003").first())
            let plans = try await PlanRow.query(on: app.db).filter(\.$certificate.$id == certificate.id!)
                .all()
            #expect(
                missing["levels"] as? [String]
                    == Set(plans.map(\.level)).sorted { Level(rawValue: $0)! < Level(rawValue: $1)! })
            #expect(
                missing["pilotedSince"] as? String
                    == plans.map { LocalDate($0.firstApprovedAt).description }.min())
            let web = Client(app)
            try await web.webLogin("reviewer")
            let page = try await web.send(.GET, "/fees/coverage")
            #expect(page.body.contains("50.0%") && page.body.contains("老年照护"))
        }
    }

    @Test(
        "GD-1: a school's budget is planned candidates × the standard in force, beside what it paid by funding source",
        arguments: TestDB.all)
    func budget(db: TestDB) async throws {
        try await withApp(db, demo: true) { app, _ in
            try await Self.twoPlans(app)
            try await Self.publish(app, amount: 30000, from: "2026-01-01")
            let school = Client(app)
            let org = Client(app)
            let city = Client(app)
            try await school.login("highervoc")
            try await org.login("org")
            try await city.login("zhengzhou")
            _ = try await school.send(
                .POST, "/api/v1/payments",
                json:
                    #"{"organization":"ORG-ZWL","amount":120000,"paidOn":"2026-03-01","fundingSource":"tuition"}"#
            )
            let b = try await school.send(.GET, "/api/v1/fee-budget?year=2026")
            // 1-004 junior: 40 × ¥300; 1-003 junior: 20 planned without a standard.
            #expect(b.json["total"] as? Int == 40 * 30000 && b.json["unpricedCandidates"] as? Int == 20)
            #expect((b.json["paid"] as? [String: Int])?["tuition"] == 120000)
            #expect(try await org.send(.GET, "/api/v1/fee-budget?school=G001").status == .forbidden)
            // G001 is in 郑州: its bureau reads the budget, 洛阳's does not find it.
            #expect(try await city.send(.GET, "/api/v1/fee-budget?school=G001").status == .ok)
            let luoyang = Client(app)
            try await luoyang.login("luoyang")
            #expect(try await luoyang.send(.GET, "/api/v1/fee-budget?school=G001").status == .notFound)
            let web = Client(app)
            try await web.webLogin("highervoc")
            let page = try await web.send(.GET, "/fees/budget?year=2026")
            #expect(
                page.body.contains("¥12,000.00") && page.body.contains("尚无标准")
                    && page.body.contains("¥1,200.00"))
        }
    }
}
