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
        Stored(
            code: code, name: name, batch: batch, organization: $organization.value?.code ?? "",
            levels: levels,
            min_candidates: minCandidates, cost_cap_junior: costCapJunior,
            cost_cap_intermediate: costCapIntermediate,
            cost_cap_senior: costCapSenior
        ).record
    }

    /// A certificate as one SQL row with its organisation's code (`Stored.columns`), for the
    /// hot paths that need a few certificates without loading models.
    struct Stored: Decodable {
        var code: String
        var name: String
        var batch: Int
        var organization: String
        var levels: String
        var min_candidates: Int
        var cost_cap_junior: Int?
        var cost_cap_intermediate: Int?
        var cost_cap_senior: Int?

        /// The select list for `certificates c JOIN organizations o`.
        static let columns = """
            c.code, c.name, c.batch, o.code AS organization, c.levels, c.min_candidates, c.cost_cap_junior,
            c.cost_cap_intermediate, c.cost_cap_senior
            """

        var record: CertificateRecord {
            var caps: [Level: Int] = [:]
            caps[.junior] = cost_cap_junior
            caps[.intermediate] = cost_cap_intermediate
            caps[.senior] = cost_cap_senior
            return CertificateRecord(
                code: code, name: name, batch: batch, organization: organization,
                levels: levels.split(separator: ";").compactMap { Level(rawValue: String($0)) },
                minCandidates: min_candidates, costCaps: caps)
        }
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
