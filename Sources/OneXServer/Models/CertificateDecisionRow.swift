import Fluent
import Foundation

/// A school's decision to admit or exit a certificate (`certificate_decisions`, AH41-2).
final class CertificateDecisionRow: Model, @unchecked Sendable {
    static let schema = "certificate_decisions"

    @ID(key: .id) var id: UUID?
    @Parent(key: "school_id") var school: School
    @Parent(key: "certificate_id") var certificate: Certificate
    @Field(key: "kind") var kind: String
    @Field(key: "decided_on") var decidedOn: String
    /// The experts' justification of an admission, or the reason of an exit.
    @Field(key: "justification") var justification: String
    /// The experts who argued for an admission.
    @OptionalField(key: "experts") var experts: String?
    @Field(key: "recorded_by") var recordedBy: String
    @Field(key: "recorded_at") var recordedAt: Date

    init() {}
}
