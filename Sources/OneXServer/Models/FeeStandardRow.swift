import Fluent
import Foundation
import OneXDomain

/// One version of a certificate level's fee standard (`fee_standards`).
final class FeeStandardRow: Model, @unchecked Sendable {
    static let schema = "fee_standards"

    @ID(key: .id) var id: UUID?
    @Parent(key: "certificate_id") var certificate: Certificate
    @Field(key: "level") var level: String
    /// Proposed, in fen.
    @Field(key: "amount") var amount: Int
    @Field(key: "effective_from") var effectiveFrom: String
    @Field(key: "status") var status: String
    @Field(key: "is_raise") var isRaise: Bool
    /// The organisation's written request for a raise (MOE12-2).
    @OptionalField(key: "raise_request") var raiseRequest: String?
    /// How the amount is made up, as the organisation explains it.
    @OptionalField(key: "breakdown") var breakdown: String?
    @Field(key: "proposed_by") var proposedBy: String
    @Field(key: "proposed_at") var proposedAt: Date
    /// `FeeReview` as JSON, once the lead school recorded it.
    @OptionalField(key: "review") var review: String?
    @OptionalField(key: "reviewed_by") var reviewedBy: String?
    @OptionalField(key: "verified_amount") var verifiedAmount: Int?
    @OptionalField(key: "decided_by") var decidedBy: String?
    @OptionalField(key: "decided_at") var decidedAt: Date?
    @OptionalField(key: "decision_comment") var decisionComment: String?
    @OptionalField(key: "document_number") var documentNumber: String?
    @OptionalField(key: "published_on") var publishedOn: String?
    @OptionalField(key: "published_by") var publishedBy: String?

    init() {}

    var statusValue: FeeStandardStatus {
        get throws { try .stored(status, table: Self.schema, column: "status", id: id) }
    }

    func domain(certificate code: String) throws -> FeeStandard {
        guard let day = LocalDate(effectiveFrom) else {
            throw StoredValueError(table: Self.schema, column: "effective_from", id: id, value: effectiveFrom)
        }
        return FeeStandard(
            certificate: code, level: try .stored(level, table: Self.schema, column: "level", id: id),
            amount: amount,
            effectiveFrom: day, status: try statusValue,
            verifiedAmount: verifiedAmount, isRaise: isRaise)
    }

    var reviewValue: FeeReview? {
        get throws {
            guard let review else { return nil }
            do {
                return try JSONDecoder().decode(FeeReview.self, from: Data(review.utf8))
            } catch {
                throw StoredValueError(table: Self.schema, column: "review", id: id, value: review)
            }
        }
    }
}
