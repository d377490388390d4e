import Fluent
import Foundation
import OneXDomain

/// Next year's pilot eligibility (AH41-9: “连续三次不填报周报的院校进行通报，直至取消其下一年度
/// 参与试点资格”): the province office may revoke it for a school on the notice list, with a
/// reason, and lift it again; both audited. While revoked, the school's applications for that
/// year are refused (`pilot_eligibility_revoked`).
enum EligibilityService {
    struct Body: Codable, Sendable {
        var id: UUID
        var school: String
        var year: Int
        var reason: String
        var lifted: Bool
    }

    /// The revocation in force for a school and year, if any.
    static func revocation(school: UUID, year: Int, on db: any Database) async throws
        -> EligibilityRevocationRow?
    {
        try await EligibilityRevocationRow.query(on: db).filter(\.$school.$id == school).filter(
            \.$year == year
        )
        .filter(\.$liftedAt == nil).first()
    }

    /// Revokes next year's eligibility of a school the biweekly check has flagged.
    static func revoke(
        school code: String, reason text: String?, actor: Actor, now: Date, on db: any Database
    )
        async throws -> Body
    {
        guard actor.role == .provinceAdmin else { throw AppError.forbidden }
        guard let school = try await School.query(on: db).filter(\.$code == code).first() else {
            throw AppError.notFound
        }
        let today = LocalDate(now)
        let flagged = try await BiweeklyReportService.compliance(actor: actor, today: today, on: db)
            .first { $0.school == code }
        guard let flagged, flagged.flagged else {
            throw AppError.conflict("该校不在双周报通报名单上，不能取消其试点资格", code: "not_flagged")
        }
        let year = today.year + 1
        guard try await revocation(school: school.requireID(), year: year, on: db) == nil else {
            throw AppError.conflict("该校\(year)年度试点资格已被取消", code: "already_revoked")
        }
        let reason =
            (text ?? "").trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
            ? "双周报连续\(flagged.consecutiveMisses)期未报送"
            : String(text!.trimmingCharacters(in: .whitespacesAndNewlines).prefix(500))
        let row = EligibilityRevocationRow()
        row.$school.id = try school.requireID()
        row.year = year
        row.reason = reason
        row.revokedBy = actor.username
        row.revokedAt = now
        try await db.writeTransaction { tx in
            try await row.create(on: tx)
            try await AuditWriter(tx).append(
                actor: actor.username, action: "revoke.eligibility", entity: "schools", key: code,
                before: nil as String?,
                after: "\(year): \(reason)", at: now)
            _ = try await NoticeService.send(
                audience: .school(code), key: "eligibility:\(code):\(year)", title: "\(year)年度试点资格已被取消",
                body: "因\(reason)，省教育厅取消贵校\(year)年度参与1+X证书制度试点资格；如有异议请联系省教育厅。",
                link: SitePath.reports.path, now: now, on: tx)
        }
        return try body(row, school: code)
    }

    /// Lifts a revocation, with the reason the office gives.
    static func lift(school code: String, reason text: String?, actor: Actor, now: Date, on db: any Database)
        async throws -> Body
    {
        guard actor.role == .provinceAdmin else { throw AppError.forbidden }
        guard let school = try await School.query(on: db).filter(\.$code == code).first(),
            let row = try await EligibilityRevocationRow.query(on: db).filter(
                \.$school.$id == school.requireID()
            )
            .filter(\.$liftedAt == nil).sort(\.$year, .descending).first()
        else { throw AppError.notFound }
        let reason = (text ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        guard !reason.isEmpty else {
            throw AppError.invalid([
                FieldError(
                    code: "required", UIText(zh: "恢复资格须说明理由", en: "Lifting it needs a reason"),
                    field: "reason")
            ])
        }
        row.liftedBy = actor.username
        row.liftedAt = now
        row.liftReason = String(reason.prefix(500))
        try await db.writeTransaction { tx in
            try await row.update(on: tx)
            try await AuditWriter(tx).append(
                actor: actor.username, action: "lift.eligibility", entity: "schools", key: code,
                before: "\(row.year): \(row.reason)", after: reason, at: now)
        }
        return try body(row, school: code)
    }

    /// The revocations in force per school code, for the compliance list.
    static func inForce(on db: any Database) async throws -> [String: Int] {
        let rows = try await EligibilityRevocationRow.query(on: db).filter(\.$liftedAt == nil).with(\.$school)
            .all()
        return Dictionary(rows.map { ($0.school.code, $0.year) }, uniquingKeysWith: max)
    }

    static func body(_ row: EligibilityRevocationRow, school: String) throws -> Body {
        Body(
            id: try row.requireID(), school: school, year: row.year, reason: row.reason,
            lifted: row.liftedAt != nil)
    }
}
