import Fluent
import Foundation
import OneXDomain
import SQLKit

/// Organisations' filings of provincial activities (报备, AH41-4): the organisation files a
/// standard briefing, a teacher training or an exam of its certificate; the alliance's lead
/// school co-signs; the province office acknowledges or asks for more (`FilingFlow`). Exam days
/// of a certificate without an exam filing covering them are listed for the office.
enum FilingService {
    struct Draft: Codable, Sendable {
        var certificate: String?
        var kind: ActivityKind?
        var title: String?
        var startsOn: String?
        var endsOn: String?
        var place: String?
        var participants: Int?
    }

    struct Filing: Codable, Sendable {
        var id: UUID
        var number: String
        var certificate: String
        var certificateName: String
        var organization: String
        var organizationName: String
        var leadSchool: String?
        var kind: ActivityKind
        var title: String
        var startsOn: String
        var endsOn: String
        var place: String
        var participants: Int
        var status: FilingStatus
        var reason: String?
        var steps: [FilingStep]?
    }

    /// Exam days of a certificate that no exam filing covers.
    struct Unfiled: Codable, Sendable {
        var certificate: String
        var certificateName: String
        var organizationName: String
        var day: String
        var schools: Int
    }

    static func create(_ draft: Draft, actor: Actor, now: Date, on db: any Database) async throws -> UUID {
        guard Access.may(.create, .filings, actor) else { throw AppError.forbidden }
        let (checked, certificate) = try await check(draft, actor: actor, on: db)
        let row = ActivityFilingRow()
        row.id = UUID()
        row.$certificate.id = try certificate.requireID()
        fill(row, checked)
        let lead = try await ExamSiteService.leadSchool(of: try certificate.requireID(), on: db)
        row.status = FilingFlow.start(hasLead: lead != nil).rawValue
        row.createdBy = actor.username
        row.createdAt = now
        row.updatedAt = now
        try await db.writeTransaction { tx in
            try await AuditWriter(tx).append(
                actor: actor.username, action: "file", entity: ActivityFilingRow.schema,
                key: try row.requireID().uuidString, before: nil as String?,
                after: "\(certificate.code) \(checked.kind.rawValue) \(checked.starts)", at: now)
            row.number = try await YearlyNumber.next("BB", table: "activity_filings", now: now, on: tx)
            try await row.create(on: tx)
            try await notify(row, lead: lead, now: now, on: tx)
        }
        return try row.requireID()
    }

    struct Checked {
        var kind: ActivityKind
        var title, place: String
        var starts, ends: LocalDate
        var participants: Int
    }

    static func check(_ draft: Draft, actor: Actor, on db: any Database) async throws -> (
        Checked, Certificate
    ) {
        var problems: [FieldError] = []
        let title = try FreeText.read(draft.title, field: "title", label: .filingTitle, limit: 200)
        if title == nil { problems.append(.required("title", .filingTitle)) }
        let place = try FreeText.read(draft.place, field: "place", label: .filingPlace, limit: 300)
        if place == nil { problems.append(.required("place", .filingPlace)) }
        if draft.kind == nil { problems.append(.required("kind", .filingKind)) }
        let starts = LocalDate(draft.startsOn ?? "")
        let ends = LocalDate(draft.endsOn ?? "")
        if starts == nil || ends == nil || ends! < starts! {
            problems.append(FieldError(code: "invalid", .trainingDates, field: "startsOn"))
        }
        let participants = draft.participants ?? -1
        if !Limits.headcount.contains(participants) {
            problems.append(FieldError(code: "invalid", .filingParticipantsInvalid, field: "participants"))
        }
        var certificate: Certificate?
        switch try await OwnCertificate.read(draft.certificate, actor: actor, on: db) {
        case .success(let c): certificate = c
        case .failure(let problem): problems.append(problem)
        }
        guard problems.isEmpty, let title, let place, let kind = draft.kind, let starts, let ends,
            let certificate
        else {
            throw AppError.invalid(problems)
        }
        return (
            Checked(
                kind: kind, title: title, place: place, starts: starts, ends: ends, participants: participants
            ),
            certificate
        )
    }

    static func fill(_ row: ActivityFilingRow, _ c: Checked) {
        row.kind = c.kind.rawValue
        row.title = c.title
        row.place = c.place
        row.startsOn = c.starts.description
        row.endsOn = c.ends.description
        row.participants = c.participants
    }

    static func notify(_ row: ActivityFilingRow, lead: String?, now: Date, on db: any Database) async throws {
        let id = try row.requireID()
        let status = try FilingStatus.stored(
            row.status, table: ActivityFilingRow.schema, column: "status", id: id)
        let audience: NoticeAudience? =
            switch status {
            case .awaitingLead: lead.map { .school($0) }
            case .awaitingOffice: .role(.provinceAdmin)
            case .acknowledged, .moreRequested: nil
            }
        guard let audience else { return }
        _ = try await NoticeService.send(
            audience: audience, key: "filing:\(id):\(UUID().uuidString)", title: "活动报备待办理：\(row.number)",
            body: row.title, link: "/filings/\(id.uuidString)", now: now, on: db)
    }

    /// A step by the actor; a request for more needs a reason, a resubmission may change the fields.
    static func step(
        _ id: UUID, _ step: FilingStep, reason input: String?, draft: Draft?, actor: Actor, now: Date,
        on db: any Database
    ) async throws -> FilingStatus {
        let filing = try await find(id, actor: actor, on: db)
        guard mayTake(step, filing, actor: actor) else {
            throw AppError.conflict("此步骤由\(desk(step))办理", code: "not_allowed")
        }
        let hasLead = filing.leadSchool != nil
        guard let next = FilingFlow.next(filing.status, step, hasLead: hasLead) else {
            throw AppError.conflict(
                "报备当前状态为“\(filing.status.chinese)”，不能\(step.chinese)", code: "invalid_state")
        }
        let reason = try FreeText.read(input, field: "reason", label: .siteReason, limit: 2000)
        if step == .requestMore && reason == nil {
            throw AppError.invalid([.required("reason", .siteReason)])
        }
        guard let row = try await ActivityFilingRow.find(id, on: db) else { throw AppError.notFound }
        if step == .resubmit {
            let d = Draft(
                certificate: filing.certificate, kind: draft?.kind ?? filing.kind,
                title: draft?.title ?? row.title,
                startsOn: draft?.startsOn ?? row.startsOn, endsOn: draft?.endsOn ?? row.endsOn,
                place: draft?.place ?? row.place, participants: draft?.participants ?? row.participants)
            fill(row, try await check(d, actor: actor, on: db).0)
        }
        row.status = next.rawValue
        row.reason = step == .requestMore ? reason : row.reason
        row.updatedAt = now
        let current = filing.status.rawValue
        try await db.writeTransaction { tx in
            let won = try await tx.sql().raw(
                """
                UPDATE activity_filings SET status = \(bind: row.status), reason = \(bind: row.reason),
                  kind = \(bind: row.kind), title = \(bind: row.title), place = \(bind: row.place),
                  starts_on = \(bind: row.startsOn), ends_on = \(bind: row.endsOn),
                  participants = \(bind: row.participants), updated_at = \(bind: now)
                WHERE id = \(bind: id) AND status = \(bind: current) RETURNING id
                """
            ).first()
            guard won != nil else { throw AppError.conflict("该报备刚刚已被他人处理，请刷新后查看", code: "invalid_state") }
            try await AuditWriter(tx).append(
                actor: actor.username, action: step.rawValue, entity: ActivityFilingRow.schema,
                key: id.uuidString,
                before: current, after: row.status, at: now)
            if next == .acknowledged || next == .moreRequested {
                _ = try await NoticeService.send(
                    audience: .organization(filing.organization), key: "filing:\(id):\(UUID().uuidString)",
                    title: "活动报备\(next.chinese)：\(filing.number)", body: reason ?? filing.title,
                    link: "/filings/\(id.uuidString)", now: now, on: tx)
            } else {
                try await notify(row, lead: filing.leadSchool, now: now, on: tx)
            }
        }
        return next
    }

    static func mayTake(_ step: FilingStep, _ f: Filing, actor: Actor) -> Bool {
        switch step {
        case .cosign: actor.role == .school && actor.unit == f.leadSchool
        case .acknowledge, .requestMore: actor.role == .provinceAdmin
        case .resubmit: actor.role == .organization && actor.unit == f.organization
        }
    }

    static func desk(_ step: FilingStep) -> String {
        switch step {
        case .cosign: "证书试点联盟牵头院校"
        case .acknowledge, .requestMore: "省1+X办公室"
        case .resubmit: "培训评价组织"
        }
    }

    // MARK: Reading

    static let columns: SQLQueryString = """
        SELECT f.id, f.number, f.kind, f.title, f.starts_on, f.ends_on, f.place, f.participants, f.status, f.reason,
          c.code AS certificate, c.name AS certificate_name, o.code AS organization, o.name AS organization_name,
          (SELECT ls.code FROM alliances a JOIN schools ls ON ls.id = a.lead_school_id WHERE a.certificate_id = c.id) AS lead
        FROM activity_filings f JOIN certificates c ON c.id = f.certificate_id
        JOIN organizations o ON o.id = c.organization_id
        """

    struct Filter: Sendable {
        /// `YYYY-MM`: those overlapping the month.
        var month: String?
        var status: FilingStatus?
        /// Part of the number, title, place, or the certificate's code or name.
        var text: String?
    }

    /// The filings the actor may see, latest first day first; one page, or all without one.
    static func list(actor: Actor, filter: Filter, paging: Paging?, on db: any Database) async throws
        -> (items: [Filing], total: Int)
    {
        guard let scope = ScopeCondition.onFilings(Access.scope(of: .filings, for: actor)) else {
            throw AppError.forbidden
        }
        var condition: SQLQueryString = scope
        if let month = filter.month {
            condition += " AND f.starts_on <= \(bind: month + "-31") AND f.ends_on >= \(bind: month + "-01")"
        }
        if let s = filter.status { condition += " AND f.status = \(bind: s.rawValue)" }
        if let t = filter.text {
            condition += SQLLike.inAny(t, of: ["f.number", "f.title", "f.place", "c.code", "c.name"])
        }
        return try await SQLPage.read(
            columns, where: condition, order: "f.starts_on DESC, f.number DESC", paging: paging, on: db.sql(),
            filing)
    }

    static func find(_ id: UUID, actor: Actor, on db: any Database) async throws -> Filing {
        guard let scope = ScopeCondition.onFilings(Access.scope(of: .filings, for: actor)) else {
            throw AppError.forbidden
        }
        guard let row = try await db.sql().raw("\(columns) WHERE f.id = \(bind: id) AND \(scope)").first()
        else {
            throw AppError.notFound
        }
        var f = try filing(row)
        f.steps = FilingStep.allCases.filter {
            mayTake($0, f, actor: actor) && FilingFlow.next(f.status, $0, hasLead: f.leadSchool != nil) != nil
        }
        return f
    }

    static func filing(_ r: any SQLRow) throws -> Filing {
        let id = try r.decode(column: "id", as: UUID.self)
        return Filing(
            id: id, number: try r.decode(column: "number", as: String.self),
            certificate: try r.decode(column: "certificate", as: String.self),
            certificateName: try r.decode(column: "certificate_name", as: String.self),
            organization: try r.decode(column: "organization", as: String.self),
            organizationName: try r.decode(column: "organization_name", as: String.self),
            leadSchool: try r.decode(column: "lead", as: String?.self),
            kind: try .stored(
                try r.decode(column: "kind", as: String.self), table: ActivityFilingRow.schema,
                column: "kind", id: id),
            title: try r.decode(column: "title", as: String.self),
            startsOn: try r.decode(column: "starts_on", as: String.self),
            endsOn: try r.decode(column: "ends_on", as: String.self),
            place: try r.decode(column: "place", as: String.self),
            participants: try r.decode(column: "participants", as: Int.self),
            status: try .stored(
                try r.decode(column: "status", as: String.self), table: ActivityFilingRow.schema,
                column: "status",
                id: id), reason: try r.decode(column: "reason", as: String?.self))
    }

    /// Exam days of the year (sessions entered or imported) of a certificate with no exam
    /// filing covering the day, for the province; an organisation sees its own.
    static func unfiledExams(year: Int, actor: Actor, paging: Paging?, on db: any Database) async throws
        -> (items: [Unfiled], total: Int)
    {
        guard actor.role.seesWholeProvince || actor.role == .organization else { throw AppError.forbidden }
        var condition: SQLQueryString = """
            d.plan_year = \(bind: year) AND NOT EXISTS (
              SELECT 1 FROM activity_filings f WHERE f.certificate_id = d.certificate_id
                AND f.kind = \(bind: ActivityKind.exam.rawValue) AND f.starts_on <= d.exam_date AND f.ends_on >= d.exam_date)
            """
        if actor.role == .organization { condition += " AND o.code = \(bind: actor.unit ?? "")" }
        let sql = try db.sql()
        let days: SQLQueryString = """
            SELECT d.certificate_id, d.exam_date FROM exam_days d JOIN certificates c ON c.id = d.certificate_id
            JOIN organizations o ON o.id = c.organization_id WHERE \(condition)
            """
        let total =
            try await sql.raw("SELECT COUNT(*) AS n FROM (\(days)) q").first()?.decode(
                column: "n", as: Int.self) ?? 0
        let page: SQLQueryString =
            paging.map { " LIMIT \(literal: $0.limit) OFFSET \(literal: $0.offset)" } ?? ""
        // The schools are counted only for the days of the page, each through the certificate's
        // plans of the year and their sessions of that day.
        let items = try await sql.raw(
            """
            SELECT c.code, c.name, o.name AS organization_name, d.exam_date,
              (SELECT COUNT(DISTINCT p.school_id) FROM plans p
               WHERE p.certificate_id = d.certificate_id AND p.year = \(bind: year) AND (
                 EXISTS (SELECT 1 FROM candidate_sessions x WHERE x.plan_id = p.id AND x.exam_date = d.exam_date)
                 OR EXISTS (SELECT 1 FROM exams e WHERE e.plan_id = p.id AND e.date = d.exam_date))) AS schools
            FROM (\(days) ORDER BY d.exam_date DESC, c.code\(page)) d
            JOIN certificates c ON c.id = d.certificate_id JOIN organizations o ON o.id = c.organization_id
            ORDER BY d.exam_date DESC, c.code
            """
        ).all().map { r in
            Unfiled(
                certificate: try r.decode(column: "code", as: String.self),
                certificateName: try r.decode(column: "name", as: String.self),
                organizationName: try r.decode(column: "organization_name", as: String.self),
                day: try r.decode(column: "exam_date", as: String.self),
                schools: try r.decode(column: "schools", as: Int.self))
        }
        return (items, total)
    }
}
