import Fluent
import Foundation

/// A candidate-result import as a record: who started which file, how far it got and how it
/// ended. In the database, so that whichever server a poll lands on answers it.
final class ImportJob: Model, @unchecked Sendable {
    static let schema = "import_jobs"

    enum State: String, Codable, Sendable { case running, done, failed }

    @ID(key: .id) var id: UUID?
    /// The account that started it.
    @Field(key: "owner") var owner: String
    /// The uploader's organisation; nil for the province office.
    @OptionalField(key: "organization") var organization: String?
    @Field(key: "file_name") var fileName: String
    @Field(key: "state") var state: String
    @Field(key: "processed") var processed: Int
    @Field(key: "total") var total: Int
    /// `CandidateImport.Summary` as JSON, once done.
    @OptionalField(key: "summary") var summary: String?
    /// The messages of a failed import as a JSON array, the first being the reason.
    @Field(key: "errors") var errors: String
    /// A refused file's problems, line by line (`[FieldError]` as JSON).
    @OptionalField(key: "problems") var problems: String?
    @Field(key: "started_at") var startedAt: Date
    @OptionalField(key: "finished_at") var finishedAt: Date?

    init() {}

    var stateValue: State {
        get throws { try .stored(state, table: Self.schema, column: "state", id: id) }
    }
}
