import Crypto
import Fluent
import OneXDomain
import Vapor

/// Files kept with an application: stamped scans, justifications per line, adjustment forms.
enum AttachmentService {
    static let purposes = ["stampedScan", "justification", "adjustmentForm"]

    @discardableResult
    static func store(_ row: ApplicationRow, purpose: String, line: Int?, file: File, actor: Actor, now: Date,
                      on db: any Database) async throws -> AttachmentRow {
        guard purposes.contains(purpose) else {
            throw AppError.invalid([FieldError(code: "invalid", message: "附件用途应为 stampedScan、justification 或 adjustmentForm",
                                               field: "purpose")])
        }
        if purpose == "justification" && line == nil {
            throw AppError.invalid([FieldError(code: "required", message: "申报表须注明对应的申报行", field: "line")])
        }
        let data = Data(buffer: file.data)
        if data.isEmpty { throw AppError.invalid([FieldError(code: "empty_file", message: "文件为空", field: "file")]) }
        let a = AttachmentRow()
        a.$application.id = try row.requireID()
        a.purpose = purpose
        a.lineNo = line
        a.filename = FileName.normalised(file.filename)
        a.contentType = SafeHeaders.contentType(file.contentType?.description)
        a.size = data.count
        a.sha256 = SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined()
        a.data = data
        a.uploadedBy = actor.username
        a.at = now
        try await db.writeTransaction { tx in
            try await a.create(on: tx)
            try await AuditWriter(tx).append(actor: actor.username, action: "attach", entity: "applications",
                                             key: row.requireID().uuidString, before: nil as String?,
                                             after: "\(a.purpose) \(a.filename) \(a.sha256)", at: now)
        }
        return a
    }
}
