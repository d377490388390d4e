import Fluent
import Foundation

/// A school's lost pilot eligibility for a year (`eligibility_revocations`); lifted, it stays.
final class EligibilityRevocationRow: Model, @unchecked Sendable {
    static let schema = "eligibility_revocations"

    @ID(key: .id) var id: UUID?
    @Parent(key: "school_id") var school: School
    @Field(key: "year") var year: Int
    @Field(key: "reason") var reason: String
    @Field(key: "revoked_by") var revokedBy: String
    @Field(key: "revoked_at") var revokedAt: Date
    @OptionalField(key: "lifted_by") var liftedBy: String?
    @OptionalField(key: "lifted_at") var liftedAt: Date?
    @OptionalField(key: "lift_reason") var liftReason: String?

    init() {}
}
