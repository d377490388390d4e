import Fluent
import OneXDomain
import Vapor

// Fluent models are reference types that Fluent mutates from one task at a time;
// `@unchecked Sendable` is the pattern Fluent itself documents.
final class Region: Model, @unchecked Sendable {
    static let schema = "regions"

    @ID(key: .id) var id: UUID?
    @Field(key: "code") var code: String
    @Field(key: "name") var name: String
    @Field(key: "kind") var kind: String

    init() {}

    func toDomain() throws -> RegionRecord {
        RegionRecord(code: code, name: name, kind: try .stored(kind, table: Self.schema, column: "kind", id: id))
    }

    func apply(_ r: RegionRecord) {
        code = r.code
        name = r.name
        kind = r.kind.rawValue
    }
}
