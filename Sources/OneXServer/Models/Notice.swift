import Fluent
import Vapor

final class NoticeRow: Model, @unchecked Sendable {
    static let schema = "notices"

    @ID(key: .id) var id: UUID?
    /// `school:Z001`, `region:4101` or `role:cityReviewer`.
    @Field(key: "audience") var audience: String
    /// What makes the notice unique for its audience, so a job run twice sends nothing twice.
    @Field(key: "key") var key: String
    @Field(key: "title") var title: String
    @Field(key: "body") var body: String
    @OptionalField(key: "link") var link: String?
    @Field(key: "created_at") var createdAt: Date

    init() {}
}
