import Fluent
import OneXDomain
import OneXTabular
import Vapor

/// Which forms exist: Henan 附件1–3 and Anhui 附件1–3.
enum FormsCatalogue {
    static let henan = ["henan-1", "henan-2", "henan-3"]
    static let anhui = ["anhui-1", "anhui-2", "anhui-3"]

    static func names(for policy: Policy?) -> [String] {
        policy?.province.contains("安徽") == true ? anhui : henan
    }

    /// The forms an application needs: its province's, and only those for the kinds of line it
    /// holds (a summary of all lines always).
    static func names(for policy: Policy?, kinds: Set<LineKind>) -> [String] {
        names(for: policy).filter { name in
            switch name {
            case "henan-1", "anhui-1": kinds.contains(.new)
            case "henan-2", "anhui-3": kinds.contains(.increase)
            case "henan-3": kinds.contains(.decrease)
            default: true
            }
        }
    }

    static func title(_ name: String) -> String {
        switch name {
        case "henan-1": "附件1 新增申报汇总表"
        case "henan-2": "附件2 调增申报汇总表"
        case "henan-3": "附件3 调减申报汇总表"
        case "anhui-1": "附件1 申报表"
        case "anhui-2": "附件2 校级汇总表"
        case "anhui-3": "附件3 调整申请表"
        default: name
        }
    }

    /// Fills a form from the application's lines; `before` is each line's plan count before it.
    static func build(
        _ name: String, school: String, year: Int, submitted: LocalDate?, lines: [ApplicationLine],
        before: [Int], earlierCertificates: Set<String>, certificateNames: [String: String],
        organizations: [String: String]
    ) -> PrintForm? {
        // Filled in, dates read the Chinese way (2026年3月15日); blank, they keep the seed's lines.
        let date = submitted.map(\.chinese) ?? "_____ 年 ___ 月 ___ 日"
        let period = (submitted.map(\.chinese) ?? "_____ 年 ___ 月 ___ 日") + " 至 \(year)年12月31日"
        let leaders = [
            "院校主管 1+X 证书制度工作校领导（签字）：", "院校 1+X 证书制度工作主管部门负责人（签字）：",
            "院校 1+X 证书制度工作联系人姓名及联系电话：",
        ]
        let indexed = Array(zip(lines, before).enumerated())
        func certName(_ l: ApplicationLine) -> String { certificateNames[l.certificate] ?? l.certificate }
        func reason(_ l: ApplicationLine) -> String {
            l.reason.flatMap { DecreaseReason(rawValue: $0)?.chinese } ?? l.reason ?? ""
        }
        switch name {
        case "henan-1":
            // 新开展 = a certificate the school has never had a plan for; 已开展 = one it has run before.
            let newLines = lines.filter { $0.kind == .new }
            let new = newLines.filter { !earlierCertificates.contains($0.certificate) }
            let existing = newLines.filter { earlierCertificates.contains($0.certificate) }
            let n = max(new.count, existing.count, 8)
            let rows = (0..<n).map { i -> [String] in
                let a = i < new.count ? new[i] : nil
                let b = i < existing.count ? existing[i] : nil
                return [
                    String(i + 1), a.map(certName) ?? "", a?.level.chinese ?? "",
                    a.map { String($0.count) } ?? "",
                    String(i + 1), b.map(certName) ?? "", b?.level.chinese ?? "",
                    b.map { String($0.count) } ?? "",
                ]
            }
            return PrintForm(
                title: "新增申报汇总表",
                header: [
                    ("院校名称（加盖院校公章）", school), ("申报日期", date),
                    ("计划使用时间（计划使用截止时间为申报当年 12 月 31 日）", period),
                ],
                tables: [
                    (["序号", "新开展的证书名称", "证书级别", "申报考核计划人数", "序号", "已开展的证书名称", "证书级别", "申报考核计划人数"], rows)
                ],
                signatures: leaders)
        case "henan-2", "henan-3":
            let increase = name == "henan-2"
            let chosen = indexed.filter { $0.element.0.kind == (increase ? .increase : .decrease) }.map {
                $0.element
            }
            var rows = chosen.enumerated().map { i, pair -> [String] in
                let (l, b) = pair
                return [
                    String(i + 1), certName(l), l.level.chinese, String(b), String(l.count),
                    String(increase ? b + l.count : b - l.count), reason(l),
                ]
            }
            while rows.count < 8 { rows.append([String(rows.count + 1), "", "", "", "", "", ""]) }
            let verb = increase ? "调增" : "调减"
            var header = [("院校名称（加盖院校公章）", school), ("申报日期", date)]
            if increase { header.append(("计划使用时间（计划使用截止时间为申报当年12月31日）", period)) }
            return PrintForm(
                title: "\(verb)申报汇总表", header: header,
                tables: [
                    (
                        [
                            "序号", "申报\(verb)证书名称", "证书级别", "\(verb)前考核计划人数",
                            "计划净\(increase ? "增加" : "减少")人数", "\(verb)后考核计划人数", "\(verb)理由",
                        ], rows
                    )
                ],
                signatures: leaders)
        case "anhui-1":
            let rows = lines.filter { $0.kind == .new }.map { l -> [String] in
                [
                    certName(l), l.certificate, organizations[l.certificate] ?? "", l.level.chinese,
                    String(l.count), "",
                ]
            }
            return PrintForm(
                title: "安徽省 1+X 职业技能等级证书申报表（\(year)年）", header: [("申报院校（盖章）", school), ("填表日期", date)],
                tables: [(["证书名称", "证书代码", "培训评价组织", "等级", "拟考核人数", "专家论证意见"], rows)],
                signatures: ["论证专家（签字）：", "学校证书试点管理部门负责人（签字）：", "校级分管领导（签字）："])
        case "anhui-2":
            let rows = lines.enumerated().map { i, l -> [String] in
                [
                    String(i + 1), certName(l), l.level.chinese, l.kind.chinese, String(l.count),
                    earlierCertificates.contains(l.certificate) ? "上年已申报" : "",
                ]
            }
            return PrintForm(
                title: "\(year)年 1+X 证书考核计划校级汇总表", header: [("院校名称（盖章）", school), ("填表日期", date)],
                tables: [(["序号", "证书名称", "等级", "申报类型", "申报人数", "备注"], rows)],
                signatures: ["学校证书试点管理部门负责人（签字）：", "校级分管领导（签字）："])
        case "anhui-3":
            let rows = indexed.filter { $0.element.0.kind == .increase }.enumerated().map {
                i, item -> [String] in
                let (l, b) = item.element
                return [
                    String(i + 1), certName(l), l.level.chinese, String(b), String(l.count),
                    String(b + l.count), reason(l),
                ]
            }
            return PrintForm(
                title: "\(year)年 1+X 证书考核计划调整申请表", header: [("院校名称（盖章）", school), ("申请日期", date)],
                tables: [(["序号", "证书名称", "等级", "调整前人数", "调增人数", "调整后人数", "调整理由"], rows)],
                signatures: ["学校证书试点管理部门意见（签字）：", "校级分管领导意见（签字）："])
        default:
            return nil
        }
    }
}

enum FormsPage {
    static func render(_ row: ApplicationRow, name: String, req: Request) async throws -> Response {
        // The forms of the province's own policy only.
        guard FormsCatalogue.names(for: try await PolicyVersion.current(on: req.db)?.policy()).contains(name)
        else { throw AppError.notFound }
        let school = try await row.$school.get(on: req.db)
        let certificates = try await Certificate.query(on: req.db).with(\.$organization).all()
        let allPlans = try await PlanRow.query(on: req.db).with(\.$certificate).filter(
            \.$school.$id == school.requireID()
        ).all()
        let plans = allPlans.filter { $0.year == row.year }
        let earlier = Set(allPlans.filter { $0.year < row.year }.map(\.certificate.code))
        let changes = try await PlanChangeRow.query(on: req.db).filter(\.$application.$id == row.requireID())
            .all()
        let lines = try row.domainLines
        // The count before this application: today's count, less what this application changed.
        let before = lines.map { l -> Int in
            guard
                let plan = plans.first(where: {
                    $0.certificate.code == l.certificate && $0.level == l.level.rawValue
                })
            else { return 0 }
            let own = changes.filter { $0.$plan.id == plan.id }.reduce(0) { $0 + $1.count }
            return plan.count - own
        }
        guard
            let form = FormsCatalogue.build(
                name, school: school.name, year: row.year, submitted: row.submittedAt.map(LocalDate.init),
                lines: lines, before: before,
                earlierCertificates: earlier,
                certificateNames: Dictionary(uniqueKeysWithValues: certificates.map { ($0.code, $0.name) }),
                organizations: Dictionary(
                    uniqueKeysWithValues: certificates.map { ($0.code, $0.organization.name) }))
        else { throw AppError.notFound }
        return try await PrintSheet.response(
            form, attachment: FormsCatalogue.title(name).components(separatedBy: " ").first ?? "",
            file: "\(FormsCatalogue.title(name))-\(school.code)-\(row.year)",
            back: SitePath.application(try row.requireID()).path, req: req)
    }
}
