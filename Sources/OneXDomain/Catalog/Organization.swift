/// A training evaluation organisation (培训评价组织): issues certificates and runs their exams.
public struct OrganizationRecord: CatalogRecord {
    public static let kind = CatalogKind.organizations
    public static let columns = [
        Column("code", .fieldOrganizationCode, aliases: ["组织代码", "机构代码"]),
        Column("name", .fieldOrganizationName, aliases: ["名称", "组织名称"]),
    ]

    public var code: String
    public var name: String

    public init(code: String, name: String) {
        self.code = code
        self.name = name
    }

    public init(values: FieldValues) throws(ValidationErrors) {
        var r = FieldReader(values, columns: Self.columns)
        code = r.code("code")
        name = r.text("name")
        try r.finish()
    }

    public var values: FieldValues { ["code": code, "name": name] }
}
