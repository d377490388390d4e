import Foundation

/// One row of the national platform's per-candidate result export (EXAM-1), checked.
/// Every row counts as registered; `attended` and `passed` are 1/0 or 是/否.
public struct CandidateResult: Sendable, Equatable {
    public var examNumber: String
    public var maskedName: String
    public var idNumber: IDNumber
    public var school: String
    public var certificate: String
    public var level: Level
    public var date: LocalDate
    public var attended: Bool
    public var passed: Bool

    /// The columns in order, with the Chinese labels the platform's export may use instead.
    public static let columns: [(key: String, label: String)] = [
        ("examNumber", "准考证号"), ("name", "姓名"), ("idNumber", "身份证号"), ("school", "院校代码"),
        ("certificate", "证书代码"), ("level", "等级"), ("date", "考核日期"), ("attended", "是否参考"), ("passed", "是否通过"),
    ]

    /// Maps a header row (English keys or Chinese labels, any order) to column positions, or
    /// names what is missing.
    public static func header(_ row: [String]) -> Result<[String: Int], FieldError> {
        var at: [String: Int] = [:]
        for (i, cell) in row.enumerated() {
            let t = cell.trimmingCharacters(in: .whitespaces)
            if let c = columns.first(where: { $0.key.lowercased() == t.lowercased() || $0.label == t }) {
                at[c.key] = i
            }
        }
        let missing = columns.filter { at[$0.key] == nil }.map(\.label)
        if !missing.isEmpty {
            let english = columns.filter { at[$0.key] == nil }.map { UIText.candidateColumn($0.key).en }
            return .failure(
                FieldError(
                    code: "missing_columns",
                    UIText(
                        zh: "表头缺少列：\(missing.joined(separator: "、"))",
                        en: "The header lacks the columns: \(english.joined(separator: ", "))"), line: 1))
        }
        return .success(at)
    }

    /// Parses one data row; `line` is its 1-based line in the file, used in every message.
    public static func parse(_ row: [String], columns at: [String: Int], line: Int) -> Result<
        CandidateResult, ValidationErrors
    > {
        func cell(_ key: String) -> String {
            guard let i = at[key], i < row.count else { return "" }
            return row[i].trimmingSpaces
        }
        var errors: [FieldError] = []
        func bad(_ field: String, _ text: UIText) {
            errors.append(FieldError(code: "invalid", text, field: field).onLine(line))
        }
        func label(_ key: String) -> UIText {
            UIText(zh: columns.first { $0.key == key }?.label ?? key, en: UIText.candidateColumn(key).en)
        }
        func invalid(_ key: String, _ expected: UIText) {
            bad(key, FieldError.invalid(key, label(key), value: QuotedCell.text(cell(key)), expected: expected).uiText)
        }
        func flag(_ key: String) -> Bool {
            switch cell(key) {
            case "1", "是", "Y", "y", "true", "TRUE": return true
            case "0", "否", "N", "n", "false", "FALSE", "": return false
            default:
                invalid(key, UIText(zh: " 1/0 或 是/否", en: "1/0 or yes/no"))
                return false
            }
        }
        func required(_ key: String) -> String {
            let v = cell(key)
            if v.isEmpty { bad(key, FieldError.required(key, label(key)).uiText) }
            return v
        }
        let examNumber = required("examNumber")
        let name = required("name")
        let id = IDNumber(cell("idNumber"))
        // The number itself is never echoed: only its position in the file.
        if id == nil {
            bad(
                "idNumber",
                UIText(
                    zh: "身份证号无效（应为18位且校验码正确，或15位旧号码）",
                    en:
                        "The ID number is not valid (18 characters with a correct check character, or the old 15 digits)"
                ))
        }
        let school = required("school")
        let certificate = required("certificate")
        let level = Level(text: cell("level"))
        if level == nil {
            invalid("level", UIText(zh: "初级/中级/高级", en: "junior, intermediate or senior"))
        }
        let dateText = cell("date")
        // Spreadsheets often write 2026/05/20; the bridge to NSString is paid only then.
        let date = LocalDate(
            dateText.utf8.contains(UInt8(ascii: "/"))
                ? dateText.replacingOccurrences(of: "/", with: "-") : dateText)
        if date == nil {
            invalid("date", UIText(zh: " YYYY-MM-DD", en: "YYYY-MM-DD"))
        }
        let attended = flag("attended")
        let passed = flag("passed")
        if passed && !attended {
            bad("passed", UIText(zh: "未参考的考生不能为通过", en: "A candidate who did not attend cannot have passed"))
        }
        guard errors.isEmpty, let id, let level, let date else { return .failure(ValidationErrors(errors)) }
        return .success(
            CandidateResult(
                examNumber: examNumber, maskedName: NameMask.mask(name), idNumber: id, school: school,
                certificate: certificate, level: level, date: date, attended: attended, passed: passed))
    }
}
