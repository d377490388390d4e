import Fluent
import Foundation
import OneXDomain
import SQLKit
import Vapor

/// Complaints about an organisation or a certificate (AH41-2): a school, a city bureau or an
/// organisation files one with its evidence; the province office takes it up, may send it to
/// the organisation for a reply, reports it to the MoE and concludes it with findings
/// (`ComplaintFlow`). The complainant follows its status; the organisation sees it once sent.
enum ComplaintService {
    struct Draft: Codable, Sendable {
        var organization: String?
        var certificate: String?
        var what: String?
        var occurredOn: String?
    }

    struct Entry: Codable, Sendable {
        var step: String
        var text: String
        var actor: String
        var at: Date
    }

    struct Complaint: Codable, Sendable {
        var id: UUID
        var number: String
        var complainantRole: Role
        var complainantUnit: String
        var complainantName: String
        /// The complainant's school and region, as they scope the complaint.
        var school: String?
        var region: String?
        var organization: String
        var organizationName: String
        var certificate: String?
        var certificateName: String?
        var what: String
        var occurredOn: String
        var filename: String?
        var status: ComplaintStatus
        var forwardedOn: String?
        var moeReportedOn: String?
        var filedOn: String
        var entries: [Entry]?
    }

    // MARK: Filing

    static func file(
        _ draft: Draft, evidence: File?, actor: Actor, unitName: String, now: Date, on db: any Database
    )
        async throws -> UUID
    {
        guard Access.may(.create, .complaints, actor), let unit = actor.unit else { throw AppError.forbidden }
        var problems: [FieldError] = []
        let what = try FreeText.read(draft.what, field: "what", label: .complaintWhat, limit: 4000)
        if what == nil { problems.append(.required("what", .complaintWhat)) }
        var organization: Organization?
        if let code = draft.organization?.trimmingCharacters(in: .whitespaces), !code.isEmpty {
            organization = try await Organization.query(on: db).filter(\.$code == code).first()
            if organization == nil {
                problems.append(
                    FieldError(
                        code: "unknown_reference", .complaintUnknownOrganization(code), field: "organization")
                )
            }
        } else {
            problems.append(.required("organization", .complaintOrganization))
        }
        var certificate: String?
        if let code = draft.certificate?.trimmingCharacters(in: .whitespaces), !code.isEmpty, let organization
        {
            let c = try await Certificate.query(on: db).filter(\.$code == code).first()
            if c == nil || c?.$organization.id != organization.id {
                problems.append(
                    FieldError(code: "invalid", .complaintCertificateNotOfOrganization, field: "certificate"))
            }
            certificate = code
        }
        let occurred = LocalDate(draft.occurredOn ?? "")
        if occurred == nil || occurred! > LocalDate(now) {
            problems.append(FieldError(code: "invalid", .complaintOccurredOn, field: "occurredOn"))
        }
        if actor.role == .organization, organization?.code == unit {
            problems.append(FieldError(code: "invalid", .complaintNotAboutOwn, field: "organization"))
        }
        let upload = try evidence.flatMap { $0.data.readableBytes > 0 ? try UploadedFile($0) : nil }
        guard problems.isEmpty, let what, let organization, let occurred else {
            throw AppError.invalid(problems)
        }
        let row = ComplaintRow()
        row.id = UUID()
        row.complainantRole = actor.role.rawValue
        row.complainantUnit = unit
        row.complainantName = unitName
        switch actor.role {
        case .school:
            row.schoolCode = unit
            row.regionCode = try await School.query(on: db).filter(\.$code == unit).with(\.$region).first()?
                .region.code
        case .cityReviewer: row.regionCode = unit
        default: row.organizationCode = unit
        }
        row.subjectOrganization = organization.code
        row.subjectCertificate = certificate
        row.what = what
        row.occurredOn = occurred.description
        row.filename = upload?.name
        row.contentType = upload?.format.contentType
        row.data = upload?.data
        row.status = ComplaintStatus.submitted.rawValue
        row.createdAt = now
        row.updatedAt = now
        try await db.writeTransaction { tx in
            try await AuditWriter(tx).append(
                actor: actor.username, action: "file", entity: ComplaintRow.schema,
                key: try row.requireID().uuidString,
                before: nil as String?, after: "\(organization.code) \(row.subjectCertificate ?? "")", at: now
            )
            row.number = try await YearlyNumber.next("TS", table: "complaints", now: now, on: tx)
            try await row.create(on: tx)
            try await entry(row, "filed", what, actor: actor, now: now, on: tx)
            _ = try await NoticeService.send(
                audience: .role(.provinceAdmin), key: "complaint:\(try row.requireID()):filed",
                title: "新的投诉：\(row.number)", body: "\(unitName)投诉\(organization.name)：\(what.prefix(80))",
                link: "/complaints/\(try row.requireID().uuidString)", now: now, on: tx)
        }
        return try row.requireID()
    }

    static func entry(
        _ row: ComplaintRow, _ step: String, _ text: String, actor: Actor, now: Date, on db: any Database
    )
        async throws
    {
        let e = ComplaintEntryRow()
        e.$complaint.id = try row.requireID()
        e.step = step
        e.text = text
        e.actor = actor.username
        e.at = now
        try await e.create(on: db)
    }

    // MARK: Steps

    /// A step by the office (or the organisation's reply); every step needs a text, a report to
    /// the MoE its day.
    static func step(
        _ id: UUID, _ step: ComplaintStep, text input: String?, day: String?, actor: Actor, now: Date,
        on db: any Database
    ) async throws -> ComplaintStatus {
        guard Access.may(step.byOrganization ? .update : .review, .complaints, actor) else {
            throw AppError.forbidden
        }
        let row = try await visibleRow(id, actor: actor, on: db)
        if step.byOrganization && row.subjectOrganization != actor.unit {
            throw AppError.conflict("只有被投诉的培训评价组织可以答复", code: "not_yours")
        }
        let status = try row.statusValue
        guard let next = ComplaintFlow.next(status, step) else {
            throw AppError.conflict("投诉当前状态为“\(status.chinese)”，不能\(step.chinese)", code: "invalid_state")
        }
        var problems: [FieldError] = []
        let text = try FreeText.read(input, field: "text", label: .complaintStepText(step), limit: 4000)
        if text == nil { problems.append(.required("text", .complaintStepText(step))) }
        var reportedOn: LocalDate?
        if step == .reportToMoE {
            reportedOn = LocalDate(day ?? "")
            if reportedOn == nil || reportedOn! > LocalDate(now) {
                problems.append(FieldError(code: "invalid", .complaintReportDay, field: "day"))
            }
        }
        guard problems.isEmpty, let text else { throw AppError.invalid(problems) }
        let today = LocalDate(now).description
        let reported = reportedOn?.description ?? row.moeReportedOn
        try await db.writeTransaction { tx in
            let won = try await tx.sql().raw(
                """
                UPDATE complaints SET status = \(bind: next.rawValue), updated_at = \(bind: now),
                  forwarded_on = \(bind: step == .forward ? (row.forwardedOn ?? today) : row.forwardedOn),
                  moe_reported_on = \(bind: reported)
                WHERE id = \(bind: id) AND status = \(bind: status.rawValue) RETURNING id
                """
            ).first()
            guard won != nil else { throw AppError.conflict("该投诉刚刚已被他人处理，请刷新后查看", code: "invalid_state") }
            try await entry(row, step.rawValue, text, actor: actor, now: now, on: tx)
            try await AuditWriter(tx).append(
                actor: actor.username, action: step.rawValue, entity: ComplaintRow.schema, key: id.uuidString,
                before: status.rawValue, after: next.rawValue, at: now)
            let complainant: NoticeAudience =
                switch Role(rawValue: row.complainantRole) {
                case .school?: .school(row.complainantUnit)
                case .cityReviewer?: .region(row.complainantUnit)
                default: .organization(row.complainantUnit)
                }
            let audiences: [NoticeAudience] =
                switch step {
                case .forward: [.organization(row.subjectOrganization), complainant]
                case .reply: [.role(.provinceAdmin)]
                case .accept, .reportToMoE, .close: [complainant]
                }
            for audience in audiences {
                _ = try await NoticeService.send(
                    audience: audience,
                    key: "complaint:\(id):\(step.rawValue):\(audience.stored):\(now.timeIntervalSince1970)",
                    title: "投诉\(row.number)：\(next.chinese)", body: String(text.prefix(120)),
                    link: "/complaints/\(id.uuidString)", now: now, on: tx)
            }
        }
        return next
    }

    // MARK: Reading

    static func visibleRow(_ id: UUID, actor: Actor, on db: any Database) async throws -> ComplaintRow {
        guard let inScope = ScopeCondition.onComplaints(Access.scope(of: .complaints, for: actor)) else {
            throw AppError.forbidden
        }
        guard
            try await db.sql().raw("SELECT x.id FROM complaints x WHERE x.id = \(bind: id) AND \(inScope)")
                .first() != nil,
            let row = try await ComplaintRow.find(id, on: db)
        else { throw AppError.notFound }
        return row
    }

    struct Filter: Sendable {
        var status: ComplaintStatus?
        /// Part of the number, the complainant, the organisation, the certificate or the text.
        var text: String?
    }

    /// The complaints in the actor's scope, newest first, with the names of what they are
    /// about (the evidence itself is not read); one page, or all without one.
    static func list(actor: Actor, filter: Filter, paging: Paging?, on db: any Database) async throws
        -> (items: [Complaint], total: Int)
    {
        guard let inScope = ScopeCondition.onComplaints(Access.scope(of: .complaints, for: actor)) else {
            throw AppError.forbidden
        }
        var condition: SQLQueryString = inScope
        if let s = filter.status { condition += " AND x.status = \(bind: s.rawValue)" }
        if let t = filter.text {
            condition += SQLLike.inAny(
                t, of: ["x.number", "x.complainant_name", "o.name", "c.name", "x.what"])
        }
        return try await SQLPage.read(
            columns, where: condition, order: "x.number DESC", paging: paging, on: db.sql(), complaint)
    }

    static func find(_ id: UUID, actor: Actor, on db: any Database) async throws -> Complaint {
        let row = try await visibleRow(id, actor: actor, on: db)
        guard let found = try await db.sql().raw("\(columns) WHERE x.id = \(bind: id)").first() else {
            throw AppError.notFound
        }
        var complaint = try complaint(found)
        complaint.entries = try await ComplaintEntryRow.query(on: db).filter(
            \.$complaint.$id == row.requireID()
        )
        .sort(\.$at).all().map { Entry(step: $0.step, text: $0.text, actor: $0.actor, at: $0.at) }
        return complaint
    }

    static let columns: SQLQueryString = """
        SELECT x.id, x.number, x.complainant_role, x.complainant_unit, x.complainant_name, x.school_code,
          x.region_code, x.subject_organization, o.name AS organization_name, x.subject_certificate,
          c.name AS certificate_name, x.what, x.occurred_on, x.filename, x.status, x.forwarded_on,
          x.moe_reported_on, x.created_at
        FROM complaints x LEFT JOIN organizations o ON o.code = x.subject_organization
        LEFT JOIN certificates c ON c.code = x.subject_certificate
        """

    static func complaint(_ r: any SQLRow) throws -> Complaint {
        let id = try r.decode(column: "id", as: UUID.self)
        let organization = try r.decode(column: "subject_organization", as: String.self)
        return Complaint(
            id: id, number: try r.decode(column: "number", as: String.self),
            complainantRole: try .stored(
                try r.decode(column: "complainant_role", as: String.self), table: ComplaintRow.schema,
                column: "complainant_role", id: id),
            complainantUnit: try r.decode(column: "complainant_unit", as: String.self),
            complainantName: try r.decode(column: "complainant_name", as: String.self),
            school: try r.decode(column: "school_code", as: String?.self),
            region: try r.decode(column: "region_code", as: String?.self), organization: organization,
            organizationName: try r.decode(column: "organization_name", as: String?.self) ?? organization,
            certificate: try r.decode(column: "subject_certificate", as: String?.self),
            certificateName: try r.decode(column: "certificate_name", as: String?.self),
            what: try r.decode(column: "what", as: String.self),
            occurredOn: try r.decode(column: "occurred_on", as: String.self),
            filename: try r.decode(column: "filename", as: String?.self),
            status: try .stored(
                try r.decode(column: "status", as: String.self), table: ComplaintRow.schema,
                column: "status", id: id),
            forwardedOn: try r.decode(column: "forwarded_on", as: String?.self),
            moeReportedOn: try r.decode(column: "moe_reported_on", as: String?.self),
            filedOn: LocalDate(try r.decode(column: "created_at", as: Date.self)).description,
            entries: nil)
    }
}
