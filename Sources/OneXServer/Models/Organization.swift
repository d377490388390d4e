import Fluent
import OneXDomain
import Vapor

final class Organization: Model, @unchecked Sendable {
    static let schema = "organizations"

    @ID(key: .id) var id: UUID?
    @Field(key: "code") var code: String
    @Field(key: "name") var name: String

    init() {}

    func toDomain() -> OrganizationRecord { OrganizationRecord(code: code, name: name) }

    func apply(_ r: OrganizationRecord) {
        code = r.code
        name = r.name
    }
}
