import Foundation
import OneXDomain
@testable import OneXServer
import Testing
import Vapor

@Suite("Catalog API and scoping (CAT-1..5)")
struct CatalogAPITests {
    @Test("CAT-1..3: the province office creates a region, an organisation, a certificate and a school", arguments: TestDB.all)
    func create(db: TestDB) async throws {
        try await withApp(db) { app, _ in
            let c = Client(app)
            try await c.login("admin", adminPassword)
            #expect(try await c.send(.POST, "/api/v1/regions", json: #"{"code":"4101","name":"郑州市","kind":"city"}"#).status == .created)
            #expect(try await c.send(.POST, "/api/v1/organizations", json: #"{"code":"O1","name":"组织"}"#).status == .created)
            let cert = try await c.send(.POST, "/api/v1/certificates", json: """
                {"code":"1-004","name":"物流管理","batch":1,"organization":"O1","levels":["junior","intermediate"],
                 "minCandidates":20,"costCaps":{"junior":60000}}
                """)
            #expect(cert.status == .created)
            #expect(cert.json["id"] != nil)
            let school = try await c.send(.POST, "/api/v1/schools", json: """
                {"code":"Z1","name":"郑州市财贸学校","kind":"secondary","region":"4101","nationalPlatformRegistered":true}
                """)
            #expect(school.status == .created)
            let got = try await c.send(.GET, "/api/v1/certificates/1-004")
            #expect((got.json["costCaps"] as? [String: Int]) == ["junior": 60000])
            #expect((got.json["levels"] as? [String]) == ["junior", "intermediate"])
        }
    }

    @Test("Bad input is 400 or 422 with reasons, never 500", arguments: TestDB.all)
    func badInput(db: TestDB) async throws {
        try await withApp(db) { app, _ in
            let c = Client(app)
            try await c.login("admin", adminPassword)
            #expect(try await c.send(.POST, "/api/v1/regions", json: #"{"code":"4101""#).status == .badRequest)
            #expect(try await c.send(.POST, "/api/v1/regions", json: #"{"code":"4101"}"#).status == .badRequest)
            let empty = try await c.send(.POST, "/api/v1/regions", json: #"{"code":"","name":"","kind":"city"}"#)
            #expect(empty.status == .unprocessableEntity)
            #expect(Set(empty.errorCodes) == ["required"])
            #expect(try await c.send(.POST, "/api/v1/regions", json: #"{"code":"4101","name":"郑州市","kind":"city"}"#).status == .created)
            let dup = try await c.send(.POST, "/api/v1/regions", json: #"{"code":"4101","name":"郑州市","kind":"city"}"#)
            #expect(dup.status == .unprocessableEntity)
            #expect(dup.errorCodes == ["duplicate_code"])
            let unknown = try await c.send(.POST, "/api/v1/schools", json: """
                {"code":"Z1","name":"学校","kind":"secondary","region":"0000","nationalPlatformRegistered":true}
                """)
            #expect(unknown.status == .unprocessableEntity)
            #expect(unknown.errorCodes == ["unknown_reference"])
            #expect(unknown.headers.first(name: .contentType)?.hasPrefix("application/problem+json") == true)
            #expect(try await c.send(.PUT, "/api/v1/regions/4101", json: #"{"code":"4102","name":"x","kind":"city"}"#).status
                    == .unprocessableEntity)
            #expect(try await c.send(.PUT, "/api/v1/regions/4101", json: #"{"code":"4101","name":"郑州","kind":"city"}"#).status == .ok)
            #expect(try await c.send(.PUT, "/api/v1/regions/7777", json: #"{"code":"7777","name":"x","kind":"city"}"#).status == .notFound)
        }
    }

    @Test("A school sees only itself: another school's record is 404; it cannot write", arguments: TestDB.all)
    func schoolScope(db: TestDB) async throws {
        try await withApp(db, demo: true) { app, _ in
            let c = Client(app)
            try await c.login("secondary")
            let list = try await c.send(.GET, "/api/v1/schools")
            #expect(list.json["total"] as? Int == 1)
            #expect(try await c.send(.GET, "/api/v1/schools/Z001").status == .ok)
            #expect(try await c.send(.GET, "/api/v1/schools/Z002").status == .notFound)
            #expect(try await c.send(.GET, "/api/v1/experts").status == .forbidden)
            #expect(try await c.send(.POST, "/api/v1/regions", json: #"{"code":"1","name":"x","kind":"city"}"#).status == .forbidden)
        }
    }

    @Test("A city bureau sees its region's schools only; an organisation only its certificates", arguments: TestDB.all)
    func cityAndOrganizationScope(db: TestDB) async throws {
        try await withApp(db, demo: true) { app, _ in
            let city = Client(app)
            try await city.login("zhengzhou")
            let items = try await city.send(.GET, "/api/v1/schools?limit=1000").json["items"] as? [[String: Any]] ?? []
            #expect(!items.isEmpty)
            #expect(items.allSatisfy { $0["region"] as? String == "4101" })
            #expect(try await city.send(.GET, "/api/v1/schools/Z005").status == .notFound)
            let org = Client(app)
            try await org.login("org")
            let certs = try await org.send(.GET, "/api/v1/certificates").json["items"] as? [[String: Any]] ?? []
            #expect(certs.map { $0["code"] as? String } == ["1-004"])
            #expect(try await org.send(.GET, "/api/v1/certificates/1-003").status == .notFound)
            #expect(try await org.send(.GET, "/api/v1/schools").status == .forbidden)
        }
    }

    @Test("CAT-4, CAT-5: alliances with members and the expert pool", arguments: TestDB.all)
    func alliancesAndExperts(db: TestDB) async throws {
        try await withApp(db, demo: true) { app, _ in
            let c = Client(app)
            try await c.login("admin", adminPassword)
            let a = try await c.send(.GET, "/api/v1/alliances/1-004")
            #expect(a.json["leadSchool"] as? String == "G005")
            #expect((a.json["members"] as? [String])?.count == 5)
            let put = try await c.send(.PUT, "/api/v1/alliances/1-004", json: #"{"certificate":"1-004","leadSchool":"G005","members":["Z001"]}"#)
            #expect(put.status == .ok)
            #expect((try await c.send(.GET, "/api/v1/alliances/1-004").json["members"] as? [String]) == ["Z001"])
            #expect(try await c.send(.GET, "/api/v1/experts?q=物流").json["total"] as? Int == 1)
        }
    }

    @Test("Lists page with limit and offset and search by code or name", arguments: TestDB.all)
    func paging(db: TestDB) async throws {
        try await withApp(db, demo: true) { app, _ in
            let c = Client(app)
            try await c.login("reviewer")
            let page = try await c.send(.GET, "/api/v1/schools?limit=10&offset=10")
            #expect((page.json["items"] as? [Any])?.count == 10)
            #expect(page.json["total"] as? Int == DemoProvince.schools.count)
            #expect(try await c.send(.GET, "/api/v1/schools?q=黄淮").json["total"] as? Int == 1)
        }
    }
}
