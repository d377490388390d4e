import Fluent
import Foundation
import OneXDomain
import SQLKit

/// Exam sites (考核站点, AH41-3): a school applies for a certificate it pilots; the alliance's
/// lead school agrees and the organisation approves (`ExamSiteFlow`); the organisation or the
/// province office may suspend a site. Reads go through `Access.scope(of: .sites)`; every step
/// is audited, notified, and a conditional update, so of two deciding at once one wins.
enum ExamSiteService {
    struct Draft: Codable, Sendable {
        var certificate: String?
        var place: String?
        var address: String?
        var capacity: Int?
        var equipment: String?
        var contact: String?
        var phone: String?
    }

    /// A site as the API and the pages show it.
    struct Site: Codable, Sendable {
        var id: UUID
        var number: String
        var school: String
        var schoolName: String
        var region: String
        var regionName: String
        var certificate: String
        var certificateName: String
        var organization: String
        var organizationName: String
        var leadSchool: String?
        var place: String
        var address: String
        var capacity: Int
        var equipment: String
        var contact: String
        var phone: String
        var status: ExamSiteStatus
        var reason: String?
        var approvedOn: String?
        var appliedOn: String
        /// Who the application waits for, if anyone.
        var waitingFor: ExamSiteDesk?
        /// The steps the reader may take now (one site only).
        var steps: [ExamSiteStep]?
    }

    struct Filter: Sendable {
        var status: ExamSiteStatus?
        var certificate: String?
        var region: String?
        /// Part of the number, the place, the school's or the certificate's code or name.
        var text: String?
        /// Only those waiting for the reader.
        var waitingForMe = false
    }

    // MARK: Applying

    static func apply(_ draft: Draft, actor: Actor, now: Date, on db: any Database) async throws -> UUID {
        guard Access.may(.create, .sites, actor), let schoolCode = actor.unit else {
            throw AppError.forbidden
        }
        guard let school = try await School.query(on: db).filter(\.$code == schoolCode).first() else {
            throw AppError.forbidden
        }
        let (checked, certificate) = try await check(draft, school: school, on: db)
        let row = ExamSiteRow()
        row.id = UUID()
        row.$school.id = try school.requireID()
        row.$certificate.id = try certificate.requireID()
        fill(row, checked)
        row.status = ExamSiteStatus.applied.rawValue
        row.createdAt = now
        row.updatedAt = now
        let lead = try await leadSchool(of: try certificate.requireID(), on: db)
        try await db.writeTransaction { tx in
            // The audit entry first serialises writers on PostgreSQL, so two applications at
            // once cannot take the same number.
            try await AuditWriter(tx).append(
                actor: actor.username, action: "apply", entity: ExamSiteRow.schema,
                key: try row.requireID().uuidString,
                before: nil as String?, after: "\(certificate.code) \(checked.place)", at: now)
            row.number = try await YearlyNumber.next("KD", table: "exam_sites", now: now, on: tx)
            try await row.create(on: tx)
            let first: NoticeAudience =
                if let lead { .school(lead) } else {
                    .organization(try await organizationCode(of: certificate, on: tx))
                }
            try await notify(first, row, title: "考核站点申报待审核", now: now, on: tx)
        }
        return try row.requireID()
    }

    /// A site application's fields, checked; every problem at once.
    static func check(_ draft: Draft, school: School, on db: any Database) async throws -> (
        Checked, Certificate
    ) {
        var problems: [FieldError] = []
        func text(_ value: String?, _ field: String, _ label: UIText, limit: Int) throws -> String? {
            let t = try FreeText.read(value, field: field, label: label, limit: limit)
            if t == nil { problems.append(.required(field, label)) }
            return t
        }
        let place = try text(draft.place, "place", .sitePlace, limit: 200)
        let address = try text(draft.address, "address", .siteAddress, limit: 300)
        let equipment = try text(draft.equipment, "equipment", .siteEquipment, limit: 4000)
        let contact = try text(draft.contact, "contact", .siteContact, limit: 50)
        let phone = try text(draft.phone, "phone", .ledgerPhone, limit: 30)
        if let phone, !RectificationService.isPhone(phone) {
            problems.append(FieldError(code: "invalid", .ledgerPhoneInvalid, field: "phone"))
        }
        let capacity = draft.capacity ?? 0
        if !(1...Limits.headcount.upperBound).contains(capacity) {
            problems.append(FieldError(code: "invalid", .siteCapacityInvalid, field: "capacity"))
        }
        var certificate: Certificate?
        if let code = draft.certificate?.trimmingCharacters(in: .whitespaces), !code.isEmpty {
            certificate = try await Certificate.query(on: db).filter(\.$code == code).first()
            if certificate == nil {
                problems.append(
                    FieldError(code: "unknown_reference", .siteUnknownCertificate(code), field: "certificate")
                )
            } else if let c = certificate {
                // 001 §二(三): sites are set up by pilot schools of the certificate.
                let schoolID = try school.requireID()
                let certificateID = try c.requireID()
                let pilots = try await PlanRow.query(on: db).filter(\.$school.$id == schoolID)
                    .filter(\.$certificate.$id == certificateID).filter(
                        \.$status != PlanStatus.exited.rawValue
                    )
                    .count()
                if pilots == 0 {
                    problems.append(
                        FieldError(code: "not_piloted", .siteNotPiloted(c.name), field: "certificate"))
                }
            }
        } else {
            problems.append(.required("certificate", .siteCertificate))
        }
        guard problems.isEmpty, let place, let address, let equipment, let contact, let phone, let certificate
        else { throw AppError.invalid(problems) }
        return (
            Checked(
                place: place, address: address, capacity: capacity, equipment: equipment, contact: contact,
                phone: phone), certificate
        )
    }

    struct Checked {
        var place, address: String
        var capacity: Int
        var equipment, contact, phone: String
    }

    static func fill(_ row: ExamSiteRow, _ c: Checked) {
        row.place = c.place
        row.address = c.address
        row.capacity = c.capacity
        row.equipment = c.equipment
        row.contact = c.contact
        row.phone = c.phone
    }

    // MARK: Steps

    /// A step on a site by the actor; `draft` carries a resubmission's changes.
    static func step(
        _ id: UUID, _ step: ExamSiteStep, reason input: String?, draft: Draft?, actor: Actor, now: Date,
        on db: any Database
    ) async throws -> ExamSiteStatus {
        guard Access.may(.review, .sites, actor) else { throw AppError.forbidden }
        let site = try await find(id, actor: actor, on: db)
        let desks = try await desks(of: actor, for: site, on: db)
        let next: ExamSiteStatus
        switch ExamSiteFlow.next(site.status, step, desks: desks, hasLead: site.leadSchool != nil) {
        case .success(let s): next = s
        case .failure(let why): throw AppError.conflict(why.chinese, code: "not_allowed")
        }
        let reason = try FreeText.read(input, field: "reason", label: .siteReason, limit: 2000)
        if step.needsReason && reason == nil { throw AppError.invalid([.required("reason", .siteReason)]) }
        guard let row = try await ExamSiteRow.find(id, on: db) else { throw AppError.notFound }
        if step == .resubmit {
            guard let school = try await School.find(row.$school.id, on: db) else { throw AppError.notFound }
            // What the school did not change stays as it was.
            let d = Draft(
                certificate: site.certificate, place: draft?.place ?? row.place,
                address: draft?.address ?? row.address,
                capacity: draft?.capacity ?? row.capacity, equipment: draft?.equipment ?? row.equipment,
                contact: draft?.contact ?? row.contact, phone: draft?.phone ?? row.phone)
            fill(row, try await check(d, school: school, on: db).0)
        }
        try await db.writeTransaction { tx in
            // Exactly one of two deciding at once finds the site still in the state it read.
            let won = try await tx.sql().raw(
                """
                UPDATE exam_sites SET status = \(bind: next.rawValue), updated_at = \(bind: now),
                  reason = \(bind: step.needsReason ? reason : nil as String?),
                  approved_on = \(bind: next == .approved ? (row.approvedOn ?? LocalDate(now).description) : row.approvedOn),
                  place = \(bind: row.place), address = \(bind: row.address), capacity = \(bind: row.capacity),
                  equipment = \(bind: row.equipment), contact = \(bind: row.contact), phone = \(bind: row.phone)
                WHERE id = \(bind: id) AND status = \(bind: site.status.rawValue) RETURNING id
                """
            ).first()
            guard won != nil else {
                throw AppError.conflict("该站点刚刚已被他人处理，请刷新后查看", code: "invalid_state")
            }
            try await AuditWriter(tx).append(
                actor: actor.username, action: step.rawValue, entity: ExamSiteRow.schema, key: id.uuidString,
                before: site.status.rawValue,
                after: "\(next.rawValue)\(reason.map { " \($0.prefix(200))" } ?? "")",
                at: now)
            let to: NoticeAudience =
                switch ExamSiteFlow.waitingFor(next, hasLead: site.leadSchool != nil) {
                case .leadSchool: .school(site.leadSchool ?? "")
                case .organization: .organization(site.organization)
                case .school, .provinceOffice, nil: .school(site.school)
                }
            let title =
                switch step {
                case .resubmit: "考核站点重新申报待审核"
                case .agree: "考核站点申报待评价组织审批（联盟已同意）"
                case .approve: "考核站点已批准设立"
                case .return: "考核站点申报被退回"
                case .suspend: "考核站点已暂停"
                case .resume: "考核站点已恢复"
                }
            row.number = site.number
            row.place = site.place
            try await notify(to, row, title: title, body: reason, now: now, on: tx)
        }
        return next
    }

    /// The parts the actor plays for a site.
    static func desks(of actor: Actor, for site: Site, on db: any Database) async throws -> Set<ExamSiteDesk>
    {
        var desks: Set<ExamSiteDesk> = []
        switch actor.role {
        case .school:
            if actor.unit == site.school { desks.insert(.school) }
            if actor.unit != nil, actor.unit == site.leadSchool { desks.insert(.leadSchool) }
        case .organization where actor.unit == site.organization: desks.insert(.organization)
        case .provinceAdmin: desks.insert(.provinceOffice)
        default: break
        }
        return desks
    }

    static func notify(
        _ audience: NoticeAudience, _ row: ExamSiteRow, title: String, body: String? = nil, now: Date,
        on db: any Database
    ) async throws {
        let id = try row.requireID()
        _ = try await NoticeService.send(
            audience: audience, key: "site:\(id):\(UUID().uuidString)", title: "\(title)：\(row.number)",
            body: body.map { "\(row.place)。\($0.prefix(160))" } ?? row.place,
            link: SitePath.examSite(id).path,
            now: now, on: db)
    }

    static func leadSchool(of certificate: UUID, on db: any Database) async throws -> String? {
        try await Alliance.query(on: db).filter(\.$certificate.$id == certificate).with(\.$leadSchool)
            .first()?
            .leadSchool.code
    }

    static func organizationCode(of certificate: Certificate, on db: any Database) async throws -> String {
        try await Organization.find(certificate.$organization.id, on: db)?.code ?? ""
    }

    // MARK: Reading

    static let columns: SQLQueryString = """
        SELECT x.id, x.number, x.place, x.address, x.capacity, x.equipment, x.contact, x.phone, x.status,
          x.reason, x.approved_on, x.created_at, s.code AS school, s.name AS school_name, r.code AS region,
          r.name AS region_name, c.code AS certificate, c.name AS certificate_name, o.code AS organization,
          o.name AS organization_name,
          (SELECT ls.code FROM alliances a JOIN schools ls ON ls.id = a.lead_school_id WHERE a.certificate_id = c.id) AS lead
        FROM exam_sites x JOIN schools s ON s.id = x.school_id JOIN regions r ON r.id = s.region_id
        JOIN certificates c ON c.id = x.certificate_id JOIN organizations o ON o.id = c.organization_id
        """

    /// The sites in `scope`, newest first.
    static func list(scope: RecordScope, filter: Filter, limit: Int? = nil, on db: any Database) async throws
        -> [Site]
    {
        try await page(
            scope: scope, filter: filter, paging: limit.map { Paging(limit: $0, offset: 0) }, on: db
        )
        .items
    }

    /// One page of the sites in `scope`, newest first, and how many there are; all without a page.
    static func page(scope: RecordScope, filter: Filter, paging: Paging?, on db: any Database) async throws
        -> (items: [Site], total: Int)
    {
        guard let inScope = ScopeCondition.onSites(scope) else { throw AppError.forbidden }
        var condition: SQLQueryString = inScope
        if let s = filter.status { condition += " AND x.status = \(bind: s.rawValue)" }
        if filter.waitingForMe {
            // Only the states in which some desk has a step besides suspending; which sites are
            // the reader's is decided by `ExamSiteFlow` (`list(actor:…)`).
            let open = ExamSiteStatus.allCases.filter { status in
                [true, false].contains { hasLead in
                    ExamSiteFlow.steps(status, desks: Set(ExamSiteDesk.allCases), hasLead: hasLead)
                        .contains { $0 != .suspend }
                }
            }
            condition += " AND x.status IN \(SQLBind.group(open.map(\.rawValue)))"
        }
        if let c = filter.certificate { condition += " AND c.code = \(bind: c)" }
        if let r = filter.region { condition += " AND r.code = \(bind: r)" }
        if let t = filter.text {
            condition += SQLLike.inAny(
                t, of: ["x.number", "x.place", "s.code", "s.name", "c.code", "c.name"])
        }
        return try await SQLPage.read(
            columns, where: condition, order: "x.number DESC", paging: paging, on: db.sql(), site)
    }

    /// The sites the actor may see, with the filter, one page and the count; `waitingForMe`
    /// keeps those whose next step is the actor's (few: read whole, then paged).
    static func list(actor: Actor, filter: Filter, paging: Paging?, on db: any Database) async throws
        -> (items: [Site], total: Int)
    {
        let scope = Access.scope(of: .sites, for: actor)
        guard filter.waitingForMe else {
            return try await page(scope: scope, filter: filter, paging: paging, on: db)
        }
        var mine: [Site] = []
        for s in try await page(scope: scope, filter: filter, paging: nil, on: db).items
        where !ExamSiteFlow.steps(
            s.status, desks: try await desks(of: actor, for: s, on: db), hasLead: s.leadSchool != nil
        ).filter({ $0 != .suspend }).isEmpty {
            mine.append(s)
        }
        guard let paging else { return (mine, mine.count) }
        return (Array(mine.dropFirst(paging.offset).prefix(paging.limit)), mine.count)
    }

    /// One site the actor may see, with the steps the actor may take; another unit's is not found.
    static func find(_ id: UUID, actor: Actor, on db: any Database) async throws -> Site {
        guard let inScope = ScopeCondition.onSites(Access.scope(of: .sites, for: actor)) else {
            throw AppError.forbidden
        }
        guard let row = try await db.sql().raw("\(columns) WHERE x.id = \(bind: id) AND \(inScope)").first()
        else {
            throw AppError.notFound
        }
        var s = try site(row)
        s.steps = ExamSiteFlow.steps(
            s.status, desks: try await desks(of: actor, for: s, on: db), hasLead: s.leadSchool != nil)
        return s
    }

    /// The approved site of `certificate` an exam session names by its number, or nil when it
    /// names none; any other site is refused with the reason, so the clerk can pick again.
    static func sessionSite(_ number: String?, certificate: String, on db: any Database) async throws -> UUID?
    {
        let number = (number ?? "").trimmingCharacters(in: .whitespaces)
        guard !number.isEmpty else { return nil }
        let row = try await db.sql().raw(
            """
            SELECT x.id, x.status, c.code AS certificate FROM exam_sites x JOIN certificates c ON c.id = x.certificate_id
            WHERE x.number = \(bind: number)
            """
        ).first()
        let id = try row?.decode(column: "id", as: UUID.self)
        let status = try row.map {
            try ExamSiteStatus.stored(
                $0.decode(column: "status", as: String.self), table: ExamSiteRow.schema, column: "status",
                id: id)
        }
        guard let id, status == .approved,
            try row?.decode(column: "certificate", as: String.self) == certificate
        else {
            throw AppError.invalid([
                FieldError(
                    code: "site_not_approved",
                    UIText(
                        zh: "考核站点\(number)不是证书\(certificate)已批准的考核站点，请从列表中选择，或把考点写在“其他考点”中",
                        en:
                            "\(number) is not an approved exam site of certificate \(certificate): pick one from the list, or write the place under “Other place”."
                    ), field: "siteNumber")
            ])
        }
        return id
    }

    /// How many entered exam sessions named the site, and how many attended them.
    static func sessionTotals(_ id: UUID, on db: any Database) async throws -> (sessions: Int, attended: Int)
    {
        let row = try await db.sql().raw(
            "SELECT COUNT(*) AS n, CAST(COALESCE(SUM(attended), 0) AS BIGINT) AS a FROM exams WHERE site_id = \(bind: id)"
        ).first()
        return (
            try row?.decode(column: "n", as: Int.self) ?? 0, try row?.decode(column: "a", as: Int.self) ?? 0
        )
    }

    static func site(_ row: any SQLRow) throws -> Site {
        let id = try row.decode(column: "id", as: UUID.self)
        let status = try ExamSiteStatus.stored(
            try row.decode(column: "status", as: String.self), table: ExamSiteRow.schema, column: "status",
            id: id)
        let lead = try row.decode(column: "lead", as: String?.self)
        return Site(
            id: id, number: try row.decode(column: "number", as: String.self),
            school: try row.decode(column: "school", as: String.self),
            schoolName: try row.decode(column: "school_name", as: String.self),
            region: try row.decode(column: "region", as: String.self),
            regionName: try row.decode(column: "region_name", as: String.self),
            certificate: try row.decode(column: "certificate", as: String.self),
            certificateName: try row.decode(column: "certificate_name", as: String.self),
            organization: try row.decode(column: "organization", as: String.self),
            organizationName: try row.decode(column: "organization_name", as: String.self),
            leadSchool: lead, place: try row.decode(column: "place", as: String.self),
            address: try row.decode(column: "address", as: String.self),
            capacity: try row.decode(column: "capacity", as: Int.self),
            equipment: try row.decode(column: "equipment", as: String.self),
            contact: try row.decode(column: "contact", as: String.self),
            phone: try row.decode(column: "phone", as: String.self), status: status,
            reason: try row.decode(column: "reason", as: String?.self),
            approvedOn: try row.decode(column: "approved_on", as: String?.self),
            appliedOn: LocalDate(try row.decode(column: "created_at", as: Date.self)).description,
            waitingFor: ExamSiteFlow.waitingFor(status, hasLead: lead != nil))
    }
}
