import Fluent
import OneXDomain
import Vapor

final class Expert: Model, @unchecked Sendable {
    static let schema = "experts"

    @ID(key: .id) var id: UUID?
    @Field(key: "code") var code: String
    @Field(key: "name") var name: String
    @Field(key: "field") var field: String
    @Field(key: "unit") var unit: String

    init() {}

    func toDomain() -> ExpertRecord { ExpertRecord(code: code, name: name, field: field, unit: unit) }

    func apply(_ r: ExpertRecord) {
        code = r.code
        name = r.name
        field = r.field
        unit = r.unit
    }
}
