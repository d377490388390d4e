import Foundation
import OneXDomain
import Testing
import VaporTesting

@testable import OneXServer

/// Issue 13, attachments (HN-12): PDF, JPEG or PNG by content, kept and removable while the
/// application is a draft, and the stamped scan demanded at submission where the policy says so.
@Suite("Attachments (HN-12)")
struct AttachmentTests {
    static let png = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13])
    static let jpeg = Data([0xFF, 0xD8, 0xFF, 0xE0, 0, 16, 0x4A, 0x46])

    func upload(_ c: Client, _ id: String, _ purpose: String, _ name: String, _ type: String, _ data: Data)
        async throws -> Reply
    {
        try await c.multipart(
            "/api/v1/applications/\(id)/attachments", fields: [("purpose", purpose), ("line", "1")],
            file: ("file", name, type, data))
    }

    @Test(
        "HN-12: content decides — a renamed executable is refused, PDF, JPEG and PNG are kept; removable until submitted",
        arguments: TestDB.all)
    func byContent(db: TestDB) async throws {
        try await withApp(db, demo: true) { app, _ in
            let (school, id) = try await ApplicationFlowTests.drafted(app, by: "secondary")
            let fake = try await upload(
                school, id, "stampedScan", "盖章件.pdf", "application/pdf", Data("MZ\u{90}\u{0}fake".utf8))
            #expect(fake.errorCodes == ["unsupported_file"])
            let pdf = try await upload(
                school, id, "stampedScan", "盖章件.pdf", "application/pdf", Data("%PDF-1.7\n…".utf8))
            #expect(pdf.status == .created)
            // The type is the content's, not what the browser claimed.
            let png = try await upload(
                school, id, "justification", "scan.png", "application/octet-stream", Self.png)
            #expect(png.status == .created)
            #expect(
                try await upload(school, id, "justification", "scan.jpg", "image/jpeg", Self.jpeg).status
                    == .created)
            let pngID = try #require(png.json["id"] as? String)
            let download = try await school.send(.GET, "/api/v1/applications/\(id)")
            #expect((download.json["attachments"] as? [[String: Any]])?.count == 3)
            #expect(
                try await school.send(.DELETE, "/api/v1/applications/\(id)/attachments/\(pngID)").status
                    == .noContent)
            #expect(
                (try await school.send(.GET, "/api/v1/applications/\(id)").json["attachments"]
                    as? [[String: Any]])?.count == 2)

            let web = Client(app)
            try await web.webLogin("secondary")
            let page = try await web.send(.GET, "/applications/\(id)")
            #expect(page.body.contains("<td>加盖公章扫描件</td>") && page.body.contains(" KB</td>"))
            #expect(page.body.contains("仅接受 PDF、JPEG 或 PNG 文件"))
            // A refused upload in the browser stays on the page with the reason.
            let refused = try await web.multipart(
                "/applications/\(id)/attachments",
                fields: [("_csrf", web.csrf(from: page)), ("purpose", "stampedScan")],
                file: ("file", "x.pdf", "application/pdf", Data("not a pdf".utf8)))
            #expect(refused.status == .unprocessableEntity && refused.body.contains("不是可接受的文件"))

            try await school.send(.POST, "/api/v1/applications/\(id)/submit")
            let late = try await upload(
                school, id, "stampedScan", "b.pdf", "application/pdf", Data("%PDF-1.7".utf8))
            #expect(late.status == .conflict)
            let first = try #require(
                (try await school.send(.GET, "/api/v1/applications/\(id)").json["attachments"]
                    as? [[String: Any]])?
                    .first?["id"] as? String)
            #expect(
                try await school.send(.DELETE, "/api/v1/applications/\(id)/attachments/\(first)").status
                    == .conflict)
        }
    }

    @Test("HN-12: where the policy demands it, submission needs the stamped scan", arguments: TestDB.all)
    func stampedScanAtSubmission(db: TestDB) async throws {
        try await withApp(db, demo: true) { app, _ in
            let admin = Client(app)
            try await admin.login("admin", adminPassword)
            var doc = try await admin.send(.GET, "/api/v1/policy").json
            var rules = try #require(doc["rules"] as? [String: Any])
            rules["stampedScanAtSubmission"] = true
            doc["rules"] = rules
            #expect(
                try await admin.send(
                    .PUT, "/api/v1/policy", body: try JSONSerialization.data(withJSONObject: doc),
                    contentType: "application/json"
                ).status == .ok)
            let (school, id) = try await ApplicationFlowTests.drafted(app, by: "highervoc")
            #expect(
                try await school.send(.POST, "/api/v1/applications/\(id)/submit").errorCodes == [
                    "stamped_scan_required"
                ])
            #expect(
                try await upload(
                    school, id, "stampedScan", "盖章.pdf", "application/pdf", Data("%PDF-1.4".utf8)
                ).status == .created)
            #expect(
                try await school.send(.POST, "/api/v1/applications/\(id)/submit").json["status"] as? String
                    == "provinceReview")
        }
    }
}
