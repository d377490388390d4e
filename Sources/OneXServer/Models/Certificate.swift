import Fluent
import OneXDomain
import Vapor

final class Certificate: Model, @unchecked Sendable {
    static let schema = "certificates"

    @ID(key: .id) var id: UUID?
    @Field(key: "code") var code: String
    @Field(key: "name") var name: String
    @Field(key: "batch") var batch: Int
    @Parent(key: "organization_id") var organization: Organization
    /// Levels as `junior;intermediate`: a short closed list, never queried by element.
    @Field(key: "levels") var levels: String
    @Field(key: "min_candidates") var minCandidates: Int
    @OptionalField(key: "cost_cap_junior") var costCapJunior: Int?
    @OptionalField(key: "cost_cap_intermediate") var costCapIntermediate: Int?
    @OptionalField(key: "cost_cap_senior") var costCapSenior: Int?

    init() {}

    func toDomain() -> CertificateRecord {
        var caps: [Level: Int] = [:]
        caps[.junior] = costCapJunior
        caps[.intermediate] = costCapIntermediate
        caps[.senior] = costCapSenior
        return CertificateRecord(
            code: code, name: name, batch: batch, organization: $organization.value?.code ?? "",
            levels: levels.split(separator: ";").compactMap { Level(rawValue: String($0)) },
            minCandidates: minCandidates, costCaps: caps)
    }

    func apply(_ r: CertificateRecord, organizationID: UUID) {
        code = r.code
        name = r.name
        batch = r.batch
        $organization.id = organizationID
        levels = r.levels.map(\.rawValue).joined(separator: ";")
        minCandidates = r.minCandidates
        costCapJunior = r.costCaps[.junior]
        costCapIntermediate = r.costCaps[.intermediate]
        costCapSenior = r.costCaps[.senior]
    }
}
