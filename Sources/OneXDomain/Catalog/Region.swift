/// A city or province-direct county (CAT-3) whose education bureau reviews its secondary schools.
public struct RegionRecord: CatalogRecord {
    public static let kind = CatalogKind.regions
    public static let columns = [
        Column("code", .fieldRegionCode, aliases: ["区划代码", "地区代码"]),
        Column("name", .fieldRegionName, aliases: ["名称"]),
        Column("kind", .fieldRegionKind, aliases: ["类型"]),
    ]

    public var code: String
    public var name: String
    public var kind: RegionKind

    public init(code: String, name: String, kind: RegionKind) {
        self.code = code
        self.name = name
        self.kind = kind
    }

    public init(values: FieldValues) throws(ValidationErrors) {
        var r = FieldReader(values, columns: Self.columns)
        code = r.code("code")
        name = r.text("name")
        kind = r.choice("kind", RegionKind.init(text:), expected: UIText(zh: "city（市）或 county（省直管县）", en: "city or county")) ?? .city
        try r.finish()
    }

    public var values: FieldValues { ["code": code, "name": name, "kind": kind.rawValue] }

    public func display(_ field: String, lang: Lang) -> String {
        field == "kind" ? lang(kind) : values[field] ?? ""
    }
}
