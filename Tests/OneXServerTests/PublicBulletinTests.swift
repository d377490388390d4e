import Fluent
import Foundation
import OneXDomain
import Testing
import VaporTesting

@testable import OneXServer

/// Warning bulletins on the public pages (AH41-12), on both databases.
@Suite("Public warning bulletins (AH41-12)")
struct PublicBulletinTests {
    @Test(
        "AH41-12: a bulletin is public only once published and chosen by the province; it can be taken off again",
        arguments: TestDB.all)
    func publicBulletin(db: TestDB) async throws {
        try await withApp(db, demo: true) { app, _ in
            let resolver = CodeResolver(app.db)
            let certificate = try #require(try await resolver.id(.certificates, "1-004"))
            let school = try #require(try await resolver.id(.schools, "Z001"))
            _ = try await PlanService.applyChange(
                school: school, certificate: certificate, level: .junior, year: 2026, kind: .new, count: 40,
                application: nil, reviewer: "t", countsInIndicators: true, now: fixedNow, on: app.db)
            let july = try #require(Shanghai.parseInstant("2026-07-01T09:00:00+08:00"))
            let taken = try await MonitoringService.snapshot(now: july, on: app.db)
            let day = taken.takenOn
            let admin = Client(app)
            let anonymous = Client(app)
            try await admin.login("admin", adminPassword)
            let path = "/api/v1/monitoring/bulletins/\(day)"

            // Not before it is published to the cities and schools; only by the province office.
            let early = try await admin.send(.POST, path + "/public", json: #"{"public":true}"#)
            #expect(early.status == .conflict && early.body.contains("请先发布通报"), "\(early.body)")
            #expect(
                try await admin.send(.POST, path, json: #"{"documentNumber":"豫教职成〔2026〕12号"}"#).status == .ok)
            #expect(
                try await anonymous.send(.GET, "/public/bulletins/\(day)").status == .notFound,
                "published ≠ public")
            #expect(!(try await anonymous.send(.GET, "/public/bulletins").body.contains("豫教职成〔2026〕12号")))
            let city = Client(app)
            try await city.login("zhengzhou")
            #expect(
                try await city.send(.POST, path + "/public", json: #"{"public":true}"#).status == .forbidden)

            #expect(try await admin.send(.POST, path + "/public", json: #"{"public":true}"#).status == .ok)
            let list = try await anonymous.send(.GET, "/public/bulletins")
            #expect(
                list.status == .ok && list.body.contains("豫教职成〔2026〕12号") && list.body.contains("2026年7月1日"))
            let sheet = try await anonymous.send(.GET, "/public/bulletins/\(day)")
            #expect(
                sheet.status == .ok && sheet.body.contains("class=\"a4\"")
                    && sheet.body.contains("<p class=\"issuer\">"))
            let name = try #require(try await School.query(on: app.db).filter(\.$code == "Z001").first()).name
            #expect(
                taken.warned.contains("Z001") && sheet.body.contains(name), "the province published the names"
            )
            let csv = try await anonymous.send(.GET, "/public/bulletins.csv")
            #expect(
                csv.body.split(whereSeparator: \.isNewline).count == 1 + taken.warned.count, "\(csv.body)")
            let feed = try await anonymous.send(.GET, "/public/bulletins.atom")
            #expect(feed.body.contains("urn:onex:bulletin:\(day)") && feed.body.contains("豫教职成〔2026〕12号"))
            #expect(try await anonymous.send(.GET, "/public").body.contains("/public/bulletins"))

            // Taken off: gone from every public page; asking twice changes nothing; audited.
            #expect(try await admin.send(.POST, path + "/public", json: #"{"public":false}"#).status == .ok)
            #expect(try await admin.send(.POST, path + "/public", json: #"{"public":false}"#).status == .ok)
            #expect(try await anonymous.send(.GET, "/public/bulletins/\(day)").status == .notFound)
            #expect(!(try await anonymous.send(.GET, "/public/bulletins.atom").body.contains("<entry>")))
            let audit = try await AuditEntry.query(on: app.db).filter(\.$entity == "warning_bulletins").all()
            #expect(audit.map(\.action).sorted() == ["makePublic", "publish", "withdrawPublic"])
        }
    }
}
