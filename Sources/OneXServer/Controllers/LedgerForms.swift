import OneXDomain
import Vapor

/// The ledger's printed documents: Anhui's 附件3 整改任务销号申请单 filled from an item and its
/// evidence (AH38-7), and the notice-and-interview list (通报约谈名单, AH38-6) under the
/// province's name; both A4 without the app's chrome, or `?format=xlsx`.
enum LedgerForms {
    static func register(on web: any RoutesBuilder) {
        web.get("ledger", "notice-list") { req in try await noticeList(req) }
        web.get("ledger", ":id", "form") { req in try await closureForm(req) }
    }

    static func closureForm(_ req: Request) async throws -> Response {
        let actor = try req.actor(reading: .ledgerItems)
        let id = try FeesAPI.id(req)
        let today = LocalDate(req.now)
        let row = try await RectificationService.visibleRow(id, actor: actor, on: req.db)
        let item = try await RectificationService.item(of: row, today: today, on: req.db)
        let figure = try await RectificationFigures.figure(of: row, today: today, on: req.db)
        let province = try await PolicyVersion.current(on: req.db)?.policy().province ?? ""
        let entries = item.entries ?? []
        let application = entries.last { $0.kind == .apply }
        let evidence = entries.compactMap(\.filename)
        let progress = entries.filter { $0.kind == .progress || $0.kind == .leaderReview }
        func decision(_ kind: RectificationEntryKind) -> String {
            guard let e = entries.last(where: { $0.kind == kind }), let day = LocalDate(e.onDay) else {
                return ""
            }
            return "\(e.text.isEmpty ? kind.chinese : e.text)（\(day.chinese)）"
        }
        var rows: [[String]] = [
            ["整改事项编号", item.number], ["问题类别", item.category.chinese], ["存在问题", item.problem],
            ["整改任务", item.task],
            ["责任单位", "\(item.responsibleName)（\(item.responsibleKind.chinese)）"],
            ["责任人及电话", [item.person, item.phone].compactMap { $0 }.joined(separator: " ")],
            ["整改时限", LocalDate(item.deadline)?.chinese ?? item.deadline],
            [
                "整改进展报送",
                progress.isEmpty
                    ? "无"
                    : "共\(progress.count)次，最近一次\(LocalDate(progress.last!.onDay)?.chinese ?? progress.last!.onDay)",
            ],
            ["整改完成情况", application?.text ?? ""],
            ["佐证材料", evidence.joined(separator: "、")],
        ]
        if let figure { rows.append(["当前数据（\(today.chinese)）", figure.text]) }
        if item.cityConfirms { rows.append(["市级教育行政部门复核意见", decision(.confirm)]) }
        rows.append(["\(item.closedBy.chinese)销号意见", decision(.close)])
        let form = PrintForm(
            title: "\(province)1+X证书考核费用标准核定及考核费用支付问题整改任务销号申请单",
            header: [
                ("申请单位（盖章）", item.responsibleName),
                ("申请日期", application.flatMap { LocalDate($0.onDay)?.chinese } ?? ""),
            ],
            tables: [(["项目", "内容"], rows)],
            signatures: ["申请单位负责人（签字）：", "市级教育行政部门（盖章）：", "省教育厅（盖章）："]
                .filter { item.cityConfirms || !$0.hasPrefix("市级") })
        return try await PrintSheet.response(
            form, attachment: "附件3", file: "附件3-销号申请单-\(item.number)", back: SitePath.ledgerItem(id).path,
            req: req)
    }

    static func noticeList(_ req: Request) async throws -> Response {
        let actor = try req.actor(reading: .ledgerItems)
        guard actor.role.seesWholeProvince || actor.role == .cityReviewer else { throw AppError.forbidden }
        let today = LocalDate(req.now)
        let lines = try await RectificationFigures.noticeList(actor: actor, today: today, on: req.db)
        let issuer: String =
            actor.role == .cityReviewer
            ? (req.currentUser?.unitName ?? "") : try await MonitoringService.issuingUnit(on: req.db)
        let rows = lines.enumerated().map { i, l -> [String] in
            [
                String(i + 1), l.unit, l.kind.chinese, String(l.tally.open), String(l.tally.overdue),
                String(l.tally.noMonthlyProgress), l.items.map(\.number).joined(separator: "、"),
            ]
        }
        let form = PrintForm(
            title: "1+X证书考核费用问题整改工作通报约谈名单",
            header: [
                ("发布单位", issuer), ("统计日期", today.chinese),
                ("列入名单单位", "\(lines.count)个（有逾期未销号事项或本月未报送整改进展）"),
            ],
            tables: [(["序号", "责任单位", "单位类型", "未销号事项", "逾期未销号", "本月未报送进展", "事项编号"], rows)],
            signatures: ["（盖章）", "日期："])
        return try await PrintSheet.response(
            form, attachment: "", file: "整改通报约谈名单-\(today)", back: SitePath.ledger.path, req: req)
    }
}
