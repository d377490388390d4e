import Fluent
import OneXDomain
import SQLKit
import Vapor

/// A school takes back its own work: a draft never submitted is deleted; a submitted
/// application no reviewer has decided on yet is withdrawn (撤回) to a draft, out of the
/// reviewers' lists, keeping its number for the next submission.
extension ApplicationService {
    static func delete(_ row: ApplicationRow, actor: Actor, now: Date, on db: any Database) async throws {
        guard actor.role == .school else { throw AppError.forbidden }
        guard try row.statusValue == .draft, row.submittedAt == nil, row.number == nil else {
            throw AppError.conflict("只能删除从未提交过的草稿；已提交过的申报请修改后重新提交", code: "not_deletable")
        }
        let id = try row.requireID()
        try await db.writeTransaction { tx in
            // Conditional: a submit racing the delete wins or loses as a whole.
            let gone = try await tx.sql().raw(
                """
                DELETE FROM applications WHERE id = \(bind: id) AND status = \(bind: ApplicationStatus.draft.rawValue) AND submitted_at IS NULL
                RETURNING id
                """
            ).first()
            guard gone != nil else { throw AppError.conflict("申报已提交，不能删除", code: "not_deletable") }
            try await AuditWriter(tx).append(
                actor: actor.username, action: "delete", entity: "applications", key: id.uuidString,
                before: AuditWriter.json(DraftAudit(year: row.year, lines: try row.domainLines)),
                after: nil, at: now)
        }
    }

    static func withdraw(_ row: ApplicationRow, actor: Actor, now: Date, on db: any Database) async throws {
        guard actor.role == .school else { throw AppError.forbidden }
        let stage = try row.statusValue
        guard stage == .cityReview || stage == .provinceReview, (row.$reviews.value ?? []).isEmpty else {
            throw AppError.conflict("审核已开始，不能撤回；如需修改请联系审核单位退回", code: "not_withdrawable")
        }
        let id = try row.requireID()
        try await db.writeTransaction { tx in
            // Only while no decision exists: a review recorded meanwhile makes this a conflict.
            let won = try await tx.sql().raw(
                """
                UPDATE applications SET status = \(bind: ApplicationStatus.draft.rawValue), submitted_at = NULL, updated_at = \(bind: now)
                WHERE id = \(bind: id) AND status = \(bind: stage.rawValue) AND NOT EXISTS (SELECT 1 FROM reviews r WHERE r.application_id = \(bind: id))
                RETURNING id
                """
            ).first()
            guard won != nil else { throw AppError.conflict("审核已开始，不能撤回", code: "not_withdrawable") }
            try await AuditWriter(tx).append(
                actor: actor.username, action: "withdraw", entity: "applications", key: id.uuidString,
                before: stage.rawValue, after: ApplicationStatus.draft.rawValue, at: now)
        }
    }
}
