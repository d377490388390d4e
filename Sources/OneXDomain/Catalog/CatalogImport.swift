/// Turns a spreadsheet (first row = headers) into catalog records, all or nothing: any bad row
/// rejects the whole file with every problem listed by line (1 = the header row).
public enum CatalogImport {
    /// Codes that exist already, per table, for checking references before anything is written.
    public typealias KnownCodes = [CatalogKind: Set<String>]

    public struct Row<R: CatalogRecord>: Sendable {
        public var line: Int
        public var record: R
    }

    public static func plan<R: CatalogRecord>(
        _ type: R.Type, table: [[String]], known: KnownCodes
    ) -> Result<[Row<R>], ValidationErrors> {
        guard let header = table.first,
            header.contains(where: { !$0.trimmingCharacters(in: .whitespaces).isEmpty })
        else {
            return .failure(
                ValidationErrors([
                    FieldError(
                        code: "empty_file",
                        UIText(zh: "文件为空或缺少表头行", en: "The file is empty or has no header row"), line: 1)
                ]))
        }
        var errors: [FieldError] = []
        // Which column of the file feeds which field; unknown columns (序号, 备注…) are ignored.
        var indexOf: [String: Int] = [:]
        for (i, cell) in header.enumerated() {
            guard let column = R.columns.first(where: { $0.matches(header: cell) }) else { continue }
            if indexOf[column.field] != nil {
                errors.append(
                    FieldError(
                        code: "duplicate_column",
                        UIText(zh: "表头中“\(cell)”重复出现", en: "The header names “\(cell)” twice"), line: 1))
            }
            indexOf[column.field] = i
        }
        for column in R.columns where column.required && indexOf[column.field] == nil {
            errors.append(
                FieldError(
                    code: "missing_column",
                    UIText(
                        zh: "缺少必需的列“\(column.label.zh)”（\(column.field)）",
                        en: "The required column “\(column.label.en)” (\(column.field)) is missing"), line: 1)
            )
        }
        if !errors.isEmpty { return .failure(ValidationErrors(errors)) }

        var rows: [Row<R>] = []
        var firstLineOfCode: [String: Int] = [:]
        for (offset, cells) in table.dropFirst().enumerated() {
            let line = offset + 2
            if cells.allSatisfy({ $0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }) { continue }
            var values: FieldValues = [:]
            for (field, index) in indexOf where index < cells.count {
                values[field] = cells[index]
            }
            do throws(ValidationErrors) {
                let record = try R(values: values)
                if let first = firstLineOfCode[record.code] {
                    errors.append(
                        FieldError(
                            code: "duplicate_code",
                            UIText(
                                zh: "代码“\(record.code)”与第\(first)行重复",
                                en: "Code “\(record.code)” repeats line \(first)"), line: line))
                    continue
                }
                firstLineOfCode[record.code] = line
                for ref in record.references where !(known[ref.kind]?.contains(ref.code) ?? false) {
                    errors.append(
                        FieldError(
                            code: "unknown_reference",
                            UIText(
                                zh: "\(ref.kind.noun.zh)“\(ref.code)”不存在",
                                en: "No \(ref.kind.noun.en) “\(ref.code)” exists"),
                            field: ref.field, line: line))
                }
                rows.append(Row(line: line, record: record))
            } catch {
                errors += error.errors.map { e in
                    var e = e
                    e.line = line
                    return e
                }
            }
        }
        if rows.isEmpty && errors.isEmpty {
            errors.append(
                FieldError(
                    code: "empty_file", UIText(zh: "文件中没有数据行", en: "The file has no data rows"), line: 2))
        }
        return errors.isEmpty ? .success(rows) : .failure(ValidationErrors(errors))
    }
}

extension CatalogKind {
    public var chineseName: String { title.zh }

    public var title: UIText {
        switch self {
        case .regions: .navRegions
        case .organizations: .navOrganizations
        case .certificates: .navCertificates
        case .schools: .navSchools
        case .alliances: .navAlliances
        case .experts: .navExperts
        }
    }

    /// The singular noun used in messages ("地区“X”不存在").
    public var noun: UIText {
        switch self {
        case .regions: .nounRegion
        case .organizations: .nounOrganization
        case .certificates: .nounCertificate
        case .schools: .nounSchool
        case .alliances: .nounAlliance
        case .experts: .nounExpert
        }
    }
}

extension CatalogKind {
    /// The columns of the table's record type, for code that knows the table only at run time.
    public var columns: [Column] {
        switch self {
        case .regions: RegionRecord.columns
        case .organizations: OrganizationRecord.columns
        case .certificates: CertificateRecord.columns
        case .schools: SchoolRecord.columns
        case .alliances: AllianceRecord.columns
        case .experts: ExpertRecord.columns
        }
    }
}
