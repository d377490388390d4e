import Foundation
import OneXDomain

/// The rectification ledger in the demo year (AH38-3..6): on 1 August the province office
/// generates items from the fee figures and adds a few by hand, and by autumn they stand in
/// every state — worked on monthly, applied for, confirmed by the city, closed by the office or
/// by 高教处, returned, and overdue without progress — so the ledger and the notice list show
/// something on first start.
extension DemoYear {
    func ledger(until today: LocalDate) async {
        guard today >= LocalDate(year: year, month: 8, day: 1) else { return }
        let office = Self.actor("province", .provinceAdmin, nil)
        let deadline = "\(year)-10-31"
        await step("items generated from the fee figures") {
            _ = try await RectificationFigures.generate(
                deadline: deadline, actor: office, now: at(8, 1), on: db)
        }
        func item(
            _ unit: String, _ kind: ResponsibleKind, _ problem: String, _ task: String, person: String,
            deadline: String = deadline
        ) async -> UUID? {
            await step("ledger item for \(unit)") {
                try await RectificationService.create(
                    .init(
                        category: .other, problem: problem, task: task, responsibleKind: kind,
                        responsibleUnit: unit,
                        person: person,
                        phone:
                            "0371-659\(String(format: "%05d", unit.unicodeScalars.reduce(0) { $0 * 31 + Int($1.value) } % 100000))",
                        deadline: deadline),
                    actor: office, now: at(8, 1, hour: 11), on: db)
            }
        }
        func when(_ month: Int, _ day: Int, _ what: String, _ body: () async throws -> Void) async {
            guard LocalDate(year: year, month: month, day: day) <= today else { return }
            await step(what, body)
        }
        let z001 = Self.actor("secondary", .school, "Z001")
        let g001 = Self.actor("highervoc", .school, "G001")
        let b001 = Self.actor("undergrad", .school, "B001")
        let s001 = Self.actor("provsecondary", .school, "S001")
        func progress(
            _ id: UUID?, _ actor: Actor, _ month: Int, _ day: Int, _ text: String, leader: String? = nil
        )
            async
        {
            guard let id else { return }
            await when(month, day, "\(actor.unit ?? "") reports progress") {
                try await RectificationSteps.progress(
                    id,
                    .init(
                        kind: leader == nil ? .progress : .leaderReview, text: text, leader: leader,
                        onDay: nil),
                    file: nil, actor: actor, now: at(month, day), on: db)
            }
        }
        func act(
            _ id: UUID?, _ step: RectificationStep, _ actor: Actor, _ month: Int, _ day: Int, _ text: String?
        )
            async
        {
            guard let id else { return }
            await when(month, day, "\(step.rawValue) by \(actor.username)") {
                _ = try await RectificationSteps.step(
                    id, step, text: text,
                    file: step == .apply
                        ? Self.pdf("Evidence \(year)-\(month)-\(day)", name: "整改佐证材料.pdf") : nil,
                    actor: actor, now: at(month, day, hour: 15), on: db)
            }
        }
        // Z001 (secondary): worked on monthly, applied, confirmed by 郑州; waits for the office.
        let budget = await item(
            "Z001", .school, "考核费用未纳入学校年度部门预算，付款依赖临时调剂",
            "将1+X证书考核费用纳入下一年度部门预算，明确经费来源", person: "陈静")
        await progress(budget, z001, 8, 20, "已向财务处提交预算调整申请")
        await progress(budget, z001, 9, 5, "分管校领导专题调度，确定从生均拨款列支", leader: "刘副校长")
        await progress(budget, z001, 9, 25, "预算调整经校长办公会通过")
        await act(budget, .apply, z001, 10, 12, "考核费用已纳入年度预算，附校长办公会纪要")
        await act(budget, .confirm, DemoYear.zhengzhou, 10, 16, "经复核，整改到位")
        // G001 (higher vocational): applied and closed by the office.
        let records = await item(
            "G001", .school, "考核费用支付凭证未归档，无法与培训评价组织对账",
            "建立考核费用支付台账，补齐凭证并与培训评价组织逐笔对账", person: "赵磊")
        await progress(records, g001, 8, 15, "已补齐六月以来全部付款凭证")
        await act(records, .apply, g001, 9, 10, "已建立支付台账并完成对账，附对账单")
        await act(records, .close, office, 9, 18, "同意销号")
        // B001 (undergraduate): applied; 高教处 has not decided yet.
        let students = await item(
            "B001", .school, "证书考核报名信息与学籍信息不一致", "核对报名学生学籍，更正全国平台报名信息",
            person: "孙丽")
        await progress(students, b001, 8, 28, "已核对学籍，更正12条报名信息")
        await act(students, .apply, b001, 9, 20, "报名信息已全部更正，附更正清单")
        // S001 (province-run secondary): applied, returned by the office with a reason.
        let contract = await item(
            "S001", .school, "与培训评价组织未签订考核服务协议", "与培训评价组织签订考核服务协议，明确费用标准与结算时限",
            person: "杨帆")
        await act(contract, .apply, s001, 9, 8, "已与培训评价组织沟通")
        await act(contract, .return, office, 9, 12, "未附已签订的协议文本，请签订后附协议扫描件重新申请")
        // 郑州市教育局: overdue and silent, so it heads the notice list.
        _ = await item(
            "4101", .cityBureau, "未建立区域内中职学校考核费用整改工作台账", "建立区域整改台账，每月汇总报送省试点工作协调推进办公室",
            person: "张伟", deadline: "\(year)-09-30")
    }
}
