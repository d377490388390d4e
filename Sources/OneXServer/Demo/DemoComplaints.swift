import Fluent
import Foundation
import OneXDomain

/// Complaints in the demo year (AH41-2): from June, five complaints about organisations stand
/// in every state — waiting to be taken up, investigated, waiting for the organisation's reply,
/// reported to the MoE, concluded — so every list shows something on first start.
extension DemoYear {
    func complaints(until today: LocalDate) async {
        guard today >= LocalDate(year: year, month: 6, day: 20) else { return }
        let office = Self.actor("province", .provinceAdmin, nil)
        let cases:
            [(school: String, org: String, certificate: String?, what: String, steps: [ComplaintStep])] = [
                ("Z001", "ORG-ZWL", "1-004", "考核成绩公布延迟两个月，考生多次询问未获答复", []),
                ("G002", "ORG-ZCX", "1-005", "考核设备与标准要求不符，部分考生无法完成实操", [.accept]),
                ("Z002", "ORG-GXBJK", "1-002", "培训评价组织要求院校统一购买指定教材", [.accept, .forward]),
                (
                    "G001", "ORG-ZFZZ", "1-003", "考评员未按规定回避，与考生存在师生关系",
                    [.accept, .forward, .reply, .reportToMoE]
                ),
                ("S001", "ORG-ZWL", nil, "证书发放超过承诺时限", [.accept, .forward, .reply, .close]),
            ]
        for (n, c) in cases.enumerated() {
            guard let school = await account(.school, school: c.school) else { continue }
            let unitName =
                (try? await School.query(on: db).filter(\.$code == c.school).first())?.name ?? c.school
            guard
                let id = await step(
                    "\(c.school) files a complaint",
                    {
                        try await ComplaintService.file(
                            .init(
                                organization: c.org, certificate: c.certificate, what: c.what,
                                occurredOn: "\(year)-06-\(String(format: "%02d", 1 + n))"),
                            evidence: nil, actor: school, unitName: unitName, now: at(6, 10 + n), on: db)
                    })
            else { continue }
            let org = await account(.organization, organization: c.org)
            for (k, s) in c.steps.enumerated() {
                let actor = s == .reply ? org : office
                guard let actor else { continue }
                let text: String =
                    switch s {
                    case .accept: "已受理，开展调查核实"
                    case .forward: "请评价组织就投诉事项作出书面说明"
                    case .reply: "已核实情况并整改，附整改说明"
                    case .reportToMoE: "将调查材料和处理建议报教育部职成司"
                    case .close: "经调查核实，评价组织已整改到位，予以办结"
                    }
                await step("complaint \(c.school) \(s.rawValue)") {
                    _ = try await ComplaintService.step(
                        id, s, text: text,
                        day: s == .reportToMoE ? "\(year)-06-\(String(format: "%02d", 16 + k))" : nil,
                        actor: actor, now: at(6, 16 + k), on: db)
                }
            }
        }
    }
}
