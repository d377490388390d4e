/// A certificate of the MoE catalog (CAT-1): batch, organisation, levels, the minimum number of
/// exam takers per school application, and the national cost cap per level in fen.
public struct CertificateRecord: CatalogRecord {
    public static let kind = CatalogKind.certificates
    public static let columns = [
        Column("code", .fieldCertificateCode, aliases: ["证书编码"]),
        Column("name", .fieldCertificateName, aliases: ["名称"]),
        Column("batch", .fieldBatch),
        Column("organization", .fieldOrganization, aliases: ["评价组织", "培训评价组织代码"]),
        Column("levels", .fieldLevels, aliases: ["等级"]),
        Column("minCandidates", .fieldMinCandidates, aliases: ["最低人数"]),
        Column("costCapJunior", .fieldCostCapJunior, required: false),
        Column("costCapIntermediate", .fieldCostCapIntermediate, required: false),
        Column("costCapSenior", .fieldCostCapSenior, required: false),
    ]

    public var code: String
    public var name: String
    public var batch: Int
    public var organization: String
    public var levels: [Level]
    public var minCandidates: Int
    public var costCaps: [Level: Int]

    public init(
        code: String, name: String, batch: Int, organization: String, levels: [Level],
        minCandidates: Int, costCaps: [Level: Int]
    ) {
        self.code = code
        self.name = name
        self.batch = batch
        self.organization = organization
        self.levels = levels
        self.minCandidates = minCandidates
        self.costCaps = costCaps
    }

    static func capField(_ level: Level) -> String {
        switch level {
        case .junior: "costCapJunior"
        case .intermediate: "costCapIntermediate"
        case .senior: "costCapSenior"
        }
    }

    public init(values: FieldValues) throws(ValidationErrors) {
        var r = FieldReader(values, columns: Self.columns)
        code = r.code("code")
        name = r.text("name")
        batch = r.integer("batch", in: 1...4) ?? 1
        organization = r.code("organization")
        var levels: [Level] = []
        for item in r.list("levels") {
            if let level = Level(text: item) {
                if !levels.contains(level) { levels.append(level) }
            } else {
                r.add(
                    .invalid(
                        "levels", .fieldLevels, value: item,
                        expected: UIText(zh: "初级、中级或高级（junior/intermediate/senior）", en: "junior, intermediate or senior")))
            }
        }
        if levels.isEmpty && (values["levels"] ?? "").trimmingCharacters(in: .whitespaces).isEmpty {
            r.add(.required("levels", .fieldLevels))
        }
        self.levels = levels.sorted()
        minCandidates = r.integer("minCandidates", in: 0...100_000) ?? 0
        var caps: [Level: Int] = [:]
        for level in Level.allCases {
            if let cap = r.yuan(Self.capField(level), in: 0...100_000_000, required: false) {
                caps[level] = cap
                if !levels.contains(level) {
                    r.add(
                        FieldError(
                            code: "invalid",
                            UIText(zh: "证书没有\(level.chinese)等级，不能设置其成本上限",
                                   en: "The certificate has no \(level.english) level, so it has no cost cap for it"),
                            field: Self.capField(level)))
                }
            }
        }
        costCaps = caps
        try r.finish()
    }

    public var values: FieldValues {
        var v: FieldValues = [
            "code": code, "name": name, "batch": String(batch), "organization": organization,
            "levels": levels.map(\.rawValue).joined(separator: ";"), "minCandidates": String(minCandidates),
        ]
        for level in Level.allCases {
            v[Self.capField(level)] = costCaps[level].map(Fen.yuanText) ?? ""
        }
        return v
    }

    public var references: [Reference] { [Reference(.organizations, organization, field: "organization")] }

    public func display(_ field: String, lang: Lang) -> String {
        switch field {
        case "levels":
            return levels.map { lang($0) }.joined(separator: lang.listSeparator)
        case "costCapJunior", "costCapIntermediate", "costCapSenior":
            let level = Level.allCases.first { Self.capField($0) == field }!
            return costCaps[level].map(Fen.yuanText) ?? ""
        default: return values[field] ?? ""
        }
    }

    // JSON shape of api.md: `levels: ["junior"]`, `costCaps: {"junior": 60000}`.
    enum CodingKeys: String, CodingKey {
        case code, name, batch, organization, levels, minCandidates, costCaps
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        code = try c.decode(String.self, forKey: .code)
        name = try c.decode(String.self, forKey: .name)
        batch = try c.decode(Int.self, forKey: .batch)
        organization = try c.decode(String.self, forKey: .organization)
        levels = try c.decode([Level].self, forKey: .levels)
        minCandidates = try c.decodeIfPresent(Int.self, forKey: .minCandidates) ?? 0
        let raw = try c.decodeIfPresent([String: Int].self, forKey: .costCaps) ?? [:]
        var caps: [Level: Int] = [:]
        for (key, value) in raw {
            guard let level = Level(rawValue: key) else {
                throw DecodingError.dataCorruptedError(
                    forKey: .costCaps, in: c,
                    debugDescription: "未知等级：\(key)")
            }
            caps[level] = value
        }
        costCaps = caps
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(code, forKey: .code)
        try c.encode(name, forKey: .name)
        try c.encode(batch, forKey: .batch)
        try c.encode(organization, forKey: .organization)
        try c.encode(levels, forKey: .levels)
        try c.encode(minCandidates, forKey: .minCandidates)
        try c.encode(
            Dictionary(uniqueKeysWithValues: costCaps.map { ($0.key.rawValue, $0.value) }), forKey: .costCaps)
    }
}
