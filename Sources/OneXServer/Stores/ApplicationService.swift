import Fluent
import OneXDomain
import SQLKit
import Vapor

/// Exam-plan applications: drafts, submission with the full rule check, routing and review,
/// and the province's approval applied to the plans (HN-1..12, AH22-1..7, PLAN-1).
enum ApplicationService {
    // MARK: Scoping

    /// The applications an actor may see (`Access.scope(of: .applications)`), narrowed by who
    /// reviews what: a city bureau sees those its region's secondary schools have submitted (the
    /// others go straight to the province, AH22-6); the province every one ever submitted,
    /// including those returned to draft; a school all of its own.
    static func scoped(for actor: Actor, on db: any Database) -> QueryBuilder<ApplicationRow>? {
        let q = ApplicationRow.query(on: db).join(School.self, on: \ApplicationRow.$school.$id == \School.$id)
        switch Access.scope(of: .applications, for: actor) {
        case .school(let code):
            return q.filter(School.self, \.$code == code)
        case .region(let code):
            return q.join(Region.self, on: \School.$region.$id == \Region.$id).filter(Region.self, \.$code == code)
                .filter(School.self, \.$kind == SchoolKind.secondary.rawValue).filter(\.$submittedAt != nil)
        case .all:
            return q.filter(\.$submittedAt != nil)
        case .organization, .published, .ledBy, .publishedOr, .either, .none:
            return nil
        }
    }

    static func find(_ id: UUID, actor: Actor, on db: any Database) async throws -> ApplicationRow {
        guard let scoped = scoped(for: actor, on: db) else { throw AppError.forbidden }
        guard let row = try await scoped.filter(\.$id == id).with(\.$lines).with(\.$reviews).with(\.$school).first()
        else { throw AppError.notFound }
        return row
    }

    // MARK: Bodies

    struct Draft: Decodable {
        var year: Int
        var lines: [ApplicationLine]
    }

    struct ReviewBody: Encodable {
        var stage: String
        var decision: String
        var reviewer: String
        var comment: String
        var at: Date
    }

    struct AttachmentBody: Encodable {
        var id: UUID
        var purpose: String
        var line: Int?
        var filename: String
        var size: Int
        var sha256: String
        var at: Date
    }

    struct ApplicationBody: Encodable {
        var id: UUID
        /// 豫1X-2026-春-0012 once submitted.
        var number: String?
        var school: String
        var year: Int
        var status: ApplicationStatus
        var policyVersion: Int?
        var window: String?
        var submittedAt: Date?
        /// A returned draft: the stage that returned it and the last day to resubmit.
        var correction: Correction?
        var lines: [ApplicationLine]
        var reviews: [ReviewBody]
        var attachments: [AttachmentBody]
        /// The rules' verdict now, for a draft: what submitting would refuse.
        var violations: [RuleViolation]?
    }

    static func body(_ row: ApplicationRow, violations: [RuleViolation]?, on db: any Database) async throws -> ApplicationBody {
        let attachments = try await AttachmentRow.query(on: db).filter(\.$application.$id == row.requireID())
            .field(\.$id).field(\.$purpose).field(\.$lineNo).field(\.$filename).field(\.$size).field(\.$sha256).field(\.$at)
            .sort(\.$at).all()
        let school = try await row.$school.get(on: db)
        return ApplicationBody(
            id: try row.requireID(), number: row.number, school: school.code, year: row.year, status: try row.statusValue, policyVersion: row.policyVersion,
            window: row.windowName, submittedAt: row.submittedAt, correction: try row.correction, lines: try row.domainLines,
            reviews: (row.$reviews.value ?? []).sorted { $0.revision < $1.revision }.map {
                ReviewBody(stage: $0.stage, decision: $0.decision, reviewer: $0.reviewer, comment: $0.comment, at: $0.at)
            },
            attachments: try attachments.map {
                AttachmentBody(id: try $0.requireID(), purpose: $0.purpose, line: $0.lineNo, filename: $0.filename, size: $0.size,
                               sha256: $0.sha256, at: $0.at)
            },
            violations: violations)
    }

    // MARK: Drafts

    static func saveDraft(_ draft: Draft, existing: ApplicationRow?, actor: Actor, now: Date, on db: any Database) async throws -> ApplicationRow {
        guard actor.role == .school, let code = actor.unit,
            let school = try await School.query(on: db).filter(\.$code == code).first()
        else { throw AppError.forbidden }
        guard (2019...2100).contains(draft.year) else {
            throw AppError.invalid([FieldError(code: "invalid", message: "申报年度无效：\(draft.year)", field: "year")])
        }
        // An empty draft helps nobody and clutters every list: a draft starts with a line.
        guard !draft.lines.isEmpty else {
            throw AppError.invalid([FieldError(code: "no_lines", message: "申报至少应包含一行：请填写证书、等级、类型和人数", field: "lines")])
        }
        guard draft.lines.count <= ApplicationLine.maxPerApplication else {
            throw AppError.invalid([FieldError(code: "too_many", message: "一份申报最多\(ApplicationLine.maxPerApplication)行", field: "lines")])
        }
        let lineProblems = draft.lines.enumerated().flatMap { i, line in line.problems(line: i + 1) }
        if !lineProblems.isEmpty { throw AppError.invalid(lineProblems) }
        if let existing, try existing.statusValue != .draft {
            throw AppError.conflict("申报已提交，不能再修改", code: "not_draft")
        }
        return try await db.writeTransaction { tx in
            let row = existing ?? ApplicationRow()
            if existing == nil {
                row.$school.id = try school.requireID()
                row.status = ApplicationStatus.draft.rawValue
                row.revision = 0
                row.createdAt = now
            }
            row.year = draft.year
            row.updatedAt = now
            try await row.save(on: tx)
            try await ApplicationLineRow.query(on: tx).filter(\.$application.$id == row.requireID()).delete()
            for (i, line) in draft.lines.enumerated() {
                let l = ApplicationLineRow()
                l.$application.id = try row.requireID()
                l.lineNo = i + 1
                l.certificateCode = line.certificate
                l.level = line.level.rawValue
                l.kind = line.kind.rawValue
                l.count = line.count
                l.reason = line.reason
                try await l.create(on: tx)
            }
            try await AuditWriter(tx).append(actor: actor.username, action: existing == nil ? "create" : "update",
                                             entity: "applications", key: row.requireID().uuidString, before: nil as DraftAudit?,
                                             after: DraftAudit(year: draft.year, lines: draft.lines), at: now)
            return row
        }
    }

    struct DraftAudit: Encodable {
        var year: Int
        var lines: [ApplicationLine]
    }

    // MARK: Rules

    static func context(for row: ApplicationRow, policy: Policy, now: Date, on db: any Database) async throws -> RuleContext {
        let school = try await row.$school.get(on: db)
        let schoolID = try school.requireID()
        if school.$region.value == nil { school.$region.value = try await Region.find(school.$region.id, on: db) }
        let sql = try db.sql()
        // Only the certificates the lines name: the rules look up nothing else in the catalog.
        let named = Set(try row.domainLines.map(\.certificate))
        let certificates =
            named.isEmpty
            ? []
            : try await sql.raw(
                """
                SELECT \(unsafeRaw: Certificate.Stored.columns) FROM certificates c
                JOIN organizations o ON o.id = c.organization_id WHERE c.code IN (\(binds: Array(named)))
                """
            ).all(decoding: Certificate.Stored.self).map(\.record)
        struct Plan: Decodable {
            var certificate: String
            var level: String
            var year: Int
            var status: String
            var count: Int
            var applied: Int
        }
        let plans = try await sql.raw(
            """
            SELECT c.code AS certificate, p.level, p.year, p.status, p.count, p.applied_count AS applied
            FROM plans p JOIN certificates c ON c.id = p.certificate_id WHERE p.school_id = \(bind: schoolID)
            """
        ).all(decoding: Plan.self)
        var current: [PlanKey: Int] = [:]
        var lastYearCerts = Set<String>()
        var lastYearTotal = 0
        var thisYearApproved = 0
        for p in plans {
            let level: Level = try .stored(p.level, table: PlanRow.schema, column: "level", id: nil)
            let status: PlanStatus = try .stored(p.status, table: PlanRow.schema, column: "status", id: nil)
            if status == .active { current[PlanKey(certificate: p.certificate, level: level, year: p.year)] = p.count }
            if p.year == row.year - 1 {
                lastYearCerts.insert(p.certificate)
                lastYearTotal += p.applied
            }
            if p.year == row.year { thisYearApproved += p.applied }
        }
        // AH22-2 (indicators.md): last year's completion rate and approved new + increase total;
        // this year's approved total plus what is still under review, so two applications
        // submitted side by side cannot pass the cap together.
        let lastYear = try await IndicatorService.totals(.school(school.code), year: row.year - 1, asOf: LocalDate(now), on: db)
        struct Pending: Decodable {
            var kind: String
            var count: Int
        }
        let pending = try await sql.raw(
            """
            SELECT l.kind, l.count FROM application_lines l JOIN applications a ON a.id = l.application_id
            WHERE a.school_id = \(bind: schoolID) AND a.year = \(bind: row.year) AND a.id <> \(bind: row.requireID())
              AND a.status IN (\(bind: ApplicationStatus.cityReview.rawValue), \(bind: ApplicationStatus.provinceReview.rawValue))
            """
        ).all(decoding: Pending.self)
        let already = try pending.reduce(thisYearApproved) { sum, line in
            let kind: LineKind = try .stored(line.kind, table: ApplicationLineRow.schema, column: "kind", id: nil)
            return kind == .decrease ? sum : sum + line.count
        }
        let attachments = try await AttachmentRow.query(on: db).filter(\.$application.$id == row.requireID())
            .field(\.$id).field(\.$purpose).field(\.$lineNo).all()
        return RuleContext(
            policy: policy, school: try school.toDomain(),
            certificates: Dictionary(uniqueKeysWithValues: certificates.map { ($0.code, $0) }),
            plans: current, certificatesLastYear: lastYearCerts,
            previousYear: lastYearTotal > 0
                ? .init(total: lastYearTotal, completionRate: IndicatorSet(lastYear).completionRate) : nil,
            alreadyAppliedThisYear: already,
            linesWithJustification: Set(try attachments.filter { try $0.purposeValue == .justification }.compactMap(\.lineNo)),
            hasAdjustmentForm: try attachments.contains { try $0.purposeValue == .adjustmentForm },
            hasStampedScan: try attachments.contains { try $0.purposeValue == .stampedScan }, correction: try row.correction,
            eligibilityRevoked: try await EligibilityService.revocation(school: school.requireID(), year: row.year, on: db)?.reason,
            now: now)
    }

    static func violations(of row: ApplicationRow, now: Date, on db: any Database) async throws -> [RuleViolation] {
        guard let current = try await PolicyVersion.current(on: db) else { return [] }
        let ctx = try await context(for: row, policy: try current.policy(), now: now, on: db)
        return RuleEngine.check(year: row.year, lines: try row.domainLines, context: ctx)
    }

    // MARK: Submission

    static func submit(_ row: ApplicationRow, actor: Actor, now: Date, on db: any Database) async throws -> ApplicationRow {
        guard actor.role == .school else { throw AppError.forbidden }
        guard try row.statusValue == .draft else { throw AppError.conflict("申报已提交", code: "not_draft") }
        guard let version = try await PolicyVersion.current(on: db) else { throw AppError.notFound }
        let policy = try version.policy()
        let ctx = try await context(for: row, policy: policy, now: now, on: db)
        let violations = RuleEngine.check(year: row.year, lines: try row.domainLines, context: ctx)
        if !violations.isEmpty {
            throw AppError.invalid(violations.map(\.fieldError), detail: "申报未通过规则校验：共\(violations.count)处问题")
        }
        let school = try await row.$school.get(on: db)
        // A corrected application goes back to the stage that returned it, in its first window.
        let correction = try row.correction
        let kind: SchoolKind = try .stored(school.kind, table: School.schema, column: "kind", id: school.id)
        let next = correction?.stage ?? ReviewRouting.firstStage(for: kind)
        row.status = next.rawValue
        row.policyVersion = version.version
        if correction == nil { row.windowName = policy.window(open: .school, on: LocalDate(now))?.name }
        row.returnedByStage = nil
        row.correctionDue = nil
        row.submittedAt = now
        row.updatedAt = now
        let id = try row.requireID()
        try await db.writeTransaction { tx in
            // A state change is a conditional update: of several submits of one draft at once,
            // exactly one finds it still a draft.
            let won = try await tx.sql().raw("""
                UPDATE applications SET status = \(bind: next.rawValue) WHERE id = \(bind: id) AND status = \(bind: ApplicationStatus.draft.rawValue)
                RETURNING status
                """).first()
            guard won != nil else { throw AppError.conflict("申报已提交", code: "not_draft") }
            // The audit entry first: on PostgreSQL it serialises writers, so two first
            // submissions of one batch cannot take the same number.
            try await AuditWriter(tx).append(actor: actor.username, action: "submit", entity: "applications",
                                             key: row.requireID().uuidString, before: "draft", after: next.rawValue, at: now)
            if row.number == nil { row.number = try await nextNumber(for: row, policy: policy, on: tx) }
            try await row.save(on: tx)
        }
        return row
    }

    /// The next number of the application's batch (`ApplicationNumber`): numbers are never
    /// freed, since only a never-submitted draft may be deleted.
    static func nextNumber(for row: ApplicationRow, policy: Policy, on db: any Database) async throws -> String {
        let recurring = policy.recurringWindows.contains { $0.name == row.windowName }
        let prefix = ApplicationNumber.prefix(province: policy.province, year: row.year,
                                              batch: ApplicationNumber.batch(windowName: row.windowName, isRecurring: recurring))
        struct Count: Decodable { var n: Int }
        let taken = try await db.sql().raw("SELECT COUNT(*) AS n FROM applications WHERE number LIKE \(bind: prefix + "%")")
            .first(decoding: Count.self)?.n ?? 0
        return ApplicationNumber.make(prefix: prefix, sequence: taken + 1)
    }

    // MARK: Review

    enum Decision: String, Codable { case approve, `return`, reject }

    struct ReviewInput: Decodable {
        var decision: Decision
        var comment: String?
    }

    static func review(_ row: ApplicationRow, input: ReviewInput, actor: Actor, now: Date, on db: any Database) async throws -> ApplicationRow {
        let stage = try row.statusValue
        switch (actor.role, stage) {
        case (.cityReviewer, .cityReview), (.provinceReviewer, .provinceReview), (.provinceAdmin, .provinceReview): break
        case (.cityReviewer, _), (.provinceReviewer, _), (.provinceAdmin, _):
            throw AppError.conflict("该申报当前不在您的审核阶段（\(stage.chinese)）", code: "wrong_stage")
        default: throw AppError.forbidden
        }
        // Judged by the policy version in force when it was submitted.
        let versionNumber = row.policyVersion ?? 0
        guard let version = try await PolicyVersion.query(on: db).filter(\.$version == versionNumber).first() else {
            throw AppError.notFound
        }
        let policy = try version.policy()
        if let closed = ReviewRouting.phaseViolation(stage, lines: try row.domainLines, policy: policy, now: now) {
            throw AppError(.unprocessableEntity, kind: "validation", detail: closed.message, errors: [closed.fieldError])
        }
        let comment = (input.comment ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if input.decision != .approve && comment.isEmpty {
            throw AppError.invalid([FieldError(code: "required", message: "退回或不通过时须填写审核意见", field: "comment")])
        }
        let next: ApplicationStatus = switch (input.decision, stage) {
        case (.approve, .cityReview): .provinceReview
        case (.approve, _): .approved
        case (.return, _): .draft
        case (.reject, _): .rejected
        }
        let window = policy.windows(in: row.year).first { $0.name == row.windowName }
        let due = next == .draft ? Correction.due(returnedBy: stage, on: LocalDate(now), policy: policy) : nil
        do {
            try await db.writeTransaction { tx in
                let review = ReviewRow()
                review.$application.id = try row.requireID()
                review.revision = row.revision
                review.stage = stage.rawValue
                review.decision = input.decision.rawValue
                review.reviewer = actor.username
                review.comment = comment
                review.at = now
                try await review.create(on: tx)
                row.status = next.rawValue
                row.revision += 1
                row.updatedAt = now
                if next == .draft {
                    row.returnedByStage = stage.rawValue
                    row.correctionDue = due?.description
                }
                try await row.save(on: tx)
                if next == .approved {
                    try await applyToPlans(row, reviewer: actor.username, countsInIndicators: window?.countsInIndicators ?? true,
                                           now: now, on: tx)
                }
                if next == .approved || next == .draft || next == .rejected {
                    let school = try await row.$school.get(on: tx)
                    let what = next == .approved ? "已通过省级审核" : next == .draft ? "被退回修改" : "未通过审核"
                    let deadline = due.map { "请于\($0.chinese)前修改并重新提交。" } ?? ""
                    _ = try await NoticeService.send(
                        audience: .school(school.code), key: "application:\(row.requireID().uuidString):\(row.revision)",
                        title: "\(row.year)年考核计划申报\(row.number.map { "（\($0)）" } ?? "")\(what)", body: (comment.isEmpty ? what : "审核意见：\(comment)") + (deadline.isEmpty ? "" : "。" + deadline),
                        link: SitePath.application(row.requireID()).path, now: now, on: tx)
                }
                try await AuditWriter(tx).append(actor: actor.username, action: "review.\(input.decision.rawValue)",
                                                 entity: "applications", key: row.requireID().uuidString, before: stage.rawValue,
                                                 after: next.rawValue, at: now)
            }
        } catch let e as any DatabaseError where e.isConstraintFailure {
            throw AppError.conflict("该申报已由其他审核人处理，请刷新后查看最新状态", code: "review_conflict")
        }
        return row
    }

    /// The day a return decided now would give the school, by the policy the application was
    /// submitted under; shown to the reviewer before deciding.
    static func correctionDueIfReturned(_ row: ApplicationRow, now: Date, on db: any Database) async throws -> LocalDate? {
        guard let version = try await PolicyVersion.query(on: db).filter(\.$version == (row.policyVersion ?? 0)).first() else {
            return nil
        }
        return Correction.due(returnedBy: try row.statusValue, on: LocalDate(now), policy: try version.policy())
    }

    /// PLAN-1: each approved line becomes a change of its plan, in the same transaction.
    static func applyToPlans(_ row: ApplicationRow, reviewer: String, countsInIndicators: Bool, now: Date,
                             on db: any Database) async throws {
        let resolver = CodeResolver(db)
        for line in try row.domainLines {
            guard let certificateID = try await resolver.id(.certificates, line.certificate) else {
                throw AppError.invalid([FieldError(code: "unknown_certificate", message: "证书“\(line.certificate)”不存在")])
            }
            _ = try await PlanService.applyChange(school: row.$school.id, certificate: certificateID, level: line.level, year: row.year,
                                                  kind: line.kind, count: line.count, application: row.id, reviewer: reviewer,
                                                  countsInIndicators: countsInIndicators, now: now, on: db)
        }
    }
}
