import Foundation
import OneXDomain
@testable import OneXServer
import Testing
import Vapor

@Suite("Policy storage (policies.md)")
struct PolicyAPITests {
    @Test("The initial policy is version 1; an edit is version 2 with its author; a bad one is refused", arguments: TestDB.all)
    func versions(db: TestDB) async throws {
        try await withApp(db) { app, _ in
            let c = Client(app)
            try await c.login("admin", adminPassword)
            let v1 = try await c.send(.GET, "/api/v1/policy")
            #expect(v1.json["version"] as? Int == 1)
            #expect(v1.json["province"] as? String == "河南省")
            var doc = v1.json
            doc["province"] = "河南省（修订）"
            let put = try await c.send(.PUT, "/api/v1/policy",
                                       body: try JSONSerialization.data(withJSONObject: doc), contentType: "application/json")
            #expect(put.status == .ok)
            #expect(put.json["version"] as? Int == 2 && put.json["author"] as? String == "admin")
            doc["reporting"] = ["biweeklyDueDays": [40], "maxConsecutiveMisses": 0]
            let bad = try await c.send(.PUT, "/api/v1/policy",
                                       body: try JSONSerialization.data(withJSONObject: doc), contentType: "application/json")
            #expect(bad.status == .unprocessableEntity)
            #expect(bad.errorCodes == ["invalid_policy", "invalid_policy"])
            #expect(try await c.send(.GET, "/api/v1/policy").json["version"] as? Int == 2)
        }
    }

    @Test("ONEX_POLICY=anhui loads the Anhui policy", arguments: TestDB.all)
    func anhui(db: TestDB) async throws {
        let policy = try PolicyService.load(source: "anhui")
        #expect(policy.province == "安徽省")
        #expect(throws: AppConfig.Invalid.self) { try PolicyService.load(source: "/nonexistent.json") }
    }
}

@Suite("Configuration")
struct ConfigTests {
    @Test("Environment variables are read and mistakes name the variable")
    func environment() throws {
        let c = try AppConfig.fromEnvironment(["DATABASE_URL": "sqlite:///tmp/x.sqlite", "ONEX_DEMO": "0", "ONEX_CLOCK": "manual"])
        #expect(c.database == .sqliteFile("/tmp/x.sqlite") && !c.demo && c.manualClock)
        #expect(try AppConfig.fromEnvironment([:]).database == .sqliteFile("data/onex.sqlite"))
        #expect(try AppConfig.fromEnvironment(["DATABASE_URL": "postgres://u:p@localhost/db"]).database
                == .postgres(url: "postgres://u:p@localhost/db", schema: nil))
        do {
            _ = try AppConfig.fromEnvironment(["DATABASE_URL": "mysql://x"])
            Issue.record("expected an error")
        } catch let e as AppConfig.Invalid {
            #expect(e.description.hasPrefix("DATABASE_URL"))
        }
    }
}
