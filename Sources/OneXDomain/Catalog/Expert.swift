/// A member of the provincial expert pool (CAT-5). Which reviews an expert took part in is
/// recorded by the reviews themselves (fee verification, justifications) and listed with the expert.
public struct ExpertRecord: CatalogRecord {
    public static let kind = CatalogKind.experts
    public static let columns = [
        Column("code", .fieldExpertCode, aliases: ["编号"]),
        Column("name", .fieldPersonName, aliases: ["专家姓名"]),
        Column("field", .fieldExpertise, aliases: ["领域", "专业"]),
        Column("unit", .fieldWorkUnit, aliases: ["单位"]),
    ]

    public var code: String
    public var name: String
    public var field: String
    public var unit: String

    public init(code: String, name: String, field: String, unit: String) {
        self.code = code
        self.name = name
        self.field = field
        self.unit = unit
    }

    public init(values: FieldValues) throws(ValidationErrors) {
        var r = FieldReader(values, columns: Self.columns)
        code = r.code("code")
        name = r.text("name")
        field = r.text("field")
        unit = r.text("unit")
        try r.finish()
    }

    public var values: FieldValues { ["code": code, "name": name, "field": field, "unit": unit] }
}
