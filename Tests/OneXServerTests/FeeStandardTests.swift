import Foundation
import OneXDomain
import Testing
import VaporTesting

@testable import OneXServer

/// The fee-standard chain through the API (MOE12-1, MOE12-2): 1-004 belongs to ORG-ZWL (`org`),
/// its alliance is led by G005; its junior cost cap in the demo is ¥411.00.
@Suite("Fee standards through the API (MOE12-1, MOE12-2)")
struct FeeStandardTests {
    static func proposal(_ amount: Int, from: String, raise: String? = nil) -> String {
        #"{"certificate":"1-004","level":"junior","amount":\#(amount),"effectiveFrom":"\#(from)","breakdown":"场地、考评员、耗材"\#(raise.map { #","raiseRequest":"\#($0)""# } ?? "")}"#
    }

    @Test(
        "MOE12-1: propose under the cap → lead school's expert review → verify (lowered) → publish → public",
        arguments: TestDB.all)
    func chain(db: TestDB) async throws {
        try await withApp(db, demo: true) { app, _ in
            let org = Client(app)
            let other = Client(app)
            let lead = Client(app)
            let school = Client(app)
            let reviewer = Client(app)
            let admin = Client(app)
            let anyone = Client(app)
            try await org.login("org")
            try await other.login("org-gxbjk")
            try await lead.login("school-g005")
            try await school.login("secondary")
            try await reviewer.login("reviewer")
            try await admin.login("admin", adminPassword)

            let above = try await org.send(
                .POST, "/api/v1/fee-standards", json: Self.proposal(41101, from: "2026-09-01"))
            #expect(above.errorCodes == ["above_cost_cap"] && above.body.contains("¥411.00"))
            #expect(
                try await other.send(
                    .POST, "/api/v1/fee-standards", json: Self.proposal(30000, from: "2026-09-01")
                ).status == .notFound)
            #expect(
                try await school.send(
                    .POST, "/api/v1/fee-standards", json: Self.proposal(30000, from: "2026-09-01")
                ).status == .forbidden)
            let proposed = try await org.send(
                .POST, "/api/v1/fee-standards", json: Self.proposal(40000, from: "2026-09-01"))
            #expect(proposed.status == .created && proposed.json["status"] as? String == "proposed")
            let id = try #require(proposed.json["id"] as? String)
            let path = "/api/v1/fee-standards/\(id)"

            // Unpublished: the organisation, the lead school and the province see it; nobody else.
            #expect(try await anyone.send(.GET, path).status == .notFound)
            #expect(try await school.send(.GET, path).status == .notFound)
            #expect(try await other.send(.GET, path).status == .notFound)
            #expect(try await lead.send(.GET, path).status == .ok)
            #expect(
                (try await anyone.send(.GET, "/api/v1/fee-standards").json["items"] as? [Any])?.isEmpty
                    == true)

            // Only the lead school reviews, with experts of the pool; the province waits for it.
            #expect(
                try await reviewer.send(.POST, path + "/decision", json: #"{"decision":"verify"}"#).status
                    == .conflict)
            let review =
                #"{"meetingOn":"2026-03-10","opinions":[{"expert":"E001","opinion":"构成合理"},{"expert":"E002","opinion":"同意"}],"conclusion":"建议按380元核定"}"#
            #expect(try await school.send(.POST, path + "/review", json: review).status == .notFound)
            let unknownExpert = review.replacingOccurrences(of: "E002", with: "E999")
            #expect(
                try await lead.send(.POST, path + "/review", json: unknownExpert).errorCodes == [
                    "unknown_reference"
                ])
            let reviewed = try await lead.send(.POST, path + "/review", json: review)
            #expect(reviewed.json["status"] as? String == "reviewed")

            // Verify: never above the proposal; lowered to 380 yuan.
            #expect(
                try await reviewer.send(
                    .POST, path + "/decision", json: #"{"decision":"verify","amount":40001}"#
                ).status
                    == .unprocessableEntity)
            #expect(
                try await org.send(.POST, path + "/decision", json: #"{"decision":"verify"}"#).status
                    == .forbidden)
            let verified = try await reviewer.send(
                .POST, path + "/decision", json: #"{"decision":"verify","amount":38000,"comment":"按专家意见核定"}"#)
            #expect(verified.json["status"] as? String == "verified" && verified.json["fee"] as? Int == 38000)
            #expect(try await reviewer.send(.POST, path + "/publish", json: "{}").status == .forbidden)
            let published = try await admin.send(
                .POST, path + "/publish",
                json: #"{"documentNumber":"豫教财〔2026〕3号","publishedOn":"2026-03-20"}"#)
            #expect(published.json["status"] as? String == "published")

            // Public now, without an account.
            let list = try await anyone.send(.GET, "/api/v1/fee-standards?certificate=1-004")
            let item = try #require((list.json["items"] as? [[String: Any]])?.first)
            #expect(item["fee"] as? Int == 38000 && item["documentNumber"] as? String == "豫教财〔2026〕3号")
            let audit = try await admin.send(.GET, "/api/v1/audit")
            for action in ["propose", "review", "verify", "publish"] {
                #expect(audit.body.contains("\"\(action)\""), "audited: \(action)")
            }

            // MOE12-2: a revision from a later day; a raise needs the organisation's request.
            #expect(
                try await org.send(
                    .POST, "/api/v1/fee-standards", json: Self.proposal(39000, from: "2026-03-01")
                ).errorCodes
                    == ["effective_too_early"])
            #expect(
                try await org.send(
                    .POST, "/api/v1/fee-standards", json: Self.proposal(39000, from: "2027-01-01")
                ).errorCodes
                    == ["raise_needs_request"])
            let raise = try await org.send(
                .POST, "/api/v1/fee-standards", json: Self.proposal(39000, from: "2027-01-01", raise: "耗材涨价"))
            #expect(raise.status == .created && raise.json["isRaise"] as? Bool == true)
            #expect(
                try await org.send(
                    .POST, "/api/v1/fee-standards", json: Self.proposal(37000, from: "2027-02-01")
                ).errorCodes
                    == ["pending_exists"])
        }
    }

    @Test("MOE12-1: a rejection needs a comment and tells the organisation", arguments: TestDB.all)
    func rejection(db: TestDB) async throws {
        try await withApp(db, demo: true) { app, _ in
            let org = Client(app)
            let lead = Client(app)
            let reviewer = Client(app)
            try await org.login("org")
            try await lead.login("school-g005")
            try await reviewer.login("reviewer")
            let id = try #require(
                try await org.send(
                    .POST, "/api/v1/fee-standards", json: Self.proposal(40000, from: "2026-09-01")
                )
                .json["id"] as? String)
            let path = "/api/v1/fee-standards/\(id)"
            _ = try await lead.send(
                .POST, path + "/review",
                json:
                    #"{"meetingOn":"2026-03-10","opinions":[{"expert":"E001","opinion":"偏高"}],"conclusion":"建议退回"}"#
            )
            #expect(
                try await reviewer.send(.POST, path + "/decision", json: #"{"decision":"reject"}"#).errorCodes
                    == ["required"])
            let rejected = try await reviewer.send(
                .POST, path + "/decision", json: #"{"decision":"reject","comment":"成本说明不足"}"#)
            #expect(rejected.json["status"] as? String == "rejected")
            let notices = try await org.send(.GET, "/api/v1/notices")
            #expect(notices.body.contains("被退回"))
            // Rejected is settled: a new proposal may follow.
            #expect(
                try await org.send(
                    .POST, "/api/v1/fee-standards", json: Self.proposal(36000, from: "2026-09-01")
                ).status == .created)
        }
    }
}

@Suite("Fee standards in the browser (MOE12-1)")
struct FeeStandardPageTests {
    @Test(
        "MOE12-1: the chain through the pages; a refusal keeps what was typed; the public page shows the published fee",
        arguments: TestDB.all)
    func pages(db: TestDB) async throws {
        try await withApp(db, demo: true) { app, _ in
            let org = Client(app)
            let lead = Client(app)
            let reviewer = Client(app)
            let admin = Client(app)
            let anyone = Client(app)
            try await org.webLogin("org")
            try await lead.webLogin("school-g005")
            try await reviewer.webLogin("reviewer")
            try await admin.webLogin("admin", adminPassword)
            let form = try await org.send(.GET, "/fees/standards/new")
            #expect(form.body.contains("¥411.00"), "the cap is shown with the certificate")
            let csrf = org.csrf(from: form)
            let fields = [
                ("_csrf", csrf), ("certificate", "1-004"), ("level", "junior"),
                ("effectiveFrom", "2026-09-01"),
                ("breakdown", "场地、考评员、耗材"),
            ]
            let above = try await org.form("/fees/standards/new", fields + [("amount", "411.01")])
            #expect(above.status == .unprocessableEntity && above.body.contains("¥411.00"))
            #expect(
                above.body.contains("value=\"411.01\"") && above.body.contains("场地、考评员、耗材"),
                "what was typed is kept")
            let created = try await org.form("/fees/standards/new", fields + [("amount", "400")])
            #expect(created.status == .seeOther)
            let path = try #require(created.headers.first(name: .location))

            let page = try await lead.send(.GET, path)
            #expect(page.body.contains("录入专家论证意见"))
            let reviewed = try await lead.form(
                path + "/review",
                [
                    ("_csrf", lead.csrf(from: page)), ("meetingOn", "2026-03-10"), ("expert1", "E001"),
                    ("opinion1", "构成合理"),
                    ("expert2", ""), ("opinion2", ""), ("expert3", ""), ("opinion3", ""),
                    ("conclusion", "建议按380元核定"),
                ])
            #expect(reviewed.status == .seeOther)

            let toVerify = try await reviewer.send(.GET, path)
            #expect(toVerify.body.contains("提交核定意见") && toVerify.body.contains("构成合理"))
            let tooHigh = try await reviewer.form(
                path + "/decision",
                [
                    ("_csrf", reviewer.csrf(from: toVerify)), ("decision", "verify"), ("amount", "401"),
                    ("comment", "按专家意见"),
                ])
            #expect(tooHigh.status == .unprocessableEntity && tooHigh.body.contains("value=\"401\""))
            #expect(
                try await reviewer.form(
                    path + "/decision",
                    [
                        ("_csrf", reviewer.csrf(from: toVerify)), ("decision", "verify"), ("amount", "380"),
                        ("comment", "按专家意见"),
                    ]
                ).status == .seeOther)

            let toPublish = try await admin.send(.GET, path)
            #expect(
                try await admin.form(
                    path + "/publish",
                    [
                        ("_csrf", admin.csrf(from: toPublish)), ("documentNumber", "豫教财〔2026〕3号"),
                        ("publishedOn", "2026-03-20"),
                    ]
                ).status == .seeOther)
            let published = try await anyone.send(.GET, "/public/fee-standards")
            #expect(
                published.status == .ok && published.body.contains("¥380.00")
                    && published.body.contains("豫教财〔2026〕3号"))
            #expect(published.body.contains("2026年9月1日"))
        }
    }
}
