import Foundation
import OneXDomain
import Testing
import VaporTesting

@testable import OneXServer

/// Issue 13: people and units appear by name — the header, reviewers, the accounts list —
/// never by login or code alone.
@Suite("Accounts by name and unit")
struct AccountNameTests {
    @Test(
        "The header names the person and unit; the accounts list shows names and units by name",
        arguments: TestDB.all)
    func headerAndList(db: TestDB) async throws {
        try await withApp(db, demo: true) { app, _ in
            let school = Client(app)
            try await school.webLogin("secondary")
            let home = try await school.send(.GET, "/")
            let header = try #require(
                home.body.range(of: #"<div class="user">"#).map {
                    String(home.body[$0.upperBound...].prefix(80))
                })
            #expect(header.hasPrefix("<span>陈静 · 郑州市财贸学校</span>"))
            #expect(!header.contains("secondary") && !header.contains("Z001"))

            let admin = Client(app)
            try await admin.webLogin("admin", adminPassword)
            let users = try await admin.send(.GET, "/users?limit=200")
            #expect(users.body.contains("<td>陈静</td>"))
            #expect(users.body.contains("郑州市财贸学校（Z001）"))
            // The province office's first account has no person's name: its role stands in.
            let adminHome = try await admin.send(.GET, "/")
            #expect(adminHome.body.contains("<div class=\"user\"><span>省1+X办公室</span>"))
        }
    }

    @Test(
        "A name is kept, trimmed, at most 40 characters; reviewers appear by name and unit",
        arguments: TestDB.all)
    func namesAndReviewers(db: TestDB) async throws {
        try await withApp(db, demo: true) { app, clock in
            let admin = Client(app)
            try await admin.login("admin", adminPassword)
            let made = try await admin.send(
                .POST, "/api/v1/users",
                json: #"""
                    {"username":"li.na","password":"secret-123","role":"cityReviewer","unit":"4103","displayName":"  李娜 "}
                    """#)
            #expect(made.status == .created)
            #expect(made.json["displayName"] as? String == "李娜")
            let long = String(repeating: "名", count: 41)
            let tooLong = try await admin.send(
                .POST, "/api/v1/users",
                json: #"""
                    {"username":"x.y","password":"secret-123","role":"auditor","displayName":"\#(long)"}
                    """#)
            #expect(tooLong.errorCodes == ["too_long"])

            let id = try await ApplicationFlowTests.approvedByProvince(app, clock)
            let web = Client(app)
            try await web.webLogin("highervoc")
            let page = try await web.send(.GET, "/applications/\(id)")
            #expect(page.body.contains("<td>李敏 · 省级审核员</td>"))
            #expect(!page.body.contains("<td>reviewer</td>"))
        }
    }
}
