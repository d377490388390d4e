import Fluent
import SQLKit

/// Teacher training (师资培训, AH41-6): an organisation's courses with their trainers, and the
/// teachers of schools enrolled in them with what each gained. A teacher's ID number, if given,
/// is stored only as the keyed hash, as for candidates.
struct CreateTraining: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("training_courses")
            .id()
            .field("number", .string, .required)
            .field("certificate_id", .uuid, .required, .references("certificates", "id"))
            .field("level", .string, .required)
            .field("title", .string, .required)
            .field("starts_on", .string, .required)
            .field("ends_on", .string, .required)
            .field("place", .string, .required)
            .field("fee_per_head", .int, .required)
            .field("seats", .int, .required)
            .field("created_by", .string, .required)
            .field("created_at", .datetime, .required)
            .create()
        try await db.schema("training_trainers")
            .id()
            .field("course_id", .uuid, .required, .references("training_courses", "id"))
            .field("position", .int, .required)
            .field("name", .string, .required)
            .field("employer", .string, .required)
            .field("from_industry", .bool, .required)
            .create()
        try await db.schema("training_participants")
            .id()
            .field("course_id", .uuid, .required, .references("training_courses", "id"))
            .field("school_id", .uuid, .required, .references("schools", "id"))
            .field("name", .string, .required)
            // The keyed hash of the ID number, or "name:" and the name when none was given: one
            // teacher of a school counts once.
            .field("teacher_key", .string, .required)
            .field("phone", .string)
            .field("outcome", .string, .required)
            .field("certificate_number", .string)
            .field("added_by", .string, .required)
            .field("added_at", .datetime, .required)
            .field("updated_at", .datetime, .required)
            .create()
        guard let sql = db as? any SQLDatabase else { throw MigrationNeedsSQL() }
        try await sql.raw("CREATE UNIQUE INDEX training_courses_number ON training_courses (number)").run()
        try await sql.raw("CREATE INDEX training_trainers_course ON training_trainers (course_id, position)")
            .run()
        try await sql.raw(
            "CREATE UNIQUE INDEX training_participants_teacher ON training_participants (course_id, school_id, teacher_key)"
        ).run()
        try await sql.raw("CREATE INDEX training_participants_school ON training_participants (school_id)")
            .run()
    }

    func revert(on db: any Database) async throws {
        try await db.schema("training_participants").delete()
        try await db.schema("training_trainers").delete()
        try await db.schema("training_courses").delete()
    }
}
