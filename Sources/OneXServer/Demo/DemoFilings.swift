import Foundation
import OneXDomain

/// Filings and certificate decisions in the demo year (AH41-4, AH41-2): in March the
/// organisation of 物流管理 files a standard briefing (co-signed and acknowledged) and its
/// spring exams (waiting for the alliance), so the calendar and the unfiled exam days show
/// something; a school records its admission of 物流管理 and the exit of another certificate.
extension DemoYear {
    func filings(until today: LocalDate) async {
        guard today >= LocalDate(year: year, month: 3, day: 20) else { return }
        guard let org = await account(.organization, organization: "ORG-ZWL") else { return }
        let lead = await account(.school, school: "G005")
        let office = Self.actor("province", .provinceAdmin, nil)
        let briefing = await step("ORG-ZWL files a briefing") {
            try await FilingService.create(
                .init(
                    certificate: "1-004", kind: .standardBriefing, title: "物流管理职业技能等级标准宣贯会",
                    startsOn: "\(year)-04-08", endsOn: "\(year)-04-08", place: "郑州", participants: 120),
                actor: org, now: at(3, 20), on: db)
        }
        if let briefing, let lead {
            await step("G005 co-signs") {
                _ = try await FilingService.step(
                    briefing, .cosign, reason: nil, draft: nil, actor: lead, now: at(3, 22), on: db)
            }
            await step("the office acknowledges") {
                _ = try await FilingService.step(
                    briefing, .acknowledge, reason: nil, draft: nil, actor: office, now: at(3, 24), on: db)
            }
        }
        await step("ORG-ZWL files its spring exams") {
            _ = try await FilingService.create(
                .init(
                    certificate: "1-004", kind: .exam, title: "物流管理（初级）春季考核",
                    startsOn: "\(year)-05-16", endsOn: "\(year)-05-17", place: "郑州、洛阳", participants: 300),
                actor: org, now: at(3, 25), on: db)
        }
        if let school = await account(.school, school: "Z001") {
            await step("Z001 admits 物流管理") {
                _ = try await CertificateDecisionService.record(
                    .init(
                        certificate: "1-004", kind: .admit, decidedOn: "\(year)-01-15",
                        justification: "与本校物流服务与管理专业高度契合，合作企业普遍认可",
                        experts: "王建国（河南经贸职业学院）、李秀英"),
                    actor: school, now: at(3, 20), on: db)
            }
        }
    }
}
