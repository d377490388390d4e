import Fluent
import Foundation
import OneXDomain

/// A teacher-training course (`training_courses`, AH41-6).
final class TrainingCourseRow: Model, @unchecked Sendable {
    static let schema = "training_courses"

    @ID(key: .id) var id: UUID?
    /// 培训编号, e.g. PX-2026-0002: given at creation, never reused.
    @Field(key: "number") var number: String
    @Parent(key: "certificate_id") var certificate: Certificate
    @Field(key: "level") var level: String
    @Field(key: "title") var title: String
    @Field(key: "starts_on") var startsOn: String
    @Field(key: "ends_on") var endsOn: String
    @Field(key: "place") var place: String
    /// Fen per head.
    @Field(key: "fee_per_head") var feePerHead: Int
    @Field(key: "seats") var seats: Int
    @Field(key: "created_by") var createdBy: String
    @Field(key: "created_at") var createdAt: Date

    init() {}
}

/// One trainer of a course, in the order given (`training_trainers`).
final class TrainingTrainerRow: Model, @unchecked Sendable {
    static let schema = "training_trainers"

    @ID(key: .id) var id: UUID?
    @Parent(key: "course_id") var course: TrainingCourseRow
    @Field(key: "position") var position: Int
    @Field(key: "name") var name: String
    @Field(key: "employer") var employer: String
    @Field(key: "from_industry") var fromIndustry: Bool

    init() {}
}

/// A teacher of a school enrolled in a course, with what the teacher gained (`training_participants`).
final class TrainingParticipantRow: Model, @unchecked Sendable {
    static let schema = "training_participants"

    @ID(key: .id) var id: UUID?
    @Parent(key: "course_id") var course: TrainingCourseRow
    @Parent(key: "school_id") var school: School
    @Field(key: "name") var name: String
    @Field(key: "teacher_key") var teacherKey: String
    @OptionalField(key: "phone") var phone: String?
    @Field(key: "outcome") var outcome: String
    @OptionalField(key: "certificate_number") var certificateNumber: String?
    @Field(key: "added_by") var addedBy: String
    @Field(key: "added_at") var addedAt: Date
    @Field(key: "updated_at") var updatedAt: Date

    init() {}

    var outcomeValue: TrainingOutcome {
        get throws { try .stored(outcome, table: Self.schema, column: "outcome", id: id) }
    }
}
