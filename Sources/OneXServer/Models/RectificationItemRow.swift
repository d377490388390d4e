import Fluent
import Foundation
import OneXDomain

/// A rectification item of the ledger (`rectification_items`, AH38-3).
final class RectificationItemRow: Model, @unchecked Sendable {
    static let schema = "rectification_items"

    @ID(key: .id) var id: UUID?
    /// 整改事项编号, e.g. ZG-2026-0007 (整改): given at creation, never reused.
    @Field(key: "number") var number: String
    @Field(key: "category") var category: String
    @Field(key: "problem") var problem: String
    @Field(key: "task") var task: String
    @Field(key: "responsible_kind") var responsibleKind: String
    /// The business code of the responsible school, region or organisation.
    @Field(key: "responsible_unit") var responsibleUnit: String
    @OptionalField(key: "person") var person: String?
    @OptionalField(key: "phone") var phone: String?
    @Field(key: "deadline") var deadline: String
    @Field(key: "status") var status: String
    @OptionalField(key: "school_code") var schoolCode: String?
    @OptionalField(key: "region_code") var regionCode: String?
    @OptionalField(key: "organization_code") var organizationCode: String?
    @OptionalField(key: "link_certificate") var linkCertificate: String?
    @OptionalField(key: "link_school") var linkSchool: String?
    @OptionalField(key: "link_organization") var linkOrganization: String?
    @Field(key: "created_by") var createdBy: String
    @Field(key: "created_on") var createdOn: String
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "updated_at") var updatedAt: Date

    init() {}

    var statusValue: RectificationStatus {
        get throws { try .stored(status, table: Self.schema, column: "status", id: id) }
    }

    var categoryValue: RectificationCategory {
        get throws { try .stored(category, table: Self.schema, column: "category", id: id) }
    }

    var responsibleKindValue: ResponsibleKind {
        get throws { try .stored(responsibleKind, table: Self.schema, column: "responsible_kind", id: id) }
    }

    var deadlineDay: LocalDate {
        get throws {
            guard let day = LocalDate(deadline) else {
                throw StoredValueError(table: Self.schema, column: "deadline", id: id, value: deadline)
            }
            return day
        }
    }

    var createdDay: LocalDate {
        get throws {
            guard let day = LocalDate(createdOn) else {
                throw StoredValueError(table: Self.schema, column: "created_on", id: id, value: createdOn)
            }
            return day
        }
    }
}

/// One entry of an item's history (`rectification_entries`), with the file it carries if any.
final class RectificationEntryRow: Model, @unchecked Sendable {
    static let schema = "rectification_entries"

    @ID(key: .id) var id: UUID?
    @Field(key: "item_id") var itemID: UUID
    @Field(key: "kind") var kind: String
    @Field(key: "on_day") var onDay: String
    @Field(key: "text") var text: String
    /// The leader who held a two-weekly review (分管领导调度).
    @OptionalField(key: "leader") var leader: String?
    @OptionalField(key: "filename") var filename: String?
    @OptionalField(key: "content_type") var contentType: String?
    @OptionalField(key: "size") var size: Int?
    @OptionalField(key: "sha256") var sha256: String?
    @OptionalField(key: "data") var data: Data?
    @Field(key: "actor") var actor: String
    @Field(key: "at") var at: Date

    init() {}

    var kindValue: RectificationEntryKind {
        get throws { try .stored(kind, table: Self.schema, column: "kind", id: id) }
    }
}
