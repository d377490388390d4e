import Fluent
import OneXDomain
import Vapor

/// One version of the province policy; the highest version is in force.
final class PolicyVersion: Model, @unchecked Sendable {
    static let schema = "policy_versions"

    @ID(key: .id) var id: UUID?
    @Field(key: "version") var version: Int
    @Field(key: "document") var document: String
    @Field(key: "author") var author: String
    @Field(key: "created_at") var createdAt: Date

    init() {}

    func policy() throws -> Policy {
        try JSONDecoder().decode(Policy.self, from: Data(document.utf8))
    }

    static func current(on db: any Database) async throws -> PolicyVersion? {
        try await PolicyVersion.query(on: db).sort(\.$version, .descending).first()
    }
}
