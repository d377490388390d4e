/// The national platform's record of biweekly reports (AH41-9: “在职业技能等级证书信息管理服务
/// 平台按时报送”): one row per school and period with the day it was submitted. Read all or
/// nothing, every problem with its line, like the other imports.
public struct PlatformReport: Equatable, Sendable {
    public var school: String
    public var dueDate: LocalDate
    public var submittedOn: LocalDate
    public var line: Int
}

public enum PlatformReportImport {
    public static let columns = [
        Column("school", .fieldSchoolCode, aliases: ["学校代码"]),
        Column("dueDate", UIText(zh: "报送期", en: "Period due"), aliases: ["截止日期", "报送截止日"]),
        Column("submittedAt", UIText(zh: "报送时间", en: "Submitted at"), aliases: ["填报时间", "提交时间"]),
    ]

    public static func plan(_ table: [[String]], schedule: BiweeklySchedule, knownSchools: Set<String>)
        -> Result<[PlatformReport], ValidationErrors>
    {
        let index: [String: Int]
        switch ColumnIndex.of(table, columns) {
        case .failure(let e): return .failure(e)
        case .success(let i): index = i
        }
        var rows: [PlatformReport] = []
        var errors: [FieldError] = []
        for (offset, cells) in table.dropFirst().enumerated() {
            let line = offset + 2
            func cell(_ field: String) -> String {
                let i = index[field]!
                return i < cells.count ? cells[i].trimmingCharacters(in: .whitespaces) : ""
            }
            if cells.allSatisfy({ $0.trimmingCharacters(in: .whitespaces).isEmpty }) { continue }
            let school = cell("school")
            if !knownSchools.contains(school) {
                errors.append(
                    FieldError(
                        code: "unknown_reference",
                        UIText(zh: "院校“\(school)”不存在", en: "No school “\(school)” exists"),
                        field: "school", line: line))
            }
            let dueText = cell("dueDate")
            let due = day(dueText)
            if due == nil || schedule.dueDates(from: due!, through: due!) != [due!] {
                errors.append(
                    FieldError(
                        code: "invalid",
                        UIText(
                            zh:
                                "报送期“\(dueText)”应为每月\(schedule.dueDays.map { "\($0)日" }.joined(separator: "或"))的日期（YYYY-MM-DD）",
                            en:
                                "The period “\(dueText)” should be day \(schedule.dueDays.map(String.init).joined(separator: " or ")) of a month (YYYY-MM-DD)"
                        ),
                        field: "dueDate", line: line))
            }
            let submittedText = cell("submittedAt")
            let submitted = day(submittedText)
            if submitted == nil {
                errors.append(
                    FieldError(
                        code: "invalid",
                        UIText(
                            zh: "报送时间“\(submittedText)”应为日期（YYYY-MM-DD，可带时间）",
                            en: "“\(submittedText)” should be a date (YYYY-MM-DD, a time may follow)"),
                        field: "submittedAt", line: line))
            }
            if let due, let submitted, knownSchools.contains(school) {
                rows.append(PlatformReport(school: school, dueDate: due, submittedOn: submitted, line: line))
            }
        }
        if rows.isEmpty && errors.isEmpty {
            errors.append(
                FieldError(
                    code: "empty_file", UIText(zh: "文件中没有数据行", en: "The file has no data rows"), line: 2))
        }
        return errors.isEmpty ? .success(rows) : .failure(ValidationErrors(errors))
    }

    /// `2026-03-12`, `2026/3/12` or either with a time after it.
    static func day(_ text: String) -> LocalDate? {
        let date = text.split(separator: " ").first.map(String.init) ?? ""
        let parts = date.split(whereSeparator: { $0 == "-" || $0 == "/" }).compactMap { Int($0) }
        guard parts.count == 3, (1...12).contains(parts[1]),
            (1...LocalDate.daysIn(month: parts[1], year: parts[0])).contains(parts[2])
        else { return nil }
        return LocalDate(year: parts[0], month: parts[1], day: parts[2])
    }
}
