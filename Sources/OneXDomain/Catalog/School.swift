/// A pilot school (CAT-2): its kind decides its review route, its region the bureau over it.
public struct SchoolRecord: CatalogRecord {
    public static let kind = CatalogKind.schools
    public static let columns = [
        Column("code", .fieldSchoolCode, aliases: ["学校代码", "院校编码"]),
        Column("name", .fieldSchoolName, aliases: ["学校名称"]),
        Column("kind", .fieldSchoolKind, aliases: ["学校类型", "类型"]),
        Column("region", .fieldRegion, aliases: ["所属市县", "地区"]),
        Column("nationalPlatformRegistered", .fieldRegistered, required: false, aliases: ["国家平台注册"]),
        Column("filedOn", .fieldFiledOn, required: false, aliases: ["备案日期"]),
    ]

    public var code: String
    public var name: String
    public var kind: SchoolKind
    public var region: String
    public var nationalPlatformRegistered: Bool
    public var filedOn: LocalDate?

    public init(code: String, name: String, kind: SchoolKind, region: String,
                nationalPlatformRegistered: Bool, filedOn: LocalDate? = nil) {
        self.code = code
        self.name = name
        self.kind = kind
        self.region = region
        self.nationalPlatformRegistered = nationalPlatformRegistered
        self.filedOn = filedOn
    }

    public init(values: FieldValues) throws(ValidationErrors) {
        var r = FieldReader(values, columns: Self.columns)
        code = r.code("code")
        name = r.text("name")
        kind = r.choice("kind", SchoolKind.init(text:),
                        expected: UIText(zh: "中职学校、省属中专、高职院校或应用型本科",
                                         en: "secondary, provincialSecondary, higherVocational or undergraduate")) ?? .secondary
        region = r.code("region")
        nationalPlatformRegistered = r.bool("nationalPlatformRegistered")
        filedOn = r.date("filedOn")
        try r.finish()
    }

    public var values: FieldValues {
        [
            "code": code, "name": name, "kind": kind.rawValue, "region": region,
            "nationalPlatformRegistered": nationalPlatformRegistered ? "true" : "false",
            "filedOn": filedOn?.description ?? "",
        ]
    }

    public var references: [Reference] { [Reference(.regions, region, field: "region")] }

    public func display(_ field: String, lang: Lang) -> String {
        switch field {
        case "kind": lang(kind)
        case "nationalPlatformRegistered": lang.pick(nationalPlatformRegistered ? "是" : "否",
                                                     nationalPlatformRegistered ? "Yes" : "No")
        default: values[field] ?? ""
        }
    }
}
