import Fluent
import Foundation
import OneXDomain

/// A file kept with a fee standard or a payment (`fee_files`); exactly one of the two is set.
final class FeeFileRow: Model, @unchecked Sendable {
    static let schema = "fee_files"

    @ID(key: .id) var id: UUID?
    @OptionalField(key: "fee_standard_id") var feeStandardID: UUID?
    @OptionalField(key: "payment_id") var paymentID: UUID?
    @Field(key: "purpose") var purpose: String
    @Field(key: "filename") var filename: String
    @Field(key: "content_type") var contentType: String
    @Field(key: "size") var size: Int
    @Field(key: "sha256") var sha256: String
    @Field(key: "data") var data: Data
    @Field(key: "uploaded_by") var uploadedBy: String
    @Field(key: "at") var at: Date

    init() {}

    var purposeValue: FeeFilePurpose {
        get throws { try .stored(purpose, table: Self.schema, column: "purpose", id: id) }
    }
}
