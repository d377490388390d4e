/// A row of a caps-only file (MOE12-1): a certificate already in the catalog and its national
/// cost caps per level, in yuan. A level left empty keeps the cap it has.
public struct CostCapRecord: CatalogRecord {
    public static let kind = CatalogKind.certificates
    public static let columns = [
        Column("code", .fieldCertificateCode, aliases: ["证书编码"]),
        Column("costCapJunior", .fieldCostCapJunior, required: false),
        Column("costCapIntermediate", .fieldCostCapIntermediate, required: false),
        Column("costCapSenior", .fieldCostCapSenior, required: false),
    ]

    public var code: String
    public var costCaps: [Level: Int]

    public init(code: String, costCaps: [Level: Int]) {
        self.code = code
        self.costCaps = costCaps
    }

    public init(values: FieldValues) throws(ValidationErrors) {
        var r = FieldReader(values, columns: Self.columns)
        code = r.code("code")
        var caps: [Level: Int] = [:]
        for level in Level.allCases {
            if let cap = r.yuan(CertificateRecord.capField(level), in: 0...100_000_000, required: false) {
                caps[level] = cap
            }
        }
        if caps.isEmpty && !values.contains(where: { $0.key.hasPrefix("costCap") && !$0.value.isEmpty }) {
            r.add(
                FieldError(
                    code: "required",
                    UIText(zh: "至少填写一个等级的成本上限（元）", en: "Give the cost cap of at least one level (yuan)"),
                    field: "costCapJunior"))
        }
        costCaps = caps
        try r.finish()
    }

    public var values: FieldValues {
        var v: FieldValues = ["code": code]
        for level in Level.allCases {
            v[CertificateRecord.capField(level)] = costCaps[level].map(Fen.yuanText) ?? ""
        }
        return v
    }

    public var references: [Reference] { [Reference(.certificates, code, field: "code")] }

    /// Problems with the certificate's own levels: a cap for a level it does not have.
    public func problems(levels: [Level]) -> [FieldError] {
        costCaps.keys.sorted().filter { !levels.contains($0) }.map { level in
            FieldError(
                code: "invalid",
                UIText(
                    zh: "证书“\(code)”没有\(level.chinese)等级，不能设置其成本上限",
                    en: "Certificate “\(code)” has no \(level.english) level, so it has no cost cap for it"),
                field: CertificateRecord.capField(level))
        }
    }
}
