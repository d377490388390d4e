/// The catalog tables of CAT-1..5. One record type each; the same record is created from a
/// JSON body, a form or a spreadsheet row, and listed, exported and shown from the same columns.
public enum CatalogKind: String, CaseIterable, Sendable, Codable {
    case regions, organizations, certificates, schools, alliances, experts
}

/// A column of a catalog table: the field name of the API and the label people see and may use
/// as a spreadsheet header instead.
public struct Column: Sendable {
    public let field: String
    public let label: UIText
    public let required: Bool
    public let aliases: [String]

    public init(_ field: String, _ label: UIText, required: Bool = true, aliases: [String] = []) {
        self.field = field
        self.label = label
        self.required = required
        self.aliases = aliases
    }

    /// Whether a spreadsheet header cell names this column.
    public func matches(header: String) -> Bool {
        let h = header.trimmingCharacters(in: .whitespaces).lowercased()
        if h == field.lowercased() { return true }
        if h == label.zh.lowercased() || h == label.en.lowercased() { return true }
        return aliases.contains { $0.lowercased() == h }
    }
}

/// A reference from one record to another by business code, checked before anything is written.
public struct Reference: Sendable, Equatable {
    public var kind: CatalogKind
    public var code: String
    public var field: String

    public init(_ kind: CatalogKind, _ code: String, field: String) {
        self.kind = kind
        self.code = code
        self.field = field
    }
}

/// Field values as text, keyed by column field: what a form posts and a spreadsheet row holds.
public typealias FieldValues = [String: String]

public protocol CatalogRecord: Codable, Sendable, Equatable {
    static var kind: CatalogKind { get }
    static var columns: [Column] { get }
    /// The business code other records and API paths refer to.
    var code: String { get }
    /// Parses and checks the text of a form or a spreadsheet row; every problem at once.
    init(values: FieldValues) throws(ValidationErrors)
    /// The record as text per column: the inverse of `init(values:)`, used by forms and exports.
    var values: FieldValues { get }
    /// The other records this one names.
    var references: [Reference] { get }
    /// Checks a record that came as JSON with the same rules as `init(values:)`.
    func problems() -> [FieldError]
    /// A column's text for people: enum values in the reader's language, money in yuan.
    func display(_ field: String, lang: Lang) -> String
}

extension CatalogRecord {
    public var references: [Reference] { [] }

    public func problems() -> [FieldError] {
        do {
            _ = try Self(values: values)
            return []
        } catch {
            return error.errors
        }
    }

    public func display(_ field: String, lang: Lang) -> String {
        values[field] ?? ""
    }
}

/// Reads typed values out of `FieldValues`, collecting every error instead of stopping.
public struct FieldReader {
    public let values: FieldValues
    public let columns: [Column]
    public private(set) var errors: [FieldError] = []

    public init(_ values: FieldValues, columns: [Column]) {
        self.values = values
        self.columns = columns
    }

    private func label(_ field: String) -> UIText {
        columns.first { $0.field == field }?.label ?? UIText(zh: field, en: field)
    }

    private func raw(_ field: String) -> String {
        (values[field] ?? "").withoutControlCharacters.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    public mutating func text(_ field: String, maxLength: Int = 200) -> String {
        let v = raw(field)
        if v.isEmpty {
            errors.append(.required(field, label(field)))
        } else if v.count > maxLength {
            let l = label(field)
            errors.append(
                FieldError(
                    code: "too_long",
                    UIText(zh: "\(l.zh)不能超过\(maxLength)个字符", en: "\(l.en) may have at most \(maxLength) characters"),
                    field: field))
        }
        return v
    }

    public mutating func optionalText(_ field: String) -> String? {
        let v = raw(field)
        return v.isEmpty ? nil : v
    }

    /// A business code: letters, digits, `-` and `_`, so it can stand in a URL path.
    public mutating func code(_ field: String) -> String {
        let v = text(field, maxLength: 40)
        if !v.isEmpty, !v.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") })
        {
            errors.append(
                .invalid(field, label(field), value: v, expected: UIText(zh: "字母、数字、“-”或“_”", en: "letters, digits, “-” or “_”")))
        }
        return v
    }

    public mutating func integer(_ field: String, in range: ClosedRange<Int>, required: Bool = true) -> Int? {
        let v = raw(field)
        if v.isEmpty {
            if required { errors.append(.required(field, label(field))) }
            return nil
        }
        guard let n = Int(v), range.contains(n) else {
            errors.append(.invalid(field, label(field), value: v, expected: Limits.wholeNumber(range)))
            return nil
        }
        return n
    }

    /// An amount people type in yuan (`503`, `503.5`, `1,503.00`), returned in fen.
    public mutating func yuan(_ field: String, in range: ClosedRange<Int>, required: Bool = true) -> Int? {
        let v = raw(field)
        if v.isEmpty {
            if required { errors.append(.required(field, label(field))) }
            return nil
        }
        guard let fen = Fen.parseYuan(v), range.contains(fen) else {
            let (low, high) = (Fen.yuanText(range.lowerBound), Fen.yuanText(range.upperBound))
            errors.append(
                .invalid(
                    field, label(field), value: v,
                    expected: UIText(
                        zh: "\(low) 到 \(high) 元之间、最多两位小数的金额",
                        en: "an amount from \(low) to \(high) yuan with at most two decimals")))
            return nil
        }
        return fen
    }

    public mutating func bool(_ field: String) -> Bool {
        let v = raw(field).lowercased()
        switch v {
        case "true", "1", "yes", "y", "是", "已注册", "on": return true
        case "false", "0", "no", "n", "否", "未注册", "": return false
        default:
            errors.append(.invalid(field, label(field), value: v, expected: UIText(zh: "是或否", en: "yes or no")))
            return false
        }
    }

    public mutating func date(_ field: String) -> LocalDate? {
        let v = raw(field)
        if v.isEmpty { return nil }
        guard let d = LocalDate(v) else {
            errors.append(
                .invalid(field, label(field), value: v, expected: UIText(zh: "YYYY-MM-DD 格式的日期", en: "a date as YYYY-MM-DD")))
            return nil
        }
        return d
    }

    public mutating func choice<T>(_ field: String, _ parse: (String) -> T?, expected: UIText) -> T? {
        let v = raw(field)
        if v.isEmpty {
            errors.append(.required(field, label(field)))
            return nil
        }
        guard let t = parse(v) else {
            errors.append(.invalid(field, label(field), value: v, expected: expected))
            return nil
        }
        return t
    }

    /// A `;`-separated list (also `；`, `、` and `,`, which Chinese spreadsheets use).
    public mutating func list(_ field: String) -> [String] {
        raw(field).split(whereSeparator: { ";；、,，".contains($0) })
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    public mutating func add(_ error: FieldError) { errors.append(error) }

    public func finish() throws(ValidationErrors) {
        if !errors.isEmpty { throw ValidationErrors(errors) }
    }
}
