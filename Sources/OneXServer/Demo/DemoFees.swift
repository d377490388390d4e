import Foundation
import OneXDomain

/// The fee-standard chain in the demo year (MOE12-1, MOE12-2): one standard of each state —
/// published (lowered by the province), a raise of it waiting for review, verified and not yet
/// published, reviewed and waiting for the province, just proposed, and one rejected — so the
/// fee pages show something real on first start.
extension DemoYear {
    func fees() async throws {
        let admin = Self.actor("admin", .provinceAdmin, nil)
        func org(_ code: String) -> Actor { Self.actor(code.lowercased(), .organization, code) }
        func lead(_ code: String) -> Actor { Self.actor("school-\(code.lowercased())", .school, code) }
        func propose(
            _ org: Actor, _ certificate: String, _ amount: Int, from: String, raise: String? = nil,
            on day: Date
        ) async -> UUID? {
            await step("the fee standard of \(certificate) from \(from)") {
                try await FeeStandardService.propose(
                    .init(
                        certificate: certificate, level: .junior, amount: amount, effectiveFrom: from,
                        breakdown: "考评员劳务、场地与设备、耗材、命题与阅卷、证书制作", raiseRequest: raise),
                    actor: org, now: day, on: db)
            }
        }
        func review(_ id: UUID?, by lead: Actor, on day: Date) async {
            guard let id else { return }
            await step("the expert review of \(id)") {
                try await FeeStandardService.review(
                    id,
                    FeeReview(
                        meetingOn: LocalDate(day),
                        opinions: [
                            ExpertOpinion(expert: "E001", opinion: "成本构成基本合理，耗材单价略高"),
                            ExpertOpinion(expert: "E007", opinion: "同意，建议适当下调"),
                        ], conclusion: "建议在申报金额基础上下调约5%后核定"), actor: lead, now: day, on: db)
            }
        }
        func decide(_ id: UUID?, _ decision: String, amount: Int? = nil, comment: String, on day: Date) async
        {
            guard let id else { return }
            await step("the province's decision on \(id)") {
                try await FeeStandardService.decide(
                    id, .init(decision: decision, amount: amount, comment: comment),
                    actor: Self.reviewer, now: day, on: db)
            }
        }
        // 物流管理: proposed, reviewed by G005, lowered and published; then a raise is asked for.
        let logistics = await propose(org("ORG-ZWL"), "1-004", 40000, from: "\(year)-03-01", on: at(1, 10))
        await review(logistics, by: lead("G005"), on: at(1, 20))
        await decide(logistics, "verify", amount: 38000, comment: "按专家意见下调后核定", on: at(2, 1))
        if let logistics {
            await step("the publication of 1-004") {
                try await FeeStandardService.publish(
                    logistics, .init(documentNumber: "豫教财〔\(year)〕5号", publishedOn: "\(year)-02-10"),
                    actor: admin, now: at(2, 10), on: db)
            }
        }
        let raise = await propose(
            org("ORG-ZWL"), "1-004", 40500, from: "\(year + 1)-01-01",
            raise: "考评员劳务标准上调，申请自下一年度起上调考核费用", on: at(3, 5))
        if let raise {
            await step("the written request for the raise") {
                _ = try await FeeFileService.store(
                    .standard(try await FeeStandardService.find(raise, actor: org("ORG-ZWL"), on: db).0),
                    purpose: FeeFilePurpose.raiseRequest.rawValue,
                    file: Self.pdf(
                        "ORG-ZWL: written request to raise the 1-004 junior fee", name: "上调考核费用的申请.pdf"),
                    actor: org("ORG-ZWL"), now: at(3, 5), on: db)
            }
        }
        // 老年照护: reviewed by G001, waiting for the province.
        let care = await propose(org("ORG-ZFZZ"), "1-003", 36000, from: "\(year)-09-01", on: at(2, 15))
        await review(care, by: lead("G001"), on: at(2, 25))
        // 汽车运用与维修: just proposed to its lead school G004.
        _ = await propose(org("ORG-ZCX"), "1-005", 42000, from: "\(year)-10-01", on: at(3, 20))
        // Web前端开发: rejected for want of a breakdown the experts could check.
        let web = await propose(org("ORG-GXBJK"), "1-002", 33000, from: "\(year)-09-01", on: at(2, 5))
        await review(web, by: lead("G006"), on: at(2, 20))
        await decide(web, "reject", comment: "成本测算依据不足，请补充各项成本的测算明细后重新申报", on: at(3, 2))
        // 智能新能源汽车 has no alliance: the province verifies directly; not yet published.
        let ev = await propose(org("ORG-BJXNY"), "1-006", 39000, from: "\(year)-09-01", on: at(3, 1))
        await decide(ev, "verify", comment: "经第三方评估核定", on: at(3, 10))
    }
}
