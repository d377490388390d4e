import Foundation
@testable import OneXServer
import Testing
import Vapor

@Suite("OpenAPI document")
struct OpenAPITests {
    @Test("The document lists exactly the routes under /api/v1", arguments: [TestDB.sqlite])
    func inStep(db: TestDB) async throws {
        try await withApp(db) { app, _ in
            let routes = Set(app.routes.all.filter { $0.path.first?.description == "api" }.map { route in
                route.method.rawValue.lowercased() + " /" + route.path.map { c -> String in
                    if case .parameter(let name) = c { return "{\(name)}" }
                    return c.description
                }.joined(separator: "/")
            })
            let documented = Set(OpenAPIDocument.operations.map { "\($0.method) \($0.path)" })
            #expect(routes.subtracting(documented).isEmpty, "undocumented: \(routes.subtracting(documented).sorted())")
            #expect(documented.subtracting(routes).isEmpty, "documented but missing: \(documented.subtracting(routes).sorted())")
            let r = try await Client(app).send(.GET, "/openapi.json")
            #expect(r.status == .ok)
            #expect(r.json["openapi"] as? String == "3.1.0")
        }
    }
}
