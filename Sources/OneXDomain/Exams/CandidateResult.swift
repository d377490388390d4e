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
            if let c = columns.first(where: { $0.key.lowercased() == t.lowercased() || $0.label == t }) { at[c.key] = i }
        }
        let missing = columns.filter { at[$0.key] == nil }.map(\.label)
        if !missing.isEmpty {
            return .failure(FieldError(code: "missing_columns", message: "表头缺少列：\(missing.joined(separator: "、"))", line: 1))
        }
        return .success(at)
    }

    /// Parses one data row; `line` is its 1-based line in the file, used in every message.
    public static func parse(_ row: [String], columns at: [String: Int], line: Int) -> Result<CandidateResult, ValidationErrors> {
        func cell(_ key: String) -> String {
            guard let i = at[key], i < row.count else { return "" }
            return row[i].trimmingSpaces
        }
        var errors: [FieldError] = []
        func bad(_ field: String, _ message: String) {
            errors.append(FieldError(code: "invalid", message: "第\(line)行：\(message)", field: field, line: line))
        }
        func flag(_ key: String, _ label: String) -> Bool {
            switch cell(key) {
            case "1", "是", "Y", "y", "true", "TRUE": return true
            case "0", "否", "N", "n", "false", "FALSE", "": return false
            case let v:
                bad(key, "\(label)“\(QuotedCell.text(v))”无效，应为 1/0 或 是/否")
                return false
            }
        }
        let examNumber = cell("examNumber")
        if examNumber.isEmpty { bad("examNumber", "准考证号不能为空") }
        let name = cell("name")
        if name.isEmpty { bad("name", "姓名不能为空") }
        let id = IDNumber(cell("idNumber"))
        // The number itself is never echoed: only its position in the file.
        if id == nil { bad("idNumber", "身份证号无效（应为18位且校验码正确，或15位旧号码）") }
        let school = cell("school")
        if school.isEmpty { bad("school", "院校代码不能为空") }
        let certificate = cell("certificate")
        if certificate.isEmpty { bad("certificate", "证书代码不能为空") }
        let level = Level(text: cell("level"))
        if level == nil { bad("level", "等级“\(QuotedCell.text(cell("level")))”无效，应为初级/中级/高级") }
        let dateText = cell("date")
        // Spreadsheets often write 2026/05/20; the bridge to NSString is paid only then.
        let date = LocalDate(dateText.utf8.contains(UInt8(ascii: "/")) ? dateText.replacingOccurrences(of: "/", with: "-") : dateText)
        if date == nil { bad("date", "考核日期“\(QuotedCell.text(cell("date")))”无效，应为 YYYY-MM-DD") }
        let attended = flag("attended", "是否参考")
        let passed = flag("passed", "是否通过")
        if passed && !attended { bad("passed", "未参考的考生不能为通过") }
        guard errors.isEmpty, let id, let level, let date else { return .failure(ValidationErrors(errors)) }
        return .success(CandidateResult(examNumber: examNumber, maskedName: NameMask.mask(name), idNumber: id, school: school,
                                        certificate: certificate, level: level, date: date, attended: attended, passed: passed))
    }
}
