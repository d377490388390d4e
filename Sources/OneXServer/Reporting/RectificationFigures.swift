import Fluent
import Foundation
import OneXDomain

/// The ledger's link to the fee figures: items generated from them (one per certificate
/// without a published standard, one per school × organisation with arrears), and the live
/// figure a linked item's closure is judged by (AH38-4).
enum RectificationFigures {
    /// The figure now, in words, and whether it still shows the problem.
    struct Figure: Codable, Sendable {
        var text: String
        var resolved: Bool
    }

    /// The fee figures are province figures; they are read with the province's eyes and only
    /// the item's own line is shown.
    static let province = Actor(username: "ledger", role: .provinceAdmin, unit: nil)

    static func figure(of row: RectificationItemRow, today: LocalDate, on db: any Database) async throws
        -> Figure?
    {
        switch try row.categoryValue {
        case .arrears:
            guard let school = row.linkSchool, let organization = row.linkOrganization else { return nil }
            let items = try await ArrearsService.items(
                actor: province, school: school, organization: organization, today: today, on: db)
            let owed = items.reduce(0) { $0 + max(0, $1.outstanding) }
            let unpriced = items.reduce(0) { $0 + $1.unpricedAttended }
            let waiting = items.reduce(0) { $0 + max(0, $1.paid - $1.confirmed) }
            if owed == 0 && unpriced == 0 { return Figure(text: "已结清，欠费为0元", resolved: true) }
            var parts = ["当前欠费\(Fen.groupedText(owed))元"]
            if unpriced > 0 { parts.append("另有\(unpriced)人次考核尚无已发布标准、未计价") }
            if waiting > 0 { parts.append("已付\(Fen.groupedText(waiting))元待培训评价组织确认") }
            return Figure(text: parts.joined(separator: "，"), resolved: false)
        case .feeStandard:
            guard let certificate = row.linkCertificate else { return nil }
            let coverage = try await FeeCoverageService.coverage(actor: province, today: today, on: db)
            guard let missing = coverage.missing.first(where: { $0.certificate == certificate }) else {
                return Figure(text: "考核费用标准已发布执行", resolved: true)
            }
            return Figure(
                text: "\(missing.levels.map(\.chinese).joined(separator: "、"))尚无已发布执行的考核费用标准",
                resolved: false)
        case .other:
            return nil
        }
    }

    struct Generated: Codable, Sendable {
        var created: Int
        /// Figures that already have an item not yet closed.
        var existing: Int
    }

    /// One item per problem the figures show that has no item still open (AH38-3): the
    /// organisation for a certificate without a published standard, the school for what it
    /// owes an organisation. By the province office only.
    static func generate(deadline text: String?, actor: Actor, now: Date, on db: any Database) async throws
        -> Generated
    {
        guard actor.role == .provinceAdmin else { throw AppError.forbidden }
        guard let deadline = LocalDate(text ?? ""), deadline >= LocalDate(now) else {
            throw AppError.invalid([FieldError(code: "invalid", .ledgerDeadlinePast, field: "deadline")])
        }
        let today = LocalDate(now)
        let open = try await RectificationItemRow.query(on: db).filter(
            \.$status != RectificationStatus.closed.rawValue
        )
        .all()
        let linked = Set(
            open.map {
                "\($0.category)|\($0.linkCertificate ?? "")|\($0.linkSchool ?? "")|\($0.linkOrganization ?? "")"
            })
        var result = Generated(created: 0, existing: 0)
        var items: [RectificationService.NewItem] = []
        let coverage = try await FeeCoverageService.coverage(actor: province, today: today, on: db)
        let certificates = try await Certificate.query(on: db).with(\.$organization).all()
        let organizations = Dictionary(
            certificates.map {
                (
                    $0.code,
                    RectificationService.Responsible(
                        kind: .organization, code: $0.organization.code, name: $0.organization.name,
                        organization: $0.organization.code)
                )
            }, uniquingKeysWith: { a, _ in a })
        for m in coverage.missing {
            guard !linked.contains("\(RectificationCategory.feeStandard.rawValue)|\(m.certificate)||"),
                let responsible = organizations[m.certificate]
            else {
                result.existing += 1
                continue
            }
            let since = LocalDate(m.pilotedSince)?.chinese ?? m.pilotedSince
            items.append(
                .init(
                    category: .feeStandard,
                    problem:
                        "\(m.certificateName)（\(m.certificate)）自\(since)起试点，\(m.levels.map(\.chinese).joined(separator: "、"))至今（\(m.daysWithout)天）无已发布执行的考核费用标准",
                    task: "按不高于成本上限申报考核费用标准，配合牵头院校专家论证，经省级核定后发布执行",
                    responsible: responsible, person: nil, phone: nil, deadline: deadline,
                    link: (m.certificate, nil, nil)))
        }
        let owing = try await ArrearsService.items(
            actor: province, school: nil, organization: nil, today: today, on: db
        ).filter { $0.outstanding > 0 }
        var schools: [String: RectificationService.Responsible] = [:]
        for s in try await School.query(on: db).with(\.$region).all() {
            schools[s.code] = .init(
                kind: .school, code: s.code, name: s.name, schoolKind: try s.kindValue, school: s.code,
                region: s.region.code)
        }
        for a in owing {
            guard
                !linked.contains("\(RectificationCategory.arrears.rawValue)||\(a.school)|\(a.organization)"),
                let responsible = schools[a.school]
            else {
                result.existing += 1
                continue
            }
            var problem = "\(a.schoolName)欠\(a.organizationName)考核费用\(Fen.groupedText(a.outstanding))元"
            if a.overdue > 0 { problem += "（其中逾期\(Fen.groupedText(a.overdue))元）" }
            items.append(
                .init(
                    category: .arrears, problem: problem, task: "核对考核人数与费用，按核定标准结清欠费，并由培训评价组织确认收款",
                    responsible: responsible, person: nil, phone: nil, deadline: deadline,
                    link: (nil, a.school, a.organization)))
        }
        try await RectificationService.insert(items, actor: actor, now: now, on: db)
        result.created = items.count
        return result
    }

    /// The notice-and-interview list (AH38-6): every responsible unit with an overdue item or
    /// one without this month's progress, worst first.
    static func noticeList(actor: Actor, today: LocalDate, on db: any Database) async throws
        -> [(
            unit: String, kind: ResponsibleKind, tally: RectificationUnitTally,
            items: [RectificationService.Item]
        )]
    {
        let items = try await RectificationService.list(actor: actor, filter: .init(), today: today, on: db)
            .filter { $0.status != .closed }
        var byUnit: [String: [RectificationService.Item]] = [:]
        for i in items {
            byUnit["\(i.responsibleKind.role.rawValue):\(i.responsibleUnit)", default: []].append(i)
        }
        return byUnit.values.map { list in
            var t = RectificationUnitTally()
            for i in list {
                t.open += 1
                if i.flags.contains(.overdue) { t.overdue += 1 }
                if i.flags.contains(.noMonthlyProgress) { t.noMonthlyProgress += 1 }
            }
            return (list[0].responsibleName, list[0].responsibleKind, t, list)
        }.filter { $0.tally.listed }
            .sorted {
                RectificationUnitTally.precedes($0.tally, $1.tally)
                    || (!RectificationUnitTally.precedes($1.tally, $0.tally) && $0.unit < $1.unit)
            }
    }
}
