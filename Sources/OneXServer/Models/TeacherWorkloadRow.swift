import Fluent
import Foundation

/// A teacher's X-certificate training hours in one term for one certificate (`teacher_workloads`).
final class TeacherWorkloadRow: Model, @unchecked Sendable {
    static let schema = "teacher_workloads"

    @ID(key: .id) var id: UUID?
    @Parent(key: "school_id") var school: School
    @Field(key: "teacher_name") var teacherName: String
    @Field(key: "teacher_key") var teacherKey: String
    @Field(key: "year") var year: Int
    @Field(key: "half") var half: String
    @Parent(key: "certificate_id") var certificate: Certificate
    @Field(key: "hours") var hours: Int
    @Field(key: "recorded_by") var recordedBy: String
    @Field(key: "recorded_at") var recordedAt: Date

    init() {}
}
