/// A certificate pilot alliance (CAT-4): one per certificate, a lead school and member schools.
/// Its code is the certificate's code, since there is one alliance per certificate.
public struct AllianceRecord: CatalogRecord {
    public static let kind = CatalogKind.alliances
    public static let columns = [
        Column("certificate", .fieldCertificate, aliases: ["证书代码"]),
        Column("leadSchool", .fieldLeadSchool),
        Column("members", .fieldMembers, required: false),
    ]

    public var certificate: String
    public var leadSchool: String
    public var members: [String]

    public var code: String { certificate }

    public init(certificate: String, leadSchool: String, members: [String]) {
        self.certificate = certificate
        self.leadSchool = leadSchool
        self.members = members
    }

    public init(values: FieldValues) throws(ValidationErrors) {
        var r = FieldReader(values, columns: Self.columns)
        certificate = r.code("certificate")
        let lead = r.code("leadSchool")
        leadSchool = lead
        var seen = Set<String>()
        members = r.list("members").filter { $0 != lead && seen.insert($0).inserted }
        try r.finish()
    }

    public var values: FieldValues {
        ["certificate": certificate, "leadSchool": leadSchool, "members": members.joined(separator: ";")]
    }

    public var references: [Reference] {
        [Reference(.certificates, certificate, field: "certificate"), Reference(.schools, leadSchool, field: "leadSchool")]
            + members.map { Reference(.schools, $0, field: "members") }
    }
}
