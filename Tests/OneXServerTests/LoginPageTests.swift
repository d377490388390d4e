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
}
