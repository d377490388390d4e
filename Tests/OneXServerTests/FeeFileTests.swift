import Foundation
import OneXDomain
import Testing
import VaporTesting

@testable import OneXServer

/// Files kept with fee standards and payments, and payments allocated to certificates
/// (MOE12-2, GD-1).
@Suite("Fee files and payment allocation (MOE12-2, GD-1)")
struct FeeFileTests {
    static let pdf = ("file", "申请.pdf", "application/pdf", "%PDF-1.4 written request")

    @Test(
        "MOE12-2: a raise is verified only with the organisation's written request on file; files are the proposer's to add, before the decision",
        arguments: TestDB.all)
    func raiseNeedsWrittenRequest(db: TestDB) async throws {
        try await withApp(db, demo: true) { app, _ in
            try await PaymentTests.publish(app, amount: 30000, from: "2026-01-01")
            let org = Client(app)
            let lead = Client(app)
            let reviewer = Client(app)
            let school = Client(app)
            try await org.login("org")
            try await lead.login("school-g005")
            try await reviewer.login("reviewer")
            try await school.login("highervoc")
            let raise = try await org.send(
                .POST, "/api/v1/fee-standards",
                json: FeeStandardTests.proposal(35000, from: "2027-01-01", raise: "考评员劳务上调"))
            let id = try #require(raise.json["id"] as? String)
            let path = "/api/v1/fee-standards/\(id)"
            _ = try await lead.send(
                .POST, path + "/review",
                json:
                    #"{"meetingOn":"2026-03-01","opinions":[{"expert":"E001","opinion":"同意"}],"conclusion":"同意"}"#
            )
            #expect(
                try await reviewer.send(.POST, path + "/decision", json: #"{"decision":"verify"}"#).errorCodes
                    == ["raise_request_missing"])
            // A renamed executable is not a request; a school cannot add files to a standard.
            #expect(
                try await org.multipart(
                    path + "/attachments", fields: [("purpose", "raiseRequest")],
                    file: ("file", "申请.pdf", "application/pdf", "MZ\u{90}\u{00}binary")
                ).errorCodes == ["unsupported_file"])
            #expect(
                try await org.multipart(
                    path + "/attachments", fields: [("purpose", "voucher")], file: Self.pdf
                )
                .errorCodes == ["invalid"], "a voucher belongs to a payment")
            #expect(
                try await school.multipart(
                    path + "/attachments", fields: [("purpose", "raiseRequest")], file: Self.pdf
                )
                .status == .forbidden)
            let file = try await org.multipart(
                path + "/attachments", fields: [("purpose", "raiseRequest")], file: Self.pdf)
            #expect(file.status == .created && file.json["purpose"] as? String == "raiseRequest")
            let fileID = try #require(file.json["id"] as? String)
            #expect(
                try await reviewer.send(.POST, path + "/decision", json: #"{"decision":"verify"}"#).json[
                    "status"]
                    as? String == "verified")
            let download = try await reviewer.send(.GET, path + "/attachments/\(fileID)")
            #expect(download.status == .ok && download.body.hasPrefix("%PDF"))
            #expect(
                try await org.multipart(
                    path + "/attachments", fields: [("purpose", "costBreakdown")], file: Self.pdf
                )
                .status == .conflict, "decided: no more files")
            let admin = Client(app)
            try await admin.login("admin", adminPassword)
            let audit = try await admin.send(.GET, "/api/v1/audit")
            #expect(audit.body.contains("\"attach\""))
            // The page lists the file by name and purpose.
            let web = Client(app)
            try await web.webLogin("reviewer")
            let page = try await web.send(.GET, "/fees/standards/\(id)")
            #expect(page.body.contains("申请.pdf") && page.body.contains("上调标准书面申请"))
        }
    }

    @Test(
        "GD-1: a payment may be allocated to the organisation's certificates, never beyond its amount; its voucher is the paying school's to add",
        arguments: TestDB.all)
    func allocationAndVoucher(db: TestDB) async throws {
        try await withApp(db, demo: true) { app, _ in
            let g001 = Client(app)
            let z001 = Client(app)
            let org = Client(app)
            try await g001.login("highervoc")
            try await z001.login("secondary")
            try await org.login("org")
            func pay(_ allocation: String) async throws -> Reply {
                try await g001.send(
                    .POST, "/api/v1/payments",
                    json:
                        #"{"organization":"ORG-ZWL","amount":100000,"paidOn":"2026-03-14","fundingSource":"tuition","allocation":\#(allocation)}"#
                )
            }
            #expect(
                try await pay(#"[{"certificate":"1-003","amount":1000}]"#).errorCodes == ["unknown_reference"]
            )
            #expect(
                try await pay(#"[{"certificate":"1-004","amount":100001}]"#).errorCodes
                    == ["allocation_exceeds_amount"])
            #expect(
                try await pay(#"[{"certificate":"1-004","amount":500},{"certificate":"1-004","amount":500}]"#)
                    .errorCodes == ["duplicate"])
            let paid = try await pay(#"[{"certificate":"1-004","amount":60000}]"#)
            #expect(paid.status == .created)
            let allocation = try #require(paid.json["allocation"] as? [[String: Any]])
            #expect(
                allocation.first?["certificate"] as? String == "1-004"
                    && allocation.first?["amount"] as? Int == 60000)
            let id = try #require(paid.json["id"] as? String)
            let path = "/api/v1/payments/\(id)/attachments"
            #expect(
                try await z001.multipart(path, fields: [("purpose", "voucher")], file: Self.pdf).status
                    == .notFound)
            #expect(
                try await org.multipart(path, fields: [("purpose", "voucher")], file: Self.pdf).status
                    == .forbidden)
            let voucher = try await g001.multipart(path, fields: [("purpose", "voucher")], file: Self.pdf)
            #expect(voucher.status == .created)
            let fileID = try #require(voucher.json["id"] as? String)
            #expect(
                try await org.send(.GET, path + "/\(fileID)").status == .ok, "the organisation paid reads it")
            #expect(try await z001.send(.GET, path + "/\(fileID)").status == .notFound)

            // In the browser: the allocation box, one certificate per line, in yuan.
            let web = Client(app)
            try await web.webLogin("highervoc")
            let form = try await web.send(.GET, "/fees/payments")
            let fields = [
                ("_csrf", web.csrf(from: form)), ("organization", "ORG-ZWL"), ("amount", "800"),
                ("paidOn", "2026-03-14"), ("fundingSource", "appropriation"), ("voucher", ""), ("note", ""),
            ]
            let bad = try await web.form("/fees/payments", fields + [("allocation", "1-004 九百")])
            #expect(bad.status == .unprocessableEntity && bad.body.contains("分配明细第1行"))
            #expect(bad.body.contains("1-004 九百"), "what was typed is kept")
            // Recorded (with the warning that G001 has no exams with ORG-ZWL yet).
            let good = try await web.form("/fees/payments", fields + [("allocation", "1-004：300.50")])
            #expect(good.status == .ok && good.body.contains("¥800.00"))
            let listed = try #require(
                try await g001.send(.GET, "/api/v1/payments").json["items"] as? [[String: Any]])
            #expect(
                listed.contains {
                    $0["amount"] as? Int == 80000
                        && ($0["allocation"] as? [[String: Any]])?.first?["amount"] as? Int == 30050
                })
            let page = try await web.send(.GET, "/fees/payments/\(id)")
            #expect(
                page.body.contains("物流管理") && page.body.contains("¥600.00") && page.body.contains("¥400.00"))
            #expect(page.body.contains("付款凭证") && page.body.contains("name=\"file\""))
        }
    }
}
