import Fluent
import Foundation
import OneXDomain
import Vapor

/// Files kept with fee standards and payments: the organisation's cost calculation and written
/// request for a raise while its proposal is open (MOE12-2), the school's voucher for its own
/// payment (GD-1). Files are added, never replaced or removed; read by whoever may read the record.
enum FeeFileService {
    enum Owner {
        case standard(FeeStandardRow)
        case payment(PaymentRow)
    }

    struct Info: Codable, Sendable {
        var id: UUID
        var purpose: FeeFilePurpose
        var filename: String
        var size: Int
        var sha256: String
        var at: Date
    }

    static func store(
        _ owner: Owner, purpose text: String, file: File, actor: Actor, now: Date, on db: any Database
    ) async throws -> Info {
        let allowed: [FeeFilePurpose]
        let row = FeeFileRow()
        let entity: String
        let key: UUID
        switch owner {
        case .standard(let standard):
            let certificate = try await standard.$certificate.get(on: db)
            let organization = try await certificate.$organization.get(on: db)
            // Only before the province has decided, and only by the proposing organisation (the
            // only one that sees an undecided standard).
            guard try [FeeStandardStatus.proposed, .reviewed].contains(standard.statusValue) else {
                throw AppError.conflict("该标准已核定或已退回，不能再添加附件", code: "invalid_state")
            }
            guard actor.role == .organization, organization.code == actor.unit else {
                throw AppError.forbidden
            }
            allowed = FeeFilePurpose.forStandards
            key = try standard.requireID()
            row.feeStandardID = key
            entity = "fee_standards"
        case .payment(let payment):
            let school = try await payment.$school.get(on: db)
            guard actor.role == .school, school.code == actor.unit else { throw AppError.forbidden }
            allowed = FeeFilePurpose.forPayments
            key = try payment.requireID()
            row.paymentID = key
            entity = "payments"
        }
        guard let purpose = FeeFilePurpose(rawValue: text), allowed.contains(purpose) else {
            throw AppError.invalid([
                FieldError(
                    code: "invalid",
                    UIText(
                        zh: "请选择附件用途：\(allowed.map(\.chinese).joined(separator: "、"))",
                        en: "Choose what the file is: \(allowed.map(\.english).joined(separator: ", "))"),
                    field: "purpose")
            ])
        }
        let upload = try UploadedFile(file)
        row.purpose = purpose.rawValue
        row.filename = upload.name
        row.contentType = upload.format.contentType
        row.size = upload.data.count
        row.sha256 = upload.sha256
        row.data = upload.data
        row.uploadedBy = actor.username
        row.at = now
        try await db.writeTransaction { tx in
            try await row.create(on: tx)
            try await AuditWriter(tx).append(
                actor: actor.username, action: "attach", entity: entity, key: key.uuidString,
                before: nil as String?, after: "\(row.purpose) \(row.filename) \(row.sha256)", at: now)
        }
        return try info(row)
    }

    static func list(_ owner: Owner, on db: any Database) async throws -> [Info] {
        try await query(owner, on: db).sort(\.$at).all().map(info)
    }

    /// The file of this record named in the path, or 404.
    static func find(_ id: String, of owner: Owner, on db: any Database) async throws -> FeeFileRow {
        guard let fid = UUID(uuidString: id),
            let row = try await query(owner, on: db).filter(\.$id == fid).first()
        else { throw AppError.notFound }
        return row
    }

    /// Whether a standard carries a file of this purpose.
    static func has(_ purpose: FeeFilePurpose, standard id: UUID, on db: any Database) async throws -> Bool {
        try await FeeFileRow.query(on: db).filter(\.$feeStandardID == id).filter(
            \.$purpose == purpose.rawValue
        )
        .count() > 0
    }

    private static func query(_ owner: Owner, on db: any Database) throws -> QueryBuilder<FeeFileRow> {
        switch owner {
        case .standard(let s): FeeFileRow.query(on: db).filter(\.$feeStandardID == (try s.requireID()))
        case .payment(let p): FeeFileRow.query(on: db).filter(\.$paymentID == (try p.requireID()))
        }
    }

    private static func info(_ row: FeeFileRow) throws -> Info {
        Info(
            id: try row.requireID(), purpose: try row.purposeValue, filename: row.filename, size: row.size,
            sha256: row.sha256, at: row.at)
    }
}
