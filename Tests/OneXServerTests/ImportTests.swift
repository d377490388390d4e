import Fluent
import Foundation
import OneXDomain
import OneXTabular
import Testing
import Vapor

@testable import OneXServer

@Suite("Imports: all or nothing, CSV / GB18030 / XLSX (CAT-1..3)")
struct ImportTests {
    /// 1,000 schools in the demo's regions; `bad` puts an unknown region on that line.
    static func schools(bad: Int?) -> [[String]] {
        var rows = [["院校代码", "院校名称", "院校类型", "所属地区", "已在国家平台注册"]]
        for i in 0..<1000 {
            let line = i + 2
            rows.append([
                "T\(i)", "测试学校\(i)", i % 2 == 0 ? "中职学校" : "高职院校", line == bad ? "0000" : "4101", "是",
            ])
        }
        return rows
    }

    enum Format: String, CaseIterable, Sendable { case csv, gb18030, xlsx }

    static func encode(_ rows: [[String]], _ format: Format) -> Data {
        switch format {
        case .csv: return CSV.write(rows)
        case .gb18030:
            let text = rows.map { $0.joined(separator: ",") }.joined(separator: "\r\n")
            return TextDecoding.encodeGB18030(text)!
        case .xlsx: return XLSX.write(rows)
        }
    }

    static var cases: [(TestDB, Format)] { TestDB.all.flatMap { db in Format.allCases.map { (db, $0) } } }

    @Test(
        "CAT-2: one bad row among a thousand imports nothing and names the row; fixed, all import",
        arguments: cases)
    func allOrNothing(db: TestDB, format: Format) async throws {
        try await withApp(db, demo: true) { app, _ in
            let c = Client(app)
            try await c.login("admin", adminPassword)
            let before = try await School.query(on: app.db).count()
            let bad = try await c.send(
                .POST, "/api/v1/imports/schools", body: Self.encode(Self.schools(bad: 731), format))
            #expect(bad.status == .unprocessableEntity)
            #expect(bad.errorLines == [731])
            #expect(try await School.query(on: app.db).count() == before)
            let good = try await c.send(
                .POST, "/api/v1/imports/schools", body: Self.encode(Self.schools(bad: nil), format))
            #expect(good.status == .ok)
            #expect(good.json["created"] as? Int == 1000)
            #expect(try await School.query(on: app.db).count() == before + 1000)
            // The same file again changes nothing.
            let again = try await c.send(
                .POST, "/api/v1/imports/schools", body: Self.encode(Self.schools(bad: nil), format))
            #expect(again.json["created"] as? Int == 0 && again.json["updated"] as? Int == 0)
        }
    }

    @Test(
        "CAT-1: certificates import with levels and cost caps; existing codes are updated",
        arguments: TestDB.all)
    func certificates(db: TestDB) async throws {
        try await withApp(db, demo: true) { app, _ in
            let c = Client(app)
            try await c.login("admin", adminPassword)
            let csv =
                "code,name,batch,organization,levels,minCandidates,costCapJunior\n1-004,物流管理,1,ORG-ZWL,初级;中级,25,450\n9-001,新证书,4,ORG-ZWL,junior,10,300.50\n"
            let r = try await c.send(.POST, "/api/v1/imports/certificates", body: Data(csv.utf8))
            #expect(r.status == .ok)
            #expect(r.json["created"] as? Int == 1 && r.json["updated"] as? Int == 1)
            let cert = try await c.send(.GET, "/api/v1/certificates/1-004")
            #expect(cert.json["minCandidates"] as? Int == 25)
            #expect((cert.json["costCaps"] as? [String: Int]) == ["junior": 45000])
            let new = try await c.send(.GET, "/api/v1/certificates/9-001")
            #expect((new.json["costCaps"] as? [String: Int]) == ["junior": 30050])
        }
    }

    @Test(
        "MOE12-1: a caps-only file sets the cost caps of existing certificates in yuan, all or nothing; empty cells keep the cap",
        arguments: TestDB.all)
    func costCaps(db: TestDB) async throws {
        try await withApp(db, demo: true) { app, _ in
            let c = Client(app)
            try await c.login("admin", adminPassword)
            let junior = "code,name,batch,organization,levels,minCandidates\n9-001,新证书,4,ORG-ZWL,junior,10\n"
            #expect(
                try await c.send(.POST, "/api/v1/imports/certificates", body: Data(junior.utf8)).status == .ok
            )
            let before = try #require(
                try await c.send(.GET, "/api/v1/certificates/1-004").json["costCaps"] as? [String: Int])
            // An unknown certificate and a cap for a level 9-001 does not have: nothing is stored.
            let bad = "证书代码,初级成本上限（元）,高级成本上限（元）\n1-004,480,\n9-999,300,\n9-001,,700\n"
            let refused = try await c.send(.POST, "/api/v1/imports/costCaps", body: Data(bad.utf8))
            #expect(refused.status == .unprocessableEntity && refused.errorLines == [3])
            let good = "证书代码,初级成本上限（元）,高级成本上限（元）\n1-004,480,\n9-001,300.50,\n"
            let levelless = try await c.send(
                .POST, "/api/v1/imports/costCaps", body: Data("证书代码,高级成本上限（元）\n9-001,700\n".utf8))
            #expect(levelless.status == .unprocessableEntity && levelless.errorLines == [2])
            #expect(
                try await c.send(.GET, "/api/v1/certificates/1-004").json["costCaps"] as? [String: Int]
                    == before)
            let done = try await c.send(.POST, "/api/v1/imports/costCaps", body: Data(good.utf8))
            #expect(done.status == .ok && done.json["updated"] as? Int == 2)
            var expected = before
            expected["junior"] = 48000
            #expect(
                try await c.send(.GET, "/api/v1/certificates/1-004").json["costCaps"] as? [String: Int]
                    == expected)
            #expect(
                try await c.send(.GET, "/api/v1/certificates/9-001").json["costCaps"] as? [String: Int]
                    == ["junior": 30050])
            #expect(try await c.send(.GET, "/api/v1/audit").body.contains("import.costCaps"))
            // The browser offers the same import with its template.
            let web = Client(app)
            try await web.webLogin("admin", adminPassword)
            let page = try await web.send(.GET, "/imports")
            #expect(
                page.body.contains("value=\"costCaps\"")
                    && page.body.contains("/imports/template/costCaps.csv"))
            let template = try await web.send(.GET, "/imports/template/costCaps.csv")
            #expect(template.body.contains("证书代码") && template.body.contains("初级成本上限（元）"))
        }
    }

    @Test("Unreadable files and unknown tables are refused with a reason", arguments: TestDB.all)
    func unreadable(db: TestDB) async throws {
        try await withApp(db) { app, _ in
            let c = Client(app)
            try await c.login("admin", adminPassword)
            let garbage = try await c.send(
                .POST, "/api/v1/imports/regions", body: Data([0x81, 0x20, 0xFF, 0xFF]))
            #expect(garbage.status == .unprocessableEntity)
            #expect(garbage.errorCodes == ["unreadable_file"])
            #expect(
                try await c.send(.POST, "/api/v1/imports/regions", body: Data()).status
                    == .unprocessableEntity)
            #expect(
                try await c.send(.POST, "/api/v1/imports/planets", body: Data("a".utf8)).status == .notFound)
        }
    }
}
