import Foundation
import OneXDomain
@testable import OneXServer
import Testing
import Vapor
import VaporTesting

/// Issue 12: a malformed policy is refused with a 4xx, and whatever policy is stored, reading
/// its windows never stops the server. (`values` is read-only: `nonisolated(unsafe)` only because
/// `Any` cannot be `Sendable`.)
@Suite("Policy documents against hostile values")
struct PolicyFuzzTests {
    nonisolated(unsafe) static let values: [Any] = [
        "02-29", "12-31", "13-01", "00-00", "2026-02-30", "2026-03-01", "", "x", 0, -1, Int.max, 1e308, 1.5, true, NSNull(),
        ["03-20", "03-11"], ["03-11"], ["2026-03-01", "2026-03-05"], [Int.min], [String: Any](),
    ]

    static func mutate(_ value: Any, using rng: inout SeededRandom, depth: Int = 0) -> Any {
        if var object = value as? [String: Any], !object.isEmpty, depth < 4 {
            let key = object.keys.sorted().randomElement(using: &rng)!
            object[key] = Int.random(in: 0..<3, using: &rng) == 0
                ? values.randomElement(using: &rng)! : mutate(object[key]!, using: &rng, depth: depth + 1)
            return object
        }
        if var array = value as? [Any], !array.isEmpty, depth < 4 {
            let i = Int.random(in: 0..<array.count, using: &rng)
            array[i] = mutate(array[i], using: &rng, depth: depth + 1)
            return array
        }
        return values.randomElement(using: &rng)!
    }

    @Test("Random and malformed policies through PUT /api/v1/policy: 4xx or stored, never 5xx; the rule check stays up",
          arguments: TestDB.all)
    func malformedPolicies(db: TestDB) async throws {
        try await withApp(db, demo: true) { app, _ in
            let admin = Client(app)
            try await admin.login("admin", adminPassword)
            let school = Client(app)
            try await school.login("highervoc")
            let draft = try #require(try await school.send(.POST, "/api/v1/applications",
                                                           json: ApplicationFlowTests.app(2026, ApplicationFlowTests.line())).json["id"] as? String)
            var original = try await admin.send(.GET, "/api/v1/policy").json
            for key in ["version", "author", "createdAt"] { original[key] = nil }
            #expect(original["recurringWindows"] != nil)
            var rng = SeededRandom(state: 12_122_026)
            var refused = 0, stored = 0, serverErrors: [String] = []
            for _ in 0..<120 {
                let doc = Self.mutate(original, using: &rng)
                let body = String(decoding: try JSONSerialization.data(withJSONObject: doc, options: [.fragmentsAllowed]), as: UTF8.self)
                let r = try await admin.send(.PUT, "/api/v1/policy", json: body)
                if r.status.code >= 500 { serverErrors.append(body) } else if r.status == .ok { stored += 1 } else { refused += 1 }
                // Whatever is in force, reading it and checking a draft against it answers.
                #expect(try await school.send(.GET, "/api/v1/applications/\(draft)").status == .ok)
                #expect(try await admin.send(.GET, "/policy").status != .internalServerError)
            }
            #expect(serverErrors.isEmpty, "\(serverErrors.prefix(3))")
            #expect(refused > 0)
            print("policy fuzz (\(db.rawValue)): \(refused) refused, \(stored) stored, \(serverErrors.count) answered 5xx")
        }
    }
}
