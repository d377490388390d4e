import Fluent
import Foundation
import OneXDomain
import Testing
import VaporTesting

@testable import OneXServer

/// The rectification ledger (AH38-3..7) through the API, on both databases.
@Suite("Rectification ledger (AH38-3, AH38-4, AH38-6)")
struct RectificationTests {
    static func item(_ unit: String, kind: String = "school", deadline: String = "2026-04-30") -> String {
        #"{"category":"other","problem":"教师培训经费未落实","task":"年底前落实经费","responsibleKind":"\#(kind)","responsibleUnit":"\#(unit)","person":"陈静","phone":"0371-65908888","deadline":"\#(deadline)"}"#
    }

    static func evidence(_ c: Client, _ path: String, text: String = "已落实，附凭证") async throws -> Reply {
        try await c.multipart(
            path + "/closure-requests", fields: [("text", text)],
            file: ("file", "凭证.pdf", "application/pdf", "%PDF-1.4 voucher"))
    }

    @Test(
        "AH38-4: a secondary school's item goes school → city → province office; each step refused out of turn; history kept; reopened",
        arguments: TestDB.all)
    func secondaryRoute(db: TestDB) async throws {
        try await withApp(db, demo: true) { app, _ in
            let admin = Client(app)
            let school = Client(app)
            let city = Client(app)
            let reviewer = Client(app)
            try await admin.login("admin", adminPassword)
            try await school.login("secondary")
            try await city.login("zhengzhou")
            try await reviewer.login("reviewer")
            // The four lists are required; the deadline is not in the past.
            let bad = try await admin.send(
                .POST, "/api/v1/rectification-items",
                json:
                    #"{"category":"other","problem":" ","responsibleKind":"school","responsibleUnit":"Z999","deadline":"2026-03-01"}"#
            )
            #expect(bad.status == .unprocessableEntity)
            #expect(Set(bad.errorCodes) == ["required", "unknown_reference", "invalid"], "\(bad.body)")
            let created = try await admin.send(.POST, "/api/v1/rectification-items", json: Self.item("Z001"))
            #expect(created.status == .created, "\(created.body)")
            let id = try #require(created.json["id"] as? String)
            #expect(created.json["number"] as? String == "ZG-2026-0001")
            #expect(
                created.json["cityConfirms"] as? Bool == true
                    && created.json["closedBy"] as? String == "office")
            let path = "/api/v1/rectification-items/\(id)"

            // Progress and the leader's review by the responsible school only.
            #expect(
                try await school.send(.POST, path + "/progress", json: #"{"text":"已召开专题会"}"#).status
                    == .created)
            #expect(
                try await school.send(
                    .POST, path + "/progress", json: #"{"kind":"leaderReview","text":"调度"}"#
                )
                .errorCodes == ["required"], "a leader's review names the leader")
            #expect(
                try await school.send(
                    .POST, path + "/progress", json: #"{"kind":"leaderReview","text":"调度经费","leader":"王校长"}"#
                ).json["lastLeaderReviewOn"] as? String == "2026-03-15")
            #expect(
                try await city.send(.POST, path + "/progress", json: #"{"text":"代报"}"#).errorCodes
                    == ["not_responsible"])

            // Out of turn: nothing to confirm or close yet; no evidence, no application.
            #expect(try await city.send(.POST, path + "/confirm").errorCodes == ["invalid_state"])
            #expect(try await admin.send(.POST, path + "/close").errorCodes == ["invalid_state"])
            let bare = try await school.send(.POST, path + "/closure-requests", json: #"{"text":"完成"}"#)
            #expect(bare.errorCodes == ["evidence_missing"])
            #expect(try await Self.evidence(school, path).json["status"] as? String == "applied")
            #expect(try await Self.evidence(school, path).errorCodes == ["invalid_state"])
            #expect(
                try await admin.send(.POST, path + "/close").errorCodes == ["invalid_state"],
                "the city confirms first")
            try await city.webLogin("zhengzhou", DemoProvince.password)
            #expect(try await city.send(.GET, "/").body.contains("1个整改事项的销号申请等待您办理"))
            try await city.login("zhengzhou")
            #expect(try await city.send(.POST, path + "/confirm").json["status"] as? String == "confirmed")
            #expect(try await reviewer.send(.POST, path + "/close").errorCodes == ["not_yours"], "not 高教处's")
            #expect(try await admin.send(.POST, path + "/close").json["status"] as? String == "closed")

            // Closed items stay visible with their whole history; reopening needs a reason.
            let closed = try await school.send(.GET, path)
            let item = try #require(closed.json["item"] as? [String: Any])
            let kinds = (item["entries"] as? [[String: Any]])?.compactMap { $0["kind"] as? String }
            #expect(kinds == ["progress", "leaderReview", "apply", "confirm", "close"])
            #expect(
                try await school.send(.POST, path + "/progress", json: #"{"text":"x"}"#).status == .conflict)
            #expect(
                try await admin.send(.POST, path + "/reopen", json: #"{"text":" "}"#).errorCodes == [
                    "required"
                ])
            #expect(
                try await admin.send(.POST, path + "/reopen", json: #"{"text":"巩固：复查发现问题反弹"}"#).json["status"]
                    as? String == "open")
            let audit = try await AuditEntry.query(on: app.db).filter(\.$entity == "rectification_items")
                .all()
            #expect(
                Set(audit.map(\.action))
                    == ["create", "progress", "leaderReview", "apply", "confirm", "close", "reopen"])
        }
    }

    @Test(
        "AH38-4: a higher-vocational school's item goes to the province office, an undergraduate's to 高教处; returns need a reason",
        arguments: TestDB.all)
    func provinceRoutes(db: TestDB) async throws {
        try await withApp(db, demo: true) { app, _ in
            let admin = Client(app)
            let reviewer = Client(app)
            let city = Client(app)
            let higher = Client(app)
            let undergrad = Client(app)
            try await admin.login("admin", adminPassword)
            try await reviewer.login("reviewer")
            try await city.login("zhengzhou")
            try await higher.login("highervoc")
            try await undergrad.login("undergrad")
            let g = try #require(
                try await admin.send(.POST, "/api/v1/rectification-items", json: Self.item("G001")).json["id"]
                    as? String)
            let b = try #require(
                try await admin.send(.POST, "/api/v1/rectification-items", json: Self.item("B001")).json["id"]
                    as? String)
            let gPath = "/api/v1/rectification-items/\(g)"
            let bPath = "/api/v1/rectification-items/\(b)"
            _ = try await Self.evidence(higher, gPath)
            _ = try await Self.evidence(undergrad, bPath)
            #expect(
                try await city.send(.POST, gPath + "/confirm").errorCodes == ["not_yours"], "no city step")
            #expect(try await admin.send(.POST, gPath + "/return").errorCodes == ["required"])
            #expect(
                try await admin.send(.POST, gPath + "/return", json: #"{"text":"凭证不清晰"}"#).json["status"]
                    as? String == "open")
            _ = try await Self.evidence(higher, gPath, text: "补充清晰凭证")
            #expect(try await admin.send(.POST, gPath + "/close").json["status"] as? String == "closed")
            #expect(try await admin.send(.POST, bPath + "/close").errorCodes == ["not_yours"])
            #expect(try await reviewer.send(.POST, bPath + "/close").json["status"] as? String == "closed")
        }
    }

    @Test(
        "AH38-3, AH38-4: generated items link the live figure; closure is refused while the school still owes",
        arguments: TestDB.all)
    func generatedAndLinked(db: TestDB) async throws {
        try await withApp(db, demo: true) { app, _ in
            try await PaymentTests.twoPlans(app)
            try await PaymentTests.publish(app, amount: 30000, from: "2026-01-01")
            let org = Client(app)
            let g001 = Client(app)
            let admin = Client(app)
            try await org.login("org")
            try await g001.login("highervoc")
            try await admin.login("admin", adminPassword)
            let exam =
                #"{"school":"G001","certificate":"1-004","level":"junior","year":2026,"date":"2026-03-10","registered":10,"attended":10,"passed":8}"#
            #expect(try await org.send(.POST, "/api/v1/exams", json: exam).status == .created)
            #expect(
                try await admin.send(
                    .POST, "/api/v1/rectification-items/generate", json: #"{"deadline":"2026-01-01"}"#
                )
                .errorCodes == ["invalid"])
            let generated = try await admin.send(
                .POST, "/api/v1/rectification-items/generate", json: #"{"deadline":"2026-12-31"}"#)
            #expect(generated.json["created"] as? Int == 2, "\(generated.body)")
            let again = try await admin.send(
                .POST, "/api/v1/rectification-items/generate", json: #"{"deadline":"2026-12-31"}"#)
            #expect(again.json["created"] as? Int == 0 && again.json["existing"] as? Int == 2)
            let items = try #require(
                try await admin.send(.GET, "/api/v1/rectification-items").json["items"] as? [[String: Any]])
            let arrears = try #require(items.first { $0["category"] as? String == "arrears" })
            let standard = try #require(items.first { $0["category"] as? String == "feeStandard" })
            #expect(
                arrears["responsibleUnit"] as? String == "G001"
                    && arrears["linkOrganization"] as? String == "ORG-ZWL")
            #expect((arrears["problem"] as? String)?.contains("3,000.00元") == true, "\(arrears)")
            #expect(
                standard["responsibleKind"] as? String == "organization"
                    && standard["linkCertificate"] as? String == "1-003")
            // The organisation sees the item it is responsible for, not the school's.
            let careOrg = Client(app)
            try await careOrg.login("org-zfzz")
            let orgItems = try #require(
                try await careOrg.send(.GET, "/api/v1/rectification-items").json["items"] as? [[String: Any]])
            #expect(orgItems.map { $0["linkCertificate"] as? String } == ["1-003"])
            // No published standard yet: the organisation's application is refused with the figure.
            let standardPath = "/api/v1/rectification-items/\(try #require(standard["id"] as? String))"
            let noStandard = try await Self.evidence(careOrg, standardPath)
            #expect(
                noStandard.errorCodes == ["figure_unresolved"] && noStandard.body.contains("初级尚无已发布执行的考核费用标准")
            )

            let path = "/api/v1/rectification-items/\(try #require(arrears["id"] as? String))"
            let figure = try await g001.send(.GET, path)
            #expect((figure.json["figure"] as? [String: Any])?["resolved"] as? Bool == false)
            let refused = try await Self.evidence(g001, path)
            #expect(refused.errorCodes == ["figure_unresolved"], "\(refused.body)")
            #expect(refused.body.contains("当前欠费3,000.00元"))
            // Paid and confirmed: the figure shows it solved and the application goes through.
            let paid = try await g001.send(
                .POST, "/api/v1/payments",
                json:
                    #"{"organization":"ORG-ZWL","amount":300000,"paidOn":"2026-03-14","fundingSource":"appropriation"}"#
            )
            let paymentID = try #require(paid.json["id"] as? String)
            #expect(
                try await Self.evidence(g001, path).errorCodes == ["figure_unresolved"], "not yet confirmed")
            _ = try await org.send(.POST, "/api/v1/payments/\(paymentID)/confirm")
            #expect(try await Self.evidence(g001, path).json["status"] as? String == "applied")
        }
    }

    @Test("AH38-4: two closers at once, exactly one wins; another unit's item is 404", arguments: TestDB.all)
    func raceAndScope(db: TestDB) async throws {
        try await withApp(db, demo: true) { app, _ in
            let admin = Client(app)
            let other = Client(app)
            let higher = Client(app)
            try await admin.login("admin", adminPassword)
            try await other.login("secondary")
            try await higher.login("highervoc")
            let id = try #require(
                try await admin.send(.POST, "/api/v1/rectification-items", json: Self.item("G001")).json["id"]
                    as? String)
            let path = "/api/v1/rectification-items/\(id)"
            #expect(try await other.send(.GET, path).status == .notFound)
            #expect(
                try await other.send(.POST, path + "/progress", json: #"{"text":"x"}"#).status == .notFound)
            _ = try await Self.evidence(higher, path)
            let second = Client(app)
            try await second.login("province")
            let statuses = try await withThrowingTaskGroup(of: HTTPStatus.self) { group in
                for c in [admin, second] {
                    group.addTask { try await c.send(.POST, path + "/close").status }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(statuses.sorted { $0.code < $1.code } == [.ok, .conflict])
            let closes = try await AuditEntry.query(on: app.db).filter(\.$action == "close").count()
            #expect(closes == 1)
        }
    }

    @Test(
        "AH38-6: overdue items and items without this month's progress flag their unit for the notice list",
        arguments: TestDB.all)
    func flagsAndNoticeList(db: TestDB) async throws {
        try await withApp(db, demo: true) { app, _ in
            let admin = Client(app)
            try await admin.login("admin", adminPassword)
            let quick = try #require(
                try await admin.send(
                    .POST, "/api/v1/rectification-items", json: Self.item("Z001", deadline: "2026-03-31")
                ).json["id"] as? String)
            _ = try await admin.send(.POST, "/api/v1/rectification-items", json: Self.item("G001"))
            _ = try await admin.send(
                .POST, "/api/v1/rectification-items", json: Self.item("4101", kind: "cityBureau"))
            let school = Client(app)
            try await school.login("highervoc")
            // In April: Z001's is overdue and without April's progress; G001 reported in April.
            app.onex.manualClock?.set(Shanghai.parseInstant("2026-04-01T09:00:00+08:00")!)
            try await school.login("highervoc")
            let gID = try #require(
                (try await school.send(.GET, "/api/v1/rectification-items").json["items"] as? [[String: Any]])?
                    .first?["id"] as? String)
            #expect(
                try await school.send(
                    .POST, "/api/v1/rectification-items/\(gID)/progress", json: #"{"text":"推进中"}"#
                )
                .status == .created)
            try await admin.login("admin", adminPassword)
            let item = try #require(
                try await admin.send(.GET, "/api/v1/rectification-items/\(quick)").json["item"]
                    as? [String: Any])
            #expect(item["flags"] as? [String] == ["overdue", "noMonthlyProgress"])
            let flagged = try #require(
                try await admin.send(.GET, "/api/v1/rectification-items?flagged=1").json["items"]
                    as? [[String: Any]])
            #expect(Set(flagged.compactMap { $0["responsibleUnit"] as? String }) == ["Z001", "4101"])
            // Searched by the unit's name, by the number; `%` is a character like any other.
            func found(_ q: String) async throws -> [String] {
                let encoded = q.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? q
                return
                    (try await admin.send(.GET, "/api/v1/rectification-items?q=\(encoded)").json["items"]
                    as? [[String: Any]] ?? []).compactMap { $0["responsibleUnit"] as? String }
            }
            #expect(try await found("财贸") == ["Z001"])
            #expect(try await found("ZG-2026-0002") == ["G001"])
            #expect(try await found("%").isEmpty)
            let list = try #require(
                try await admin.send(.GET, "/api/v1/rectification-items/notice-list").json["items"]
                    as? [[String: Any]])
            #expect(list.compactMap { $0["unit"] as? String } == ["郑州市财贸学校", "郑州市教育局"], "\(list)")
            #expect(list.first?["overdue"] as? Int == 1)
            // Printed under the province's name, and as Excel.
            try await admin.webLogin("admin", adminPassword)
            let page = try await admin.send(.GET, "/ledger/notice-list")
            #expect(page.status == .ok && page.body.contains("通报约谈名单") && page.body.contains("郑州市财贸学校"))
            #expect(try await admin.send(.GET, "/ledger/notice-list?format=xlsx").status == .ok)
        }
    }

    @Test(
        "AH38-3: items imported from a spreadsheet all or nothing, each problem with its line",
        arguments: TestDB.all)
    func imported(db: TestDB) async throws {
        try await withApp(db, demo: true) { app, _ in
            let admin = Client(app)
            let city = Client(app)
            try await admin.login("admin", adminPassword)
            try await city.login("zhengzhou")
            let header = "类别,问题,整改任务,责任单位类型,责任单位代码,责任人,联系电话,整改时限\n"
            let bad =
                header + "其他,未建台账,建立台账,试点院校,Z001,陈静,0371-1,2026-06-30\n"
                + "欠费,欠费未结清,结清,试点院校,Z999,陈静,0371-1,2026/6/30\n"
                + "其他,未建台账,建立台账,培训评价组织,ORG-ZWL,周强,电话,2026-01-01\n"
            let refused = try await admin.send(
                .POST, "/api/v1/rectification-items/import", body: Data(bad.utf8))
            #expect(
                refused.status == .unprocessableEntity && refused.errorLines == [3, 3, 4, 4],
                "\(refused.body)")
            #expect(
                try await AuditEntry.query(on: app.db).filter(\.$entity == "rectification_items").count() == 0
            )
            let good =
                header + "其他,未建台账,建立台账,试点院校,Z001,陈静,0371-1,2026-06-30\n"
                + "fee arrears,欠费未结清,结清,school,G001,赵磊,0371-2,2026/6/30\n"
            let done = try await admin.send(
                .POST, "/api/v1/rectification-items/import", body: Data(good.utf8))
            #expect(done.json["created"] as? Int == 2, "\(done.body)")
            // A city bureau imports for its own schools only.
            let other = header + "其他,未建台账,建立台账,试点院校,Z005,李,0379-1,2026-06-30\n"
            #expect(
                try await city.send(.POST, "/api/v1/rectification-items/import", body: Data(other.utf8))
                    .errorCodes
                    == ["invalid"])
        }
    }
}
