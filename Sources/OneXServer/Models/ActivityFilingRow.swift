import Fluent
import Foundation
import OneXDomain

/// An organisation's filing of a provincial activity (`activity_filings`, AH41-4).
final class ActivityFilingRow: Model, @unchecked Sendable {
    static let schema = "activity_filings"

    @ID(key: .id) var id: UUID?
    /// 报备编号, e.g. BB-2026-0004.
    @Field(key: "number") var number: String
    @Parent(key: "certificate_id") var certificate: Certificate
    @Field(key: "kind") var kind: String
    @Field(key: "title") var title: String
    @Field(key: "starts_on") var startsOn: String
    @Field(key: "ends_on") var endsOn: String
    @Field(key: "place") var place: String
    @Field(key: "participants") var participants: Int
    @Field(key: "status") var status: String
    @OptionalField(key: "reason") var reason: String?
    @Field(key: "created_by") var createdBy: String
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "updated_at") var updatedAt: Date

    init() {}
}
