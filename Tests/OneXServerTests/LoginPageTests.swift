import Foundation
import Testing
import VaporTesting

@testable import OneXServer

/// Issue 13: the login page offers the demo password only where the demo province was loaded.
@Suite("Login page")
struct LoginPageTests {
    @Test("The demo password shows only with the demo loaded", arguments: [false, true])
    func demoHint(demo: Bool) async throws {
        try await withApp(.sqlite, demo: demo) { app, _ in
            let page = try await Client(app).send(.GET, "/login")
            #expect(page.body.contains(DemoProvince.password) == demo)
        }
    }

    @Test("HN-2 / AH22-1: the policy in force is public in words — windows as dates, rules and thresholds", arguments: TestDB.all)
    func publicPolicy(db: TestDB) async throws {
        try await withApp(db, demo: true) { app, _ in
            let anyone = Client(app)
            #expect(try await anyone.send(.GET, "/login").body.contains("href=\"/public/policy\""))
            let page = try await anyone.send(.GET, "/public/policy")
            #expect(page.status == .ok)
            #expect(page.body.contains("3月11日至3月20日") && page.body.contains("3月25日至3月28日"))
            #expect(page.body.contains("<td>20%</td>") && page.body.contains("<td>80%</td>"))
            #expect(!page.body.contains("<code>"), "no document keys for the public")
            anyone.cookies["lang"] = "en"
            let english = try await anyone.send(.GET, "/public/policy")
            #expect(english.body.contains("11 Mar – 20 Mar") && english.body.contains("before the 12th"))
        }
    }
}
