import Fluent
import Foundation
import OneXDomain
import SQLKit

/// Schools' payments to organisations (AH38-2, GD-1): the school records, the organisation
/// confirms or disputes, a mistake is reversed by a correcting entry. Read through the one
/// access policy (`Access.scope(of: .payments)`: a school its own, a city its schools, an
/// organisation those made to it, the province all).
enum PaymentService {
    struct Input: Codable, Sendable {
        var organization: String
        var amount: Int
        var paidOn: String
        var fundingSource: FundingSource
        var voucher: String?
        var note: String?
        var allocation: [PaymentAllocation]?
    }

    struct Answer: Codable, Sendable {
        var reason: String?
    }

    struct Body: Codable, Sendable {
        var id: UUID
        var school: String
        var schoolName: String
        var organization: String
        var organizationName: String
        var amount: Int
        var paidOn: String
        var fundingSource: FundingSource
        var voucher: String?
        var note: String?
        var corrects: UUID?
        var status: PaymentStatus
        var disputeReason: String?
        var allocation: [PaymentAllocation]?
        /// Things worth a second look that did not stop the payment (no exams with the organisation).
        var warnings: [String]?
    }

    static func record(_ input: Input, actor: Actor, now: Date, on db: any Database) async throws -> Body {
        guard let schoolCode = actor.unit,
            let school = try await School.query(on: db).filter(\.$code == schoolCode).first()
        else {
            throw AppError.forbidden
        }
        guard
            let organization = try await Organization.query(on: db).filter(\.$code == input.organization)
                .first()
        else {
            throw AppError.invalid([
                FieldError(
                    code: "unknown_reference",
                    UIText(
                        zh: "培训评价组织“\(input.organization)”不存在",
                        en: "No organisation “\(input.organization)” exists"),
                    field: "organization")
            ])
        }
        guard let paidOn = LocalDate(input.paidOn) else {
            throw AppError.invalid([
                FieldError.invalid(
                    "paidOn", UIText(zh: "付款日期", en: "Payment date"), value: input.paidOn,
                    expected: UIText(zh: " YYYY-MM-DD", en: "YYYY-MM-DD"))
            ])
        }
        let voucher = input.voucher?.trimmingCharacters(in: .whitespacesAndNewlines).withoutControlCharacters
        let payment = Payment(
            school: schoolCode, organization: organization.code, amount: input.amount, paidOn: paidOn,
            fundingSource: input.fundingSource, voucher: voucher?.isEmpty == true ? nil : voucher,
            allocation: input.allocation?.isEmpty == true ? nil : input.allocation)
        var problems = payment.problems(today: LocalDate(now))
        problems += try await allocationProblems(payment.allocation ?? [], organization: organization, on: db)
        let note = input.note?.trimmingCharacters(in: .whitespacesAndNewlines)
        if let note, note.count > 500 {
            problems.append(
                FieldError(
                    code: "too_long",
                    UIText(zh: "备注不能超过500个字符", en: "The note may have at most 500 characters"), field: "note")
            )
        }
        if !problems.isEmpty { throw AppError.invalid(problems) }
        let row = PaymentRow()
        row.$school.id = try school.requireID()
        row.$organization.id = try organization.requireID()
        row.amount = input.amount
        row.paidOn = paidOn.description
        row.fundingSource = input.fundingSource.rawValue
        row.voucher = payment.voucher
        row.note = note?.isEmpty == true ? nil : note
        row.allocation = try payment.allocation.map {
            String(decoding: try JSONEncoder().encode($0), as: UTF8.self)
        }
        row.status = PaymentStatus.recorded.rawValue
        row.recordedBy = actor.username
        row.recordedAt = now
        try await db.writeTransaction { tx in
            try await row.create(on: tx)
            try await AuditWriter(tx).append(
                actor: actor.username, action: "pay", entity: "payments", key: try row.requireID().uuidString,
                before: nil as Payment?, after: payment, at: now)
            _ = try await NoticeService.send(
                audience: .organization(organization.code), key: "payment:\(try row.requireID())",
                title: "待确认收款：\(school.name) \(Fen.displayText(input.amount))",
                body:
                    "\(school.name)于\(paidOn.chinese)登记付款\(Fen.displayText(input.amount))（\(input.fundingSource.chinese)），请核对到账后确认或提出异议。",
                link: SitePath.payments.path, now: now, on: tx)
        }
        var body = try await self.body(row.requireID(), on: db)
        if try await !hasExams(school: school.requireID(), organization: organization.requireID(), on: db) {
            body.warnings = ["本校尚无该培训评价组织证书的考核记录，请核对付款对象"]
        }
        return body
    }

    /// The organisation confirms receipt (`dispute == nil`) or disputes it with a reason.
    static func answer(_ id: UUID, dispute reason: String?, actor: Actor, now: Date, on db: any Database)
        async throws -> Body
    {
        let row = try await find(id, actor: actor, on: db)
        guard try row.statusValue == .recorded else {
            throw AppError.conflict("该笔付款已确认或已提出异议", code: "invalid_state")
        }
        let disputing = reason != nil
        if let reason {
            let t = reason.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !t.isEmpty, t.count <= 500 else {
                throw AppError.invalid([
                    FieldError(
                        code: "required",
                        UIText(
                            zh: "提出异议时须说明原因（不超过500字）", en: "A dispute needs a reason (at most 500 characters)"
                        ),
                        field: "reason")
                ])
            }
            row.disputeReason = t
        }
        row.status = (disputing ? PaymentStatus.disputed : .confirmed).rawValue
        row.answeredBy = actor.username
        row.answeredAt = now
        let school = try await row.$school.get(on: db)
        try await db.writeTransaction { tx in
            try await row.update(on: tx)
            try await AuditWriter(tx).append(
                actor: actor.username, action: disputing ? "dispute" : "confirm", entity: "payments",
                key: id.uuidString, before: nil as String?, after: row.disputeReason ?? "confirmed", at: now)
            _ = try await NoticeService.send(
                audience: .school(school.code), key: "payment:\(id):answer",
                title: disputing
                    ? "付款被提出异议：\(Fen.displayText(row.amount))" : "付款已确认：\(Fen.displayText(row.amount))",
                body: disputing ? "异议原因：\(row.disputeReason ?? "")" : "培训评价组织已确认收到该笔付款。",
                link: SitePath.payments.path, now: now, on: tx)
        }
        return try await body(id, on: db)
    }

    /// A school reverses one of its payments with an entry of the opposite amount.
    static func correct(_ id: UUID, note: String?, actor: Actor, now: Date, on db: any Database) async throws
        -> Body
    {
        let original = try await find(id, actor: actor, on: db)
        guard original.correctsID == nil else { throw AppError.conflict("更正记录不能再被更正", code: "invalid_state") }
        guard try await PaymentRow.query(on: db).filter(\.$correctsID == id).count() == 0 else {
            throw AppError.conflict("该笔付款已被更正", code: "already_corrected")
        }
        let row = PaymentRow()
        row.$school.id = original.$school.id
        row.$organization.id = original.$organization.id
        row.amount = -original.amount
        row.paidOn = LocalDate(now).description
        row.fundingSource = original.fundingSource
        row.voucher = original.voucher
        let text = note?.trimmingCharacters(in: .whitespacesAndNewlines)
        row.note = String((text?.isEmpty == false ? text! : "更正").prefix(500))
        row.correctsID = id
        row.status = PaymentStatus.recorded.rawValue
        row.recordedBy = actor.username
        row.recordedAt = now
        let organization = try await original.$organization.get(on: db)
        try await db.writeTransaction { tx in
            try await row.create(on: tx)
            try await AuditWriter(tx).append(
                actor: actor.username, action: "correct", entity: "payments",
                key: try row.requireID().uuidString,
                before: id.uuidString, after: String(row.amount), at: now)
            _ = try await NoticeService.send(
                audience: .organization(organization.code), key: "payment:\(try row.requireID())",
                title: "付款更正待确认：\(Fen.displayText(row.amount))", body: row.note ?? "",
                link: SitePath.payments.path, now: now, on: tx)
        }
        return try await body(row.requireID(), on: db)
    }

    // MARK: Reads

    static func list(actor: Actor, school: String?, organization: String?, on db: any Database) async throws
        -> [Body]
    {
        guard let inScope = ScopeCondition.joined(Access.scope(of: .payments, for: actor)) else {
            throw AppError.forbidden
        }
        var filter: SQLQueryString = ""
        if let school { filter += " AND s.code = \(bind: school)" }
        if let organization { filter += " AND o.code = \(bind: organization)" }
        let rows = try await db.sql().raw(
            """
            SELECT y.id FROM \(scoped) WHERE \(inScope) \(filter) ORDER BY y.paid_on DESC, y.recorded_at DESC LIMIT 2000
            """
        ).all()
        let ids = try rows.map { try $0.decode(column: "id", as: UUID.self) }
        guard !ids.isEmpty else { return [] }
        // One query for the page's rows with their school and organisation, kept in the order found.
        let found = try await PaymentRow.query(on: db).filter(\.$id ~~ ids).with(\.$school).with(
            \.$organization
        ).all()
        let byID = Dictionary(uniqueKeysWithValues: try found.map { (try $0.requireID(), $0) })
        return try ids.compactMap { byID[$0] }.map(body)
    }

    static func find(_ id: UUID, actor: Actor, on db: any Database) async throws -> PaymentRow {
        guard let inScope = ScopeCondition.joined(Access.scope(of: .payments, for: actor)) else {
            throw AppError.forbidden
        }
        let visible = try await db.sql().raw(
            """
            SELECT y.id FROM \(scoped) WHERE y.id = \(bind: id) AND \(inScope)
            """
        ).first()
        guard visible != nil, let row = try await PaymentRow.find(id, on: db) else { throw AppError.notFound }
        return row
    }

    /// Payments joined to their school `s`, its region `r` and the organisation paid `o`: the
    /// aliases `ScopeCondition.joined` reads.
    static let scoped: SQLQueryString = """
        payments y JOIN schools s ON s.id = y.school_id JOIN regions r ON r.id = s.region_id
          JOIN organizations o ON o.id = y.organization_id
        """

    static func body(_ id: UUID, on db: any Database) async throws -> Body {
        guard
            let row = try await PaymentRow.query(on: db).filter(\.$id == id).with(\.$school).with(
                \.$organization
            ).first()
        else { throw AppError.notFound }
        return try body(row)
    }

    static func body(_ row: PaymentRow) throws -> Body {
        Body(
            id: try row.requireID(), school: row.school.code, schoolName: row.school.name,
            organization: row.organization.code,
            organizationName: row.organization.name, amount: row.amount, paidOn: row.paidOn,
            fundingSource: try row.fundingSourceValue,
            voucher: row.voucher, note: row.note, corrects: row.correctsID, status: try row.statusValue,
            disputeReason: row.disputeReason, allocation: try row.allocationValue,
            warnings: nil)
    }

    /// Every certificate an allocation names must be one of the organisation paid.
    static func allocationProblems(
        _ parts: [PaymentAllocation], organization: Organization, on db: any Database
    )
        async throws -> [FieldError]
    {
        guard !parts.isEmpty else { return [] }
        let own = Set(
            try await Certificate.query(on: db).filter(\.$organization.$id == organization.requireID()).all()
                .map(
                    \.code))
        return parts.filter { !own.contains($0.certificate) }.map {
            FieldError(
                code: "unknown_reference",
                UIText(
                    zh: "证书“\($0.certificate)”不是\(organization.name)的证书，不能分配",
                    en: "“\($0.certificate)” is not a certificate of \(organization.name)"),
                field: "allocation")
        }
    }

    /// Whether the school has had any exam of the organisation's certificates.
    static func hasExams(school: UUID, organization: UUID, on db: any Database) async throws -> Bool {
        try await db.sql().raw(
            """
            SELECT 1 AS n FROM plans p JOIN certificates c ON c.id = p.certificate_id
            WHERE p.school_id = \(bind: school) AND c.organization_id = \(bind: organization)
              AND (EXISTS (SELECT 1 FROM exams e WHERE e.plan_id = p.id) OR EXISTS (SELECT 1 FROM candidate_sessions x WHERE x.plan_id = p.id))
            LIMIT 1
            """
        ).first() != nil
    }
}
