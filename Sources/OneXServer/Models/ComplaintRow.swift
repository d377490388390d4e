import Fluent
import Foundation
import OneXDomain

/// A complaint about an organisation or a certificate (`complaints`, AH41-2).
final class ComplaintRow: Model, @unchecked Sendable {
    static let schema = "complaints"

    @ID(key: .id) var id: UUID?
    /// 投诉编号, e.g. TS-2026-0001.
    @Field(key: "number") var number: String
    @Field(key: "complainant_role") var complainantRole: String
    @Field(key: "complainant_unit") var complainantUnit: String
    @Field(key: "complainant_name") var complainantName: String
    @OptionalField(key: "school_code") var schoolCode: String?
    @OptionalField(key: "region_code") var regionCode: String?
    @OptionalField(key: "organization_code") var organizationCode: String?
    @Field(key: "subject_organization") var subjectOrganization: String
    @OptionalField(key: "subject_certificate") var subjectCertificate: String?
    @Field(key: "what") var what: String
    @Field(key: "occurred_on") var occurredOn: String
    @OptionalField(key: "filename") var filename: String?
    @OptionalField(key: "content_type") var contentType: String?
    @OptionalField(key: "data") var data: Data?
    @Field(key: "status") var status: String
    @OptionalField(key: "forwarded_on") var forwardedOn: String?
    @OptionalField(key: "moe_reported_on") var moeReportedOn: String?
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "updated_at") var updatedAt: Date

    init() {}

    var statusValue: ComplaintStatus {
        get throws { try .stored(status, table: Self.schema, column: "status", id: id) }
    }
}

/// One step of a complaint's history (`complaint_entries`).
final class ComplaintEntryRow: Model, @unchecked Sendable {
    static let schema = "complaint_entries"

    @ID(key: .id) var id: UUID?
    @Parent(key: "complaint_id") var complaint: ComplaintRow
    /// `filed` or a `ComplaintStep`.
    @Field(key: "step") var step: String
    @Field(key: "text") var text: String
    @Field(key: "actor") var actor: String
    @Field(key: "at") var at: Date

    init() {}
}
