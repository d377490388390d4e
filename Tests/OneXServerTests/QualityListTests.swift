import Foundation
import OneXDomain
import Testing
import VaporTesting

@testable import OneXServer

/// The lists of issue 16 are searchable, paged and exportable, with the filter kept.
@Suite("Quality lists: search, pages and exports (AH41-2, AH41-3, AH41-4, AH41-6, AH41-7)")
struct QualityListTests {
    @Test(
        "AH41-2: the complaints list is searched, paged and exported; the count is the filter's",
        arguments: TestDB.all)
    func complaintPages(db: TestDB) async throws {
        try await withApp(db, demo: true) { app, _ in
            let school = Client(app)
            try await school.login("secondary")
            for i in 1...35 {
                let filed = try await school.multipart(
                    "/api/v1/complaints",
                    fields: [
                        ("organization", "ORG-ZWL"), ("occurredOn", "2026-03-10"),
                        ("what", "考核组织不规范，事项A\(String(format: "%02d", i))"),
                    ], file: ("file", "a.pdf", "application/pdf", "%PDF-1.4 a"))
                #expect(filed.status == .created)
            }
            let admin = Client(app)
            try await admin.login("admin", adminPassword)
            let last = try await admin.send(.GET, "/api/v1/complaints?limit=10&offset=30")
            #expect(last.json["total"] as? Int == 35 && (last.json["items"] as? [Any])?.count == 5)
            #expect(try await admin.send(.GET, "/api/v1/complaints?q=A07").json["total"] as? Int == 1)
            #expect(try await admin.send(.GET, "/api/v1/complaints?status=closed").json["total"] as? Int == 0)
            #expect(try await admin.send(.GET, "/api/v1/complaints?limit=0").status == .badRequest)

            let web = Client(app)
            try await web.webLogin("admin", adminPassword)
            let first = try await web.send(.GET, "/complaints")
            #expect(first.body.contains("共 35 条 · 第 1/2 页") && first.body.contains("offset=30"))
            #expect(
                first.body.components(separatedBy: "<a class=\"nowrap\" href=\"/complaints/").count - 1 == 30)
            let searched = try await web.send(.GET, "/complaints?q=A0")
            #expect(searched.body.contains("共 9 条 · 第 1/1 页"))
            #expect(searched.body.contains("/complaints/export.csv?q=A0"), "the export keeps the filter")
            let csv = try await web.send(.GET, "/complaints/export.csv?q=A0")
            #expect(csv.headers.contentType?.subType == "csv")
            #expect(csv.body.split(whereSeparator: \.isNewline).count == 1 + 9, "\(csv.body)")
            // The school sees its own: the same 35.
            #expect(try await school.send(.GET, "/api/v1/complaints").json["total"] as? Int == 35)
        }
    }

    @Test(
        "AH41-2, AH41-3, AH41-4, AH41-6, AH41-7: every list of issue 16 pages, searches and exports to CSV and Excel",
        arguments: [TestDB.sqlite])
    func everyList(db: TestDB) async throws {
        try await withApp(db, demo: true) { app, _ in
            let web = Client(app)
            try await web.webLogin("admin", adminPassword)
            for path in [
                "/sites", "/filings", "/training", "/certificate-decisions", "/workload", "/complaints",
            ] {
                let page = try await web.send(.GET, path + "?q=%E6%97%A0%E6%AD%A4%E9%A1%B9")
                #expect(page.status == .ok && page.body.contains("name=\"q\" value=\"无此项\""), "\(path)")
                #expect(
                    page.body.contains(path + "/export.xlsx?q=")
                        || page.body.contains(path + "/export.xlsx?"), "\(path)")
                for format in ["csv", "xlsx"] {
                    let file = try await web.send(.GET, "\(path)/export.\(format)?q=x")
                    #expect(file.status == .ok, "\(path) \(format)")
                }
            }
        }
    }
}
