import Foundation
@testable import OneXServer
import Testing
import Vapor
import VaporTesting

/// Issue 12, operations: `/metrics` in Prometheus' text format, for the few who may read it.
@Suite("Operations")
struct OperationsTests {
    @Test("/metrics counts requests by route and status with latency, imports and jobs; only with the token off loopback")
    func metrics() async throws {
        try await withApp(.sqlite, demo: true, metricsToken: "metrics-test-token-0123456789") { app, _ in
            let c = Client(app)
            try await c.login("admin", adminPassword)
            #expect(try await c.send(.GET, "/api/v1/regions").status == .ok)
            #expect(try await c.send(.GET, "/api/v1/regions/none").status == .notFound)
            // The in-memory tester has no remote address: without the token, nobody is local.
            #expect(try await Client(app).send(.GET, "/metrics").status == .notFound)
            let wrong = try await Client(app).send(.GET, "/metrics", headers: [("Authorization", "Bearer nope")])
            #expect(wrong.status == .notFound)
            let r = try await Client(app).send(.GET, "/metrics", headers: [("Authorization", "Bearer metrics-test-token-0123456789")])
            #expect(r.status == .ok)
            #expect(r.headers.first(name: .contentType)?.hasPrefix("text/plain; version=0.0.4") == true)
            #expect(r.body.contains(#"onex_http_requests_total{route="/api/v1/regions",method="GET",status="200"}"#))
            #expect(r.body.contains(#"onex_http_requests_total{route="/api/v1/regions/:code",method="GET",status="404"}"#))
            #expect(r.body.contains(#"onex_http_request_duration_seconds_bucket{route="/api/v1/regions",le="+Inf"}"#))
            #expect(r.body.contains("onex_candidate_imports_total"))
        }
    }

    @Test("/metrics reports database pool use: capacity, and on PostgreSQL this server's connections by state", arguments: TestDB.all)
    func poolUse(db: TestDB) async throws {
        try await withApp(db, metricsToken: "metrics-test-token-0123456789") { app, _ in
            let r = try await Client(app).send(.GET, "/metrics", headers: [("Authorization", "Bearer metrics-test-token-0123456789")])
            #expect(r.body.contains("onex_db_pool_capacity \(app.onex.databasePool.capacity)\n"))
            #expect(app.onex.databasePool.capacity > 0)
            guard db == .postgres else { return }
            // The connection that asks is active; its name is this app's, not another test's.
            let active = r.body.split(separator: "\n").first { $0.hasPrefix(#"onex_db_connections{state="active"}"#) }
            #expect(active.flatMap { Int($0.split(separator: " ").last ?? "") } == 1)
        }
    }
}
