import Fluent
import OneXDomain
import Vapor

final class School: Model, @unchecked Sendable {
    static let schema = "schools"

    @ID(key: .id) var id: UUID?
    @Field(key: "code") var code: String
    @Field(key: "name") var name: String
    @Field(key: "kind") var kind: String
    @Parent(key: "region_id") var region: Region
    @Field(key: "national_platform_registered") var nationalPlatformRegistered: Bool
    /// `YYYY-MM-DD`: a calendar day, not an instant.
    @OptionalField(key: "filed_on") var filedOn: String?

    init() {}

    var kindValue: SchoolKind {
        get throws { try .stored(kind, table: Self.schema, column: "kind", id: id) }
    }

    func toDomain() throws -> SchoolRecord {
        SchoolRecord(code: code, name: name, kind: try .stored(kind, table: Self.schema, column: "kind", id: id),
                     region: $region.value?.code ?? "", nationalPlatformRegistered: nationalPlatformRegistered,
                     filedOn: filedOn.flatMap(LocalDate.init))
    }

    func apply(_ r: SchoolRecord, regionID: UUID) {
        code = r.code
        name = r.name
        kind = r.kind.rawValue
        $region.id = regionID
        nationalPlatformRegistered = r.nationalPlatformRegistered
        filedOn = r.filedOn?.description
    }
}
