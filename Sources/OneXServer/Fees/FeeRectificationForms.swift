import Fluent
import Foundation
import OneXDomain
import SQLKit

/// Anhui's two rectification lists (皖教秘职成〔2021〕38号 附件1, 附件2; AH38-7), filled from the
/// live figures: the certificates piloted without a standard in force, and what each school
/// still owes each organisation. The measure, deadline and responsible person are the unit's to
/// write until the rectification ledger keeps them; the deadline defaults to the policy's
/// settlement deadline, which is the seed's own (2021年12月底前).
enum FeeRectificationForms {
    static let names = ["standards", "payments"]

    static func attachment(_ name: String) -> String { name == "standards" ? "附件1" : "附件2" }

    static func title(_ name: String, province: String) -> String {
        name == "standards"
            ? "\(province)1+X证书考核费用标准未核定发布问题整改清单"
            : "\(province)1+X证书考核费用支付问题整改清单"
    }

    private static let signatures = ["单位负责人（签字）：", "联系人及电话：", "填表日期："]

    /// 附件1: one row per certificate with a level piloted and no published standard in force.
    static func standards(actor: Actor, unit: String, today: LocalDate, on db: any Database) async throws
        -> PrintForm
    {
        let policy = try await PolicyVersion.current(on: db)?.policy()
        let coverage = try await FeeCoverageService.coverage(actor: actor, today: today, on: db)
        let sql = try db.sql()
        let extra = try await sql.raw(
            """
            SELECT c.code AS certificate, c.batch, s.name AS lead_school FROM certificates c
            LEFT JOIN alliances a ON a.certificate_id = c.id LEFT JOIN schools s ON s.id = a.lead_school_id
            """
        ).all()
        var batch: [String: Int] = [:]
        var lead: [String: String] = [:]
        for r in extra {
            let code = try r.decode(column: "certificate", as: String.self)
            batch[code] = try r.decode(column: "batch", as: Int.self)
            lead[code] = try r.decode(column: "lead_school", as: String?.self)
        }
        // Every version of the missing certificates' standards, newest proposal last.
        let versions = try await sql.raw(
            """
            SELECT c.code AS certificate, f.level, f.status, f.effective_from FROM fee_standards f
            JOIN certificates c ON c.id = f.certificate_id ORDER BY f.proposed_at
            """
        ).all()
        var byLevel: [String: [(status: FeeStandardStatus, from: String)]] = [:]
        for r in versions {
            let key =
                "\(try r.decode(column: "certificate", as: String.self))|\(try r.decode(column: "level", as: String.self))"
            let raw = try r.decode(column: "status", as: String.self)
            byLevel[key, default: []].append(
                (
                    try .stored(raw, table: "fee_standards", column: "status", id: nil),
                    try r.decode(column: "effective_from", as: String.self)
                ))
        }
        let deadline = policy?.rules.settlementDeadlineDay?.chinese ?? ""
        let rows = coverage.missing.enumerated().map { i, m -> [String] in
            let progress = m.levels.map { level in
                level.chinese + "：" + progressText(byLevel["\(m.certificate)|\(level.rawValue)"] ?? [])
            }
            let piloted = LocalDate(m.pilotedSince).map { "\($0.chinese)起试点，\(m.daysWithout)天" } ?? ""
            return [
                String(i + 1), "\(m.certificateName)（\(m.certificate)，第\(batch[m.certificate] ?? 0)批）",
                m.organizationName, lead[m.certificate] ?? "", progress.joined(separator: "；"), piloted, "",
                deadline, "",
            ]
        }
        return PrintForm(
            title: title("standards", province: policy?.province ?? ""),
            header: [
                ("填报单位（盖章）", unit), ("统计日期", today.chinese),
                ("试点证书", "\(coverage.piloted)个，已发布执行标准\(coverage.covered)个，未核定发布\(coverage.missing.count)个"),
            ],
            tables: [
                (
                    [
                        "序号", "证书名称（代码，批次）", "培训评价组织", "牵头院校", "核定发布进展", "无标准试点时长", "整改措施",
                        "完成时限", "责任人及电话",
                    ],
                    rows
                )
            ],
            signatures: signatures)
    }

    /// Where a level stands on its way to a standard in force, from its versions in order.
    static func progressText(_ versions: [(status: FeeStandardStatus, from: String)]) -> String {
        if let pending = versions.last(where: { $0.status.isPending }) { return pending.status.chinese }
        if let later = versions.last(where: { $0.status == .published }) {
            return "已发布，\(LocalDate(later.from)?.chinese ?? later.from)起执行"
        }
        if versions.last?.status == .rejected { return "已退回培训评价组织" }
        return "培训评价组织未申报"
    }

    /// 附件2: one row per school and organisation that still owes money or has unpriced exams,
    /// in the reader's scope.
    static func payments(actor: Actor, unit: String, today: LocalDate, on db: any Database) async throws
        -> PrintForm
    {
        let policy = try await PolicyVersion.current(on: db)?.policy()
        let items = try await ArrearsService.items(
            actor: actor, school: nil, organization: nil, today: today, on: db
        ).filter { $0.outstanding > 0 || $0.unpricedAttended > 0 }
            .sorted { ($0.region, $0.school, $0.organization) < ($1.region, $1.school, $1.organization) }
        let deadline = policy?.rules.settlementDeadlineDay?.chinese ?? ""
        let rows = items.enumerated().map { i, item -> [String] in
            [
                String(i + 1), item.regionName, item.schoolName, item.organizationName,
                item.certificates.joined(separator: "、"), Fen.groupedText(max(0, item.outstanding)),
                reasons(item).joined(separator: "；"), "", deadline, "",
            ]
        }
        let owed = ArrearsService.total(items).owed
        return PrintForm(
            title: title("payments", province: policy?.province ?? ""),
            header: [
                ("填报单位（盖章）", unit), ("统计日期", today.chinese),
                ("欠费合计", "\(Fen.groupedText(owed))元，涉及\(items.count)项"),
            ],
            tables: [
                (
                    [
                        "序号", "所在市", "院校名称", "培训评价组织", "证书名称", "欠费金额（元）", "欠费原因", "整改措施", "完成时限",
                        "责任人及电话",
                    ],
                    rows
                )
            ],
            signatures: signatures)
    }

    /// What the figures say about why money is still owed; the school adds its own.
    static func reasons(_ item: ArrearsService.Item) -> [String] {
        var out: [String] = []
        if item.unpricedAttended > 0 { out.append("考核费用标准未核定发布，\(item.unpricedAttended)人次考核未计价") }
        if item.paid > item.confirmed {
            out.append("已付\(Fen.groupedText(item.paid - item.confirmed))元待培训评价组织确认")
        }
        if item.overdue > 0 { out.append("逾期\(Fen.groupedText(item.overdue))元") }
        return out
    }
}
