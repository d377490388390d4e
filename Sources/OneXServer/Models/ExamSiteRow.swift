import Fluent
import Foundation
import OneXDomain

/// An exam site or a school's application for one (`exam_sites`, AH41-3).
final class ExamSiteRow: Model, @unchecked Sendable {
    static let schema = "exam_sites"

    @ID(key: .id) var id: UUID?
    /// 站点编号, e.g. KD-2026-0003 (考点): given at application, never reused.
    @Field(key: "number") var number: String
    @Parent(key: "school_id") var school: School
    @Parent(key: "certificate_id") var certificate: Certificate
    @Field(key: "place") var place: String
    @Field(key: "address") var address: String
    @Field(key: "capacity") var capacity: Int
    @Field(key: "equipment") var equipment: String
    @Field(key: "contact") var contact: String
    @Field(key: "phone") var phone: String
    @Field(key: "status") var status: String
    /// The reason of the last return or suspension.
    @OptionalField(key: "reason") var reason: String?
    @OptionalField(key: "approved_on") var approvedOn: String?
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "updated_at") var updatedAt: Date

    init() {}

    var statusValue: ExamSiteStatus {
        get throws { try .stored(status, table: Self.schema, column: "status", id: id) }
    }
}
