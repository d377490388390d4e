import Fluent
import Foundation
import OneXDomain

/// A school's payment to an organisation, or a correction of one (`payments`).
final class PaymentRow: Model, @unchecked Sendable {
    static let schema = "payments"

    @ID(key: .id) var id: UUID?
    @Parent(key: "school_id") var school: School
    @Parent(key: "organization_id") var organization: Organization
    /// Fen; negative for a correction.
    @Field(key: "amount") var amount: Int
    @Field(key: "paid_on") var paidOn: String
    @Field(key: "funding_source") var fundingSource: String
    @OptionalField(key: "voucher") var voucher: String?
    @OptionalField(key: "note") var note: String?
    /// The payment this row reverses.
    @OptionalField(key: "corrects_id") var correctsID: UUID?
    @Field(key: "status") var status: String
    @OptionalField(key: "dispute_reason") var disputeReason: String?
    @Field(key: "recorded_by") var recordedBy: String
    @Field(key: "recorded_at") var recordedAt: Date
    @OptionalField(key: "answered_by") var answeredBy: String?
    @OptionalField(key: "answered_at") var answeredAt: Date?
    /// `[PaymentAllocation]` as JSON, when the school allocated the payment to certificates.
    @OptionalField(key: "allocation") var allocation: String?

    init() {}

    var statusValue: PaymentStatus {
        get throws { try .stored(status, table: Self.schema, column: "status", id: id) }
    }

    var allocationValue: [PaymentAllocation]? {
        get throws {
            guard let allocation else { return nil }
            do {
                return try JSONDecoder().decode([PaymentAllocation].self, from: Data(allocation.utf8))
            } catch {
                throw StoredValueError(table: Self.schema, column: "allocation", id: id, value: allocation)
            }
        }
    }

    var fundingSourceValue: FundingSource {
        get throws { try .stored(fundingSource, table: Self.schema, column: "funding_source", id: id) }
    }
}
