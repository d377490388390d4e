import Fluent
import Foundation
import OneXDomain
import SQLKit

/// The fee-standard chain (MOE12-1, MOE12-2): propose → expert review by the lead school →
/// verify or reject → publish. Every step is audited and notified; reads go through the one
/// access policy (`Access.scope(of: .feeStandards)`, `Access.publicScope`).
enum FeeStandardService {
    struct Proposal: Codable, Sendable {
        var certificate: String
        var level: Level
        var amount: Int
        var effectiveFrom: String
        var breakdown: String?
        var raiseRequest: String?
    }

    struct Decision: Codable, Sendable {
        /// `verify` or `reject` (api.md).
        var decision: String
        var amount: Int?
        var comment: String?
    }

    struct Publication: Codable, Sendable {
        var documentNumber: String?
        var publishedOn: String?
    }

    /// A standard as the API and the pages show it.
    struct Body: Codable, Sendable {
        var id: UUID
        var certificate: String
        var certificateName: String
        var organization: String
        var organizationName: String
        var level: Level
        var amount: Int
        var verifiedAmount: Int?
        var fee: Int
        var effectiveFrom: String
        var status: FeeStandardStatus
        var isRaise: Bool
        var raiseRequest: String?
        var breakdown: String?
        var review: FeeReview?
        var decisionComment: String?
        var documentNumber: String?
        var publishedOn: String?
    }

    // MARK: Steps

    static func propose(_ input: Proposal, actor: Actor, now: Date, on db: any Database) async throws -> UUID
    {
        // Only the certificate's own organisation: another's certificate is not found.
        guard
            let cert = try await CertificateStore.find(
                input.certificate, scope: Access.scope(of: .certificates, for: actor), on: db),
            let certRow = try await Certificate.query(on: db).filter(\.$code == cert.code).first()
        else { throw AppError.notFound }
        guard cert.levels.contains(input.level) else {
            throw AppError.invalid([
                FieldError(
                    code: "invalid",
                    UIText(
                        zh: "证书\(cert.code)没有\(input.level.chinese)等级",
                        en: "Certificate \(cert.code) has no \(input.level.english) level"),
                    field: "level")
            ])
        }
        guard let day = LocalDate(input.effectiveFrom) else {
            throw AppError.invalid([
                FieldError.invalid(
                    "effectiveFrom", UIText(zh: "生效日期", en: "Effective date"), value: input.effectiveFrom,
                    expected: UIText(zh: " YYYY-MM-DD", en: "YYYY-MM-DD"))
            ])
        }
        let breakdown = try FreeText.read(
            input.breakdown, field: "breakdown", label: UIText(zh: "成本构成说明", en: "Cost breakdown"),
            limit: 2000)
        let raiseRequest = try FreeText.read(
            input.raiseRequest, field: "raiseRequest", label: UIText(zh: "上调申请理由", en: "Request for a raise"),
            limit: 2000)
        let certID = try certRow.requireID()
        let versions = try await self.versions(
            certificate: certID, code: cert.code, level: input.level, on: db)
        var proposal = FeeStandard(
            certificate: cert.code, level: input.level, amount: input.amount, effectiveFrom: day,
            status: .proposed)
        proposal.isRaise = FeeRules.isRaise(proposal, versions: versions)
        let problems = FeeRules.problems(
            proposal, cap: cert.costCaps[input.level], versions: versions, raiseRequest: raiseRequest)
        if !problems.isEmpty { throw AppError.invalid(problems) }
        let proposed = proposal
        let row = FeeStandardRow()
        row.$certificate.id = certID
        row.level = input.level.rawValue
        row.amount = input.amount
        row.effectiveFrom = day.description
        row.status = FeeStandardStatus.proposed.rawValue
        row.isRaise = proposal.isRaise
        row.raiseRequest = proposal.isRaise ? raiseRequest : nil
        row.breakdown = breakdown
        row.proposedBy = actor.username
        row.proposedAt = now
        let lead = try await leadSchool(of: certID, on: db)
        try await db.writeTransaction { tx in
            try await row.create(on: tx)
            try await AuditWriter(tx).append(
                actor: actor.username, action: "propose", entity: "fee_standards",
                key: try row.requireID().uuidString, before: nil as FeeStandard?, after: proposed, at: now)
            let title = "考核费用标准待论证：\(cert.name)\(input.level.chinese)"
            let link = SitePath.feeStandard(try row.requireID()).path
            if let lead {
                _ = try await NoticeService.send(
                    audience: .school(lead), key: "fee:\(try row.requireID()):proposed", title: title,
                    body:
                        "\(cert.name)\(input.level.chinese)的考核费用标准（\(Fen.displayText(input.amount))）已申报，请组织专家论证并录入论证意见。",
                    link: link, now: now, on: tx)
            } else {
                _ = try await NoticeService.send(
                    audience: .role(.provinceReviewer), key: "fee:\(try row.requireID()):proposed",
                    title: "考核费用标准待核定：\(cert.name)\(input.level.chinese)",
                    body: "该证书没有试点联盟牵头院校，请直接核定。", link: link, now: now, on: tx)
            }
        }
        return try row.requireID()
    }

    static func review(_ id: UUID, _ input: FeeReview, actor: Actor, now: Date, on db: any Database)
        async throws
    {
        let (row, cert) = try await find(id, actor: actor, on: db)
        guard try row.domain(certificate: cert.code).status == .proposed else {
            throw AppError.conflict("该费用标准不在待专家论证状态", code: "invalid_state")
        }
        // A proposal is visible to its lead school only, so another school cannot get here.
        guard try await leadSchool(of: row.$certificate.id, on: db) == actor.unit else {
            throw AppError.notFound
        }
        var problems: [FieldError] = []
        if input.opinions.isEmpty {
            problems.append(
                FieldError(
                    code: "required", UIText(zh: "请至少录入一位专家的论证意见", en: "Enter at least one expert's opinion"),
                    field: "opinions"))
        }
        let pool = Set(try await Expert.query(on: db).all().map(\.code))
        for o in input.opinions where !pool.contains(o.expert) {
            problems.append(
                FieldError(
                    code: "unknown_reference",
                    UIText(zh: "专家“\(o.expert)”不在专家库中", en: "Expert “\(o.expert)” is not in the pool"),
                    field: "opinions"))
        }
        for o in input.opinions
        where o.opinion.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty || o.opinion.count > 2000 {
            problems.append(
                FieldError(
                    code: "invalid",
                    UIText(
                        zh: "专家“\(o.expert)”的意见应为1到2000个字符",
                        en: "Expert “\(o.expert)”'s opinion must have 1 to 2000 characters"),
                    field: "opinions"))
        }
        if input.conclusion.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
            || input.conclusion.count > 2000
        {
            problems.append(
                FieldError(
                    code: "required",
                    UIText(zh: "请填写论证结论（不超过2000字）", en: "Enter the conclusion (at most 2000 characters)"),
                    field: "conclusion"))
        }
        if input.meetingOn > LocalDate(now) {
            problems.append(
                FieldError(
                    code: "invalid", UIText(zh: "论证会日期不能晚于今天", en: "The meeting cannot be after today"),
                    field: "meetingOn"))
        }
        if !problems.isEmpty { throw AppError.invalid(problems) }
        row.review = String(decoding: try JSONEncoder().encode(input), as: UTF8.self)
        row.reviewedBy = actor.username
        row.status = FeeStandardStatus.reviewed.rawValue
        try await db.writeTransaction { tx in
            try await row.update(on: tx)
            try await AuditWriter(tx).append(
                actor: actor.username, action: "review", entity: "fee_standards", key: id.uuidString,
                before: nil as FeeReview?, after: input, at: now)
            _ = try await NoticeService.send(
                audience: .role(.provinceReviewer), key: "fee:\(id):reviewed",
                title: "考核费用标准待核定：\(cert.name)\(Level(rawValue: row.level)?.chinese ?? "")",
                body: "牵头院校已录入专家论证意见，请核定。", link: SitePath.feeStandard(id).path, now: now, on: tx)
        }
    }

    static func decide(_ id: UUID, _ input: Decision, actor: Actor, now: Date, on db: any Database)
        async throws
    {
        let (row, cert) = try await find(id, actor: actor, on: db)
        let standard = try row.domain(certificate: cert.code)
        let hasLead = try await leadSchool(of: row.$certificate.id, on: db) != nil
        // With an alliance, the expert review comes first; without one the province verifies
        // directly (by experts or a third party, MOE12-1).
        guard standard.status == .reviewed || (standard.status == .proposed && !hasLead) else {
            throw AppError.conflict(
                standard.status == .proposed ? "牵头院校尚未录入专家论证意见，暂不能核定" : "该费用标准不在待核定状态", code: "invalid_state")
        }
        let comment = try FreeText.read(
            input.comment, field: "comment", label: UIText(zh: "核定意见", en: "Comment"), limit: 2000)
        switch input.decision {
        case "verify":
            // MOE12-2: a raise rests on the organisation's written request, kept with the proposal.
            if standard.isRaise, try await !FeeFileService.has(.raiseRequest, standard: id, on: db) {
                throw AppError.invalid([
                    FieldError(
                        code: "raise_request_missing",
                        UIText(
                            zh: "上调标准须有培训评价组织的书面申请：请培训评价组织上传“上调标准书面申请”附件后再核定",
                            en:
                                "A raise needs the organisation's written request: ask it to upload the “written request for a raise” file, then verify"
                        ),
                        field: "decision")
                ])
            }
            let verified = input.amount ?? standard.amount
            let problems = FeeRules.verificationProblems(proposed: standard.amount, verified: verified)
            if !problems.isEmpty { throw AppError.invalid(problems) }
            row.verifiedAmount = verified
            row.status = FeeStandardStatus.verified.rawValue
        case "reject":
            guard comment != nil else {
                throw AppError.invalid([
                    FieldError(
                        code: "required", UIText(zh: "退回时须填写核定意见", en: "A rejection needs a comment"),
                        field: "comment")
                ])
            }
            row.status = FeeStandardStatus.rejected.rawValue
        default:
            throw AppError.invalid([
                FieldError(
                    code: "invalid",
                    UIText(zh: "核定结论应为核定（verify）或退回（reject）", en: "The decision must be verify or reject"),
                    field: "decision")
            ])
        }
        row.decisionComment = comment
        row.decidedBy = actor.username
        row.decidedAt = now
        let organization = try await cert.$organization.get(on: db).code
        try await db.writeTransaction { tx in
            try await row.update(on: tx)
            try await AuditWriter(tx).append(
                actor: actor.username, action: input.decision, entity: "fee_standards", key: id.uuidString,
                before: standard, after: try row.domain(certificate: cert.code), at: now)
            let verdict =
                input.decision == "verify"
                ? "已核定（\(Fen.displayText(row.verifiedAmount ?? row.amount))），待发布" : "被退回：\(comment ?? "")"
            _ = try await NoticeService.send(
                audience: .organization(organization), key: "fee:\(id):\(input.decision)",
                title: "考核费用标准\(input.decision == "verify" ? "已核定" : "被退回")：\(cert.name)",
                body: "\(cert.name)的考核费用标准\(verdict)", link: SitePath.feeStandard(id).path, now: now, on: tx)
        }
    }

    static func publish(_ id: UUID, _ input: Publication, actor: Actor, now: Date, on db: any Database)
        async throws
    {
        let (row, cert) = try await find(id, actor: actor, on: db)
        guard try row.domain(certificate: cert.code).status == .verified else {
            throw AppError.conflict("只有已核定的费用标准才能发布", code: "invalid_state")
        }
        let number = try MonitoringService.documentNumber(input.documentNumber)
        var day = LocalDate(now)
        if let text = input.publishedOn, !text.isEmpty {
            guard let d = LocalDate(text) else {
                throw AppError.invalid([
                    FieldError.invalid(
                        "publishedOn", UIText(zh: "发布日期", en: "Publication date"), value: text,
                        expected: UIText(zh: " YYYY-MM-DD", en: "YYYY-MM-DD"))
                ])
            }
            day = d
        }
        let publishedOn = day
        row.status = FeeStandardStatus.published.rawValue
        row.documentNumber = number
        row.publishedOn = publishedOn.description
        row.publishedBy = actor.username
        let organization = try await cert.$organization.get(on: db).code
        try await db.writeTransaction { tx in
            try await row.update(on: tx)
            try await AuditWriter(tx).append(
                actor: actor.username, action: "publish", entity: "fee_standards", key: id.uuidString,
                before: nil as String?, after: "\(number ?? "") \(publishedOn)", at: now)
            for audience in [NoticeAudience.organization(organization), .role(.school)] {
                _ = try await NoticeService.send(
                    audience: audience, key: "fee:\(id):published",
                    title: "考核费用标准已发布：\(cert.name)",
                    body:
                        "\(cert.name)的考核费用标准\(Fen.displayText(row.verifiedAmount ?? row.amount))自\(row.effectiveFrom)起执行。",
                    link: SitePath.feeStandard(id).path, now: now, on: tx)
            }
        }
    }

    // MARK: Reads

    /// The standards the reader may see (nil: without an account), newest effective date first.
    static func list(actor: Actor?, certificate: String?, status: FeeStandardStatus?, on db: any Database)
        async throws -> [Body]
    {
        let scope =
            actor.map { Access.scope(of: .feeStandards, for: $0) } ?? Access.publicScope(of: .feeStandards)
        guard let inScope = ScopeCondition.onFeeStandards(scope) else { throw AppError.forbidden }
        var filter: SQLQueryString = ""
        if let certificate { filter += " AND c.code = \(bind: certificate)" }
        if let status { filter += " AND f.status = \(bind: status.rawValue)" }
        let rows = try await db.sql().raw(
            """
            SELECT f.id FROM fee_standards f JOIN certificates c ON c.id = f.certificate_id JOIN organizations o ON o.id = c.organization_id
            WHERE \(inScope) \(filter) ORDER BY c.code, f.level, f.effective_from DESC LIMIT 5000
            """
        ).all()
        let ids = try rows.map { try $0.decode(column: "id", as: UUID.self) }
        guard !ids.isEmpty else { return [] }
        let found = try await FeeStandardRow.query(on: db).filter(\.$id ~~ ids).with(\.$certificate) {
            $0.with(\.$organization)
        }.all()
        let byID = Dictionary(uniqueKeysWithValues: try found.map { (try $0.requireID(), $0) })
        return try ids.compactMap { byID[$0] }.map(body)
    }

    /// One standard the actor may see, with its certificate; another's is not found.
    static func find(_ id: UUID, actor: Actor?, on db: any Database) async throws -> (
        FeeStandardRow, Certificate
    ) {
        let scope =
            actor.map { Access.scope(of: .feeStandards, for: $0) } ?? Access.publicScope(of: .feeStandards)
        guard let inScope = ScopeCondition.onFeeStandards(scope) else { throw AppError.forbidden }
        let visible = try await db.sql().raw(
            """
            SELECT f.id FROM fee_standards f JOIN certificates c ON c.id = f.certificate_id JOIN organizations o ON o.id = c.organization_id
            WHERE f.id = \(bind: id) AND \(inScope)
            """
        ).first()
        guard visible != nil,
            let row = try await FeeStandardRow.query(on: db).filter(\.$id == id).with(
                \.$certificate, { $0.with(\.$organization) }
            )
            .first()
        else { throw AppError.notFound }
        return (row, row.certificate)
    }

    static func body(_ row: FeeStandardRow) throws -> Body {
        let cert = row.certificate
        let s = try row.domain(certificate: cert.code)
        return Body(
            id: try row.requireID(), certificate: cert.code, certificateName: cert.name,
            organization: cert.organization.code,
            organizationName: cert.organization.name, level: s.level, amount: s.amount,
            verifiedAmount: s.verifiedAmount, fee: s.fee,
            effectiveFrom: s.effectiveFrom.description, status: s.status, isRaise: s.isRaise,
            raiseRequest: row.raiseRequest,
            breakdown: row.breakdown, review: try row.reviewValue, decisionComment: row.decisionComment,
            documentNumber: row.documentNumber, publishedOn: row.publishedOn)
    }

    /// Every version of a certificate level, as the domain rules read them.
    static func versions(certificate: UUID, code: String, level: Level, on db: any Database) async throws
        -> [FeeStandard]
    {
        try await FeeStandardRow.query(on: db).filter(\.$certificate.$id == certificate).filter(
            \.$level == level.rawValue
        ).all()
            .map { try $0.domain(certificate: code) }
    }

    /// The code of the lead school of the certificate's alliance, if it has one.
    static func leadSchool(of certificate: UUID, on db: any Database) async throws -> String? {
        try await Alliance.query(on: db).filter(\.$certificate.$id == certificate).with(\.$leadSchool)
            .first()?.leadSchool.code
    }
}
