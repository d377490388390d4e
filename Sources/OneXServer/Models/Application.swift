import Fluent
import OneXDomain
import Vapor

final class ApplicationRow: Model, @unchecked Sendable {
    static let schema = "applications"

    @ID(key: .id) var id: UUID?
    @Parent(key: "school_id") var school: School
    @Field(key: "year") var year: Int
    @Field(key: "status") var status: String
    @OptionalField(key: "policy_version") var policyVersion: Int?
    /// The window whose school phase was open at submission; nil for an any-time increase.
    @OptionalField(key: "window_name") var windowName: String?
    /// 豫1X-2026-春-0012, from the first submission on (`ApplicationNumber`).
    @OptionalField(key: "number") var number: String?
    /// Bumped by every decision, so two decisions on the same revision collide (see reviews).
    @Field(key: "revision") var revision: Int
    @OptionalField(key: "submitted_at") var submittedAt: Date?
    /// Set while a returned application waits for its correction (see `Correction`).
    @OptionalField(key: "returned_by_stage") var returnedByStage: String?
    @OptionalField(key: "correction_due") var correctionDue: String?
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "updated_at") var updatedAt: Date
    @Children(for: \.$application) var lines: [ApplicationLineRow]
    @Children(for: \.$application) var reviews: [ReviewRow]

    init() {}

    var statusValue: ApplicationStatus {
        get throws { try .stored(status, table: Self.schema, column: "status", id: id) }
    }

    /// The pending correction of a returned draft; a stored stage or day that does not read is
    /// an error naming the row.
    var correction: Correction? {
        get throws {
            guard let stage = returnedByStage, let due = correctionDue else { return nil }
            guard let day = LocalDate(due) else {
                throw StoredValueError(table: Self.schema, column: "correction_due", id: id, value: due)
            }
            return Correction(stage: try .stored(stage, table: Self.schema, column: "returned_by_stage", id: id), window: windowName,
                              due: day)
        }
    }

    var domainLines: [ApplicationLine] {
        get throws { try ($lines.value ?? []).sorted { $0.lineNo < $1.lineNo }.map { try $0.toDomain() } }
    }
}

final class ApplicationLineRow: Model, @unchecked Sendable {
    static let schema = "application_lines"

    @ID(key: .id) var id: UUID?
    @Parent(key: "application_id") var application: ApplicationRow
    @Field(key: "line_no") var lineNo: Int
    /// By code, not id: a draft may name a certificate that is not in the catalog, and the
    /// school must see that as a violation rather than lose the line.
    @Field(key: "certificate_code") var certificateCode: String
    @Field(key: "level") var level: String
    @Field(key: "kind") var kind: String
    @Field(key: "count") var count: Int
    @OptionalField(key: "reason") var reason: String?

    init() {}

    func toDomain() throws -> ApplicationLine {
        ApplicationLine(certificate: certificateCode, level: try .stored(level, table: Self.schema, column: "level", id: id),
                        kind: try .stored(kind, table: Self.schema, column: "kind", id: id), count: count, reason: reason)
    }
}

final class ReviewRow: Model, @unchecked Sendable {
    static let schema = "reviews"

    @ID(key: .id) var id: UUID?
    @Parent(key: "application_id") var application: ApplicationRow
    @Field(key: "revision") var revision: Int
    @Field(key: "stage") var stage: String
    @Field(key: "decision") var decision: String
    @Field(key: "reviewer") var reviewer: String
    @Field(key: "comment") var comment: String
    @Field(key: "at") var at: Date

    init() {}
}

final class AttachmentRow: Model, @unchecked Sendable {
    static let schema = "attachments"

    @ID(key: .id) var id: UUID?
    @Parent(key: "application_id") var application: ApplicationRow
    @Field(key: "purpose") var purpose: String
    @OptionalField(key: "line_no") var lineNo: Int?
    @Field(key: "filename") var filename: String
    @Field(key: "content_type") var contentType: String
    @Field(key: "size") var size: Int
    @Field(key: "sha256") var sha256: String
    @Field(key: "data") var data: Data
    @Field(key: "uploaded_by") var uploadedBy: String
    @Field(key: "at") var at: Date

    init() {}

    var purposeValue: AttachmentPurpose {
        get throws { try .stored(purpose, table: Self.schema, column: "purpose", id: id) }
    }
}

final class PlanRow: Model, @unchecked Sendable {
    static let schema = "plans"

    @ID(key: .id) var id: UUID?
    @Parent(key: "school_id") var school: School
    @Parent(key: "certificate_id") var certificate: Certificate
    @Field(key: "level") var level: String
    @Field(key: "year") var year: Int
    @Field(key: "count") var count: Int
    @Field(key: "status") var status: String
    @Field(key: "first_approved_at") var firstApprovedAt: Date
    /// Running totals kept by `PlanTotals`; read-only for everything else.
    @Field(key: "new_count") var newCount: Int
    @Field(key: "adjustment_count") var adjustmentCount: Int
    @Field(key: "applied_count") var appliedCount: Int
    @Field(key: "exam_registered") var examRegistered: Int
    @Field(key: "exam_attended") var examAttended: Int
    @Field(key: "exam_passed") var examPassed: Int
    @OptionalField(key: "last_exam_on") var lastExamOn: String?
    @Children(for: \.$plan) var changes: [PlanChangeRow]
    @Children(for: \.$plan) var exams: [ExamRow]

    init() {}

    var statusValue: PlanStatus {
        get throws { try .stored(status, table: Self.schema, column: "status", id: id) }
    }
}

final class PlanChangeRow: Model, @unchecked Sendable {
    static let schema = "plan_changes"

    @ID(key: .id) var id: UUID?
    @Parent(key: "plan_id") var plan: PlanRow
    @Field(key: "kind") var kind: String
    /// Signed: a decrease or an exit is negative.
    @Field(key: "count") var count: Int
    @OptionalParent(key: "application_id") var application: ApplicationRow?
    @Field(key: "reviewer") var reviewer: String
    @Field(key: "at") var at: Date
    @Field(key: "counts_in_indicators") var countsInIndicators: Bool

    init() {}
}

final class ExamRow: Model, @unchecked Sendable {
    static let schema = "exams"

    @ID(key: .id) var id: UUID?
    @Parent(key: "plan_id") var plan: PlanRow
    @Field(key: "date") var date: String
    @Field(key: "registered") var registered: Int
    @Field(key: "attended") var attended: Int
    @Field(key: "passed") var passed: Int
    @OptionalField(key: "site") var site: String?
    @OptionalField(key: "site_id") var siteID: UUID?
    @OptionalField(key: "recorded_by") var recordedBy: String?

    init() {}
}

final class JobRun: Model, @unchecked Sendable {
    static let schema = "job_runs"

    @ID(key: .id) var id: UUID?
    @Field(key: "job") var job: String
    @Field(key: "day") var day: String
    @Field(key: "result") var result: String
    @Field(key: "at") var at: Date

    init() {}
}
