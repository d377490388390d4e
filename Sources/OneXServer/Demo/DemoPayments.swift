import Foundation
import NIOCore
import OneXDomain
import Vapor

/// Payments in the demo year (AH38-2, GD-1): one from each funding source — confirmed with its
/// voucher and allocation, disputed, still waiting, and paid ahead of a verified standard — and
/// a settlement deadline the province office set for the spring exams, so the arrears, their
/// ageing and what is overdue show on first start.
extension DemoYear {
    func payments() async throws {
        let today = LocalDate(app.onex.clock.now())
        func school(_ code: String) -> Actor {
            let named = ["G001": "highervoc", "Z001": "secondary"]
            return Self.actor(named[code] ?? "school-\(code.lowercased())", .school, code)
        }
        func org(_ code: String) -> Actor { Self.actor(code.lowercased(), .organization, code) }
        func pay(
            _ from: String, to organization: String, _ yuan: Int, _ source: FundingSource, on month: Int,
            _ day: Int,
            voucher: String, allocation: [PaymentAllocation]? = nil
        ) async -> PaymentService.Body? {
            guard LocalDate(year: year, month: month, day: day) <= today else { return nil }
            return await step("\(from)'s payment to \(organization)") {
                try await PaymentService.record(
                    .init(
                        organization: organization, amount: yuan * 100,
                        paidOn: LocalDate(year: year, month: month, day: day).description,
                        fundingSource: source, voucher: voucher, note: nil, allocation: allocation),
                    actor: school(from), now: at(month, day), on: db)
            }
        }
        let confirmed = await pay(
            "G002", to: "ORG-ZWL", 8000, .appropriation, on: 6, 5, voucher: "CZ-\(year)-0605",
            allocation: [PaymentAllocation(certificate: "1-004", amount: 800_000)])
        if let confirmed {
            await step("G002's voucher") {
                _ = try await FeeFileService.store(
                    .payment(try await PaymentService.find(confirmed.id, actor: school("G002"), on: db)),
                    purpose: FeeFilePurpose.voucher.rawValue,
                    file: Self.pdf("Payment voucher CZ-\(year)-0605, 8000.00 yuan", name: "付款凭证.pdf"),
                    actor: school("G002"), now: at(6, 6), on: db)
            }
            await step("ORG-ZWL confirms G002's payment") {
                _ = try await PaymentService.answer(
                    confirmed.id, dispute: nil, actor: org("ORG-ZWL"), now: at(6, 8), on: db)
            }
        }
        if let disputed = await pay(
            "G002", to: "ORG-ZWL", 3000, .tuition, on: 6, 20, voucher: "XF-\(year)-0620")
        {
            await step("ORG-ZWL disputes G002's second payment") {
                _ = try await PaymentService.answer(
                    disputed.id, dispute: "未查到该笔到账，请核对汇款账户与凭证", actor: org("ORG-ZWL"), now: at(6, 24), on: db)
            }
        }
        _ = await pay("Z001", to: "ORG-ZWL", 5000, .perStudent, on: 7, 1, voucher: "SJ-\(year)-0701")
        if let ahead = await pay("G001", to: "ORG-ZFZZ", 2000, .other, on: 6, 20, voucher: "QT-\(year)-0620")
        {
            await step("ORG-ZFZZ confirms G001's payment") {
                _ = try await PaymentService.answer(
                    ahead.id, dispute: nil, actor: org("ORG-ZFZZ"), now: at(6, 22), on: db)
            }
        }
        // The province office asks for the spring exams to be settled by the end of August.
        await step("the settlement deadline") {
            guard var policy = try await PolicyVersion.current(on: db)?.policy(),
                policy.rules.settlementDeadline == nil
            else { return }
            policy.rules.settlementDeadline = "\(year)-08-31"
            _ = try await PolicyService.publish(policy, author: "admin", at: at(7, 15), on: db)
        }
    }

    /// A one-page PDF with a line of text, for the demo's files.
    static func pdf(_ text: String, name: String) -> File {
        let safe = text.filter { $0.isASCII && $0 != "(" && $0 != ")" && $0 != "\\" }
        let stream = "BT /F1 14 Tf 72 760 Td (\(safe)) Tj ET"
        let objects = [
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
            "<< /Length \(stream.utf8.count) >>\nstream\n\(stream)\nendstream",
        ]
        var out = "%PDF-1.4\n"
        var offsets: [Int] = []
        for (n, o) in objects.enumerated() {
            offsets.append(out.utf8.count)
            out += "\(n + 1) 0 obj\n\(o)\nendobj\n"
        }
        let xref = out.utf8.count
        out += "xref\n0 \(objects.count + 1)\n0000000000 65535 f \n"
        for o in offsets { out += String(format: "%010d 00000 n \n", o) }
        out += "trailer\n<< /Size \(objects.count + 1) /Root 1 0 R >>\nstartxref\n\(xref)\n%%EOF\n"
        return File(data: ByteBuffer(string: out), filename: name)
    }
}
