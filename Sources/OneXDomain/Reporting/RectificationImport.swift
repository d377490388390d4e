/// The province's spreadsheet of ledger items (AH38-3), one row per item with its four lists.
/// Each row is checked by the same rules as an item entered by hand; the file is stored all or
/// nothing.
public enum RectificationImport {
    public static let columns = [
        Column("category", UIText(zh: "类别", en: "Category"), aliases: ["问题类别"]),
        Column("problem", UIText(zh: "问题", en: "Problem"), aliases: ["存在问题"]),
        Column("task", UIText(zh: "整改任务", en: "Task"), aliases: ["任务"]),
        Column("responsibleKind", UIText(zh: "责任单位类型", en: "Kind of unit")),
        Column("responsibleUnit", UIText(zh: "责任单位代码", en: "Unit code")),
        Column("person", UIText(zh: "责任人", en: "Responsible person")),
        Column("phone", UIText(zh: "联系电话", en: "Phone"), aliases: ["电话"]),
        Column("deadline", UIText(zh: "整改时限", en: "Deadline"), aliases: ["完成时限"]),
    ]

    /// The rows as field values by line, or the file's problems (empty, a column missing).
    public static func rows(_ table: [[String]]) -> Result<
        [(line: Int, values: [String: String])], ValidationErrors
    > {
        let index: [String: Int]
        switch ColumnIndex.of(table, columns) {
        case .failure(let e): return .failure(e)
        case .success(let i): index = i
        }
        var out: [(line: Int, values: [String: String])] = []
        for (offset, cells) in table.dropFirst().enumerated() {
            if cells.allSatisfy({ $0.trimmingCharacters(in: .whitespaces).isEmpty }) { continue }
            var values: [String: String] = [:]
            for (field, i) in index where i < cells.count {
                values[field] = cells[i].trimmingCharacters(in: .whitespaces)
            }
            out.append((offset + 2, values))
        }
        if out.isEmpty {
            return .failure(
                ValidationErrors([
                    FieldError(
                        code: "empty_file", UIText(zh: "文件中没有数据行", en: "The file has no data rows"), line: 2)
                ]))
        }
        return .success(out)
    }

    /// A category or a kind of unit by its code or its Chinese or English words.
    public static func value<T: RawRepresentable<String> & CaseIterable & InWords>(
        _ text: String?, as: T.Type
    ) -> T? {
        guard let t = text?.trimmingCharacters(in: .whitespaces), !t.isEmpty else { return nil }
        return T(rawValue: t)
            ?? T.allCases.first { $0.chinese == t || $0.english.lowercased() == t.lowercased() }
    }
}

/// Where each column of an import stands in its header row, or which required ones are missing.
public enum ColumnIndex {
    public static func of(_ table: [[String]], _ columns: [Column]) -> Result<[String: Int], ValidationErrors>
    {
        guard let header = table.first else {
            return .failure(
                ValidationErrors([
                    FieldError(
                        code: "empty_file",
                        UIText(zh: "文件为空或缺少表头行", en: "The file is empty or has no header row"), line: 1)
                ]))
        }
        var index: [String: Int] = [:]
        for (i, cell) in header.enumerated() {
            if let c = columns.first(where: { $0.matches(header: cell) }) { index[c.field] = i }
        }
        let missing = columns.filter { $0.required && index[$0.field] == nil }
        guard missing.isEmpty else {
            return .failure(
                ValidationErrors(
                    missing.map { c in
                        FieldError(
                            code: "missing_column",
                            UIText(
                                zh: "缺少必需的列“\(c.label.zh)”（\(c.field)）",
                                en: "The required column “\(c.label.en)” (\(c.field)) is missing"),
                            line: 1)
                    }))
        }
        return .success(index)
    }
}
