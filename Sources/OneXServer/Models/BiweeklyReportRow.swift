import Fluent
import Foundation
import OneXDomain

/// Where a biweekly report came from: filed in OneX, or the national platform's record of it.
enum ReportSource: String, CaseIterable, Codable, Sendable {
    case onex, platform
}

/// A school's biweekly report for one due date (`biweekly_reports`).
final class BiweeklyReportRow: Model, @unchecked Sendable {
    static let schema = "biweekly_reports"

    @ID(key: .id) var id: UUID?
    @Parent(key: "school_id") var school: School
    @Field(key: "due_date") var dueDate: String
    @Field(key: "filed_on") var filedOn: String
    @Field(key: "filed_at") var filedAt: Date
    @Field(key: "source") var source: String
    @OptionalField(key: "progress") var progress: String?
    @OptionalField(key: "experience") var experience: String?
    @OptionalField(key: "cases") var cases: String?
    @OptionalField(key: "problems") var problems: String?
    @OptionalField(key: "suggestions") var suggestions: String?
    @Field(key: "filed_by") var filedBy: String

    init() {}

    var sourceValue: ReportSource {
        get throws { try .stored(source, table: Self.schema, column: "source", id: id) }
    }
}
