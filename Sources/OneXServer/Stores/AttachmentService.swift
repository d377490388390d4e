import Fluent
import OneXDomain
import Vapor

/// Files kept with an application while it is a draft: stamped scans, justifications per line,
/// adjustment forms — PDF, JPEG or PNG by their content, at most `AttachmentFormat.maxBytes`.
enum AttachmentService {
    @discardableResult
    static func store(
        _ row: ApplicationRow, purpose text: String, line: Int?, file: File, actor: Actor, now: Date,
        on db: any Database
    ) async throws -> AttachmentRow {
        guard try row.statusValue == .draft else {
            throw AppError.conflict("申报已提交，不能再添加附件", code: "not_draft")
        }
        guard let purpose = AttachmentPurpose(rawValue: text) else {
            throw AppError.invalid([
                FieldError(
                    code: "invalid",
                    message: "请选择附件用途：\(AttachmentPurpose.allCases.map(\.chinese).joined(separator: "、"))",
                    field: "purpose")
            ])
        }
        if purpose == .justification && line == nil {
            throw AppError.invalid([FieldError(code: "required", message: "申报表须注明对应的申报行", field: "line")])
        }
        let upload = try UploadedFile(file)
        let a = AttachmentRow()
        a.$application.id = try row.requireID()
        a.purpose = purpose.rawValue
        a.lineNo = line
        a.filename = upload.name
        a.contentType = upload.format.contentType
        a.size = upload.data.count
        a.sha256 = upload.sha256
        a.data = upload.data
        a.uploadedBy = actor.username
        a.at = now
        try await db.writeTransaction { tx in
            try await a.create(on: tx)
            try await AuditWriter(tx).append(
                actor: actor.username, action: "attach", entity: "applications",
                key: row.requireID().uuidString, before: nil as String?,
                after: "\(a.purpose) \(a.filename) \(a.sha256)", at: now)
        }
        return a
    }

    /// The attachment of this application named in the path, or 404.
    static func find(_ id: String, of row: ApplicationRow, on db: any Database) async throws -> AttachmentRow
    {
        guard let aid = UUID(uuidString: id),
            let a = try await AttachmentRow.query(on: db).filter(\.$id == aid).filter(
                \.$application.$id == row.requireID()
            ).first()
        else { throw AppError.notFound }
        return a
    }

    /// Removes a file while the application is still a draft of its school.
    static func remove(
        _ a: AttachmentRow, of row: ApplicationRow, actor: Actor, now: Date, on db: any Database
    ) async throws {
        guard actor.role == .school else { throw AppError.forbidden }
        guard try row.statusValue == .draft else {
            throw AppError.conflict("申报已提交，不能删除附件", code: "not_draft")
        }
        try await db.writeTransaction { tx in
            try await a.delete(on: tx)
            try await AuditWriter(tx).append(
                actor: actor.username, action: "detach", entity: "applications",
                key: row.requireID().uuidString, before: "\(a.purpose) \(a.filename) \(a.sha256)",
                after: nil, at: now)
        }
    }
}
