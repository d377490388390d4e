import Foundation
import OneXDomain
import Testing
import Vapor
import VaporTesting

@testable import OneXServer

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Public disclosure (AH41-12): readable without an account, names and published records only;
/// every other route closed to an anonymous client.
@Suite("Public disclosure (AH41-12)")
struct PublicPagesTests {
    @Test(
        "AH41-12: without an account the index, pilot schools by city, organisations and published standards read, as CSV and Atom",
        arguments: TestDB.all)
    func readable(db: TestDB) async throws {
        try await withApp(db, demo: true) { app, _ in
            try await ExamTests.approvedPlan(app)
            try await PaymentTests.publish(app, amount: 30000, from: "2026-01-01")
            let anonymous = Client(app)
            let index = try await anonymous.send(.GET, "/public")
            #expect(
                index.status == .ok && index.body.contains("/public/schools")
                    && index.body.contains("/public/policy"))
            let cities = try await anonymous.send(.GET, "/public/schools")
            #expect(cities.status == .ok && cities.body.contains("郑州市"))
            let city = try await anonymous.send(.GET, "/public/schools?region=4101")
            #expect(city.body.contains("河南职业技术学院") && city.body.contains("物流管理"))
            #expect(!city.body.contains("40"), "no figures of a single school: G001's plan of 40")
            let csv = try await anonymous.send(.GET, "/public/schools.csv")
            #expect(csv.headers.contentType?.subType == "csv" && csv.body.contains("G001"))
            let orgs = try await anonymous.send(.GET, "/public/organizations")
            #expect(orgs.status == .ok && orgs.body.contains("物流管理"))
            #expect(try await anonymous.send(.GET, "/public/organizations.csv").body.contains("1-004"))
            let fees = try await anonymous.send(.GET, "/public/fee-standards.csv")
            #expect(fees.body.contains("300.00"), "\(fees.body)")
            for feed in ["/public/schools.atom", "/public/fee-standards.atom", "/public/organizations.atom"] {
                let atom = try await anonymous.send(.GET, feed)
                #expect(atom.headers.contentType?.subType == "atom+xml")
                #expect(XMLParser(data: Data(atom.body.utf8)).parse(), "\(feed) is well-formed XML")
                #expect(atom.body.contains("<entry>"), "\(feed) has entries")
            }
        }
    }

    @Test("AH41-12: an anonymous client reads the public routes and nothing else", arguments: TestDB.all)
    func nothingElse(db: TestDB) async throws {
        try await withApp(db, demo: true) { app, _ in
            let anonymous = Client(app)
            var leaks: [String] = []
            for route in app.routes.all {
                let path =
                    "/"
                    + route.path.map { c -> String in
                        if case .constant(let s) = c { return s }
                        return c.description.hasPrefix(":") ? "x" : c.description
                    }.joined(separator: "/")
                let name = "\(route.method.rawValue) /\(route.path.map(\.description).joined(separator: "/"))"
                if case .open = RouteAccessMatrixTests.rules[name] { continue }
                if case .operations = RouteAccessMatrixTests.rules[name] { continue }
                if case .endsSession = RouteAccessMatrixTests.rules[name] { continue }
                // Published standards through the API too (`Access.publicScope(of: .feeStandards)`).
                if ["GET /api/v1/fee-standards", "GET /api/v1/fee-standards/:id"].contains(name) { continue }
                let reply = try await anonymous.send(route.method, path)
                let toLogin =
                    reply.status == .seeOther
                    && reply.headers.first(name: .location)?.hasPrefix("/login") == true
                if !(toLogin || [.unauthorized, .forbidden].contains(reply.status)) {
                    leaks.append("\(name): \(reply.status.code)")
                }
            }
            #expect(leaks.isEmpty, "\(leaks)")
        }
    }
}
