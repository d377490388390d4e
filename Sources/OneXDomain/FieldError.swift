/// One thing wrong with input, in Chinese and, where it has one, in English, pointing at a
/// field and/or a spreadsheet line. The same shape feeds a form's inline errors, an import
/// report and problem+json `errors[]` (where `english` is an extra member beside `message`).
public struct FieldError: Error, Equatable, Sendable, Codable {
    public var code: String
    public var message: String
    public var field: String?
    public var line: Int?
    public var english: String?

    public init(code: String, message: String, field: String? = nil, line: Int? = nil, english: String? = nil)
    {
        self.code = code
        self.message = message
        self.field = field
        self.line = line
        self.english = english
    }

    public init(code: String, _ text: UIText, field: String? = nil, line: Int? = nil) {
        self.init(code: code, message: text.zh, field: field, line: line, english: text.en)
    }

    /// The message in the reader's language; nil when it has no English yet.
    public func text(_ lang: Lang) -> String? {
        lang == .zh ? message : english
    }

    /// The message in both languages (English falls back to the Chinese).
    public var uiText: UIText { UIText(zh: message, en: english ?? message) }

    /// The same problem found on a spreadsheet line: "第3行：…" / "Line 3: …".
    public func onLine(_ line: Int) -> FieldError {
        FieldError(
            code: code, message: "第\(line)行：\(message)", field: field, line: line,
            english: english.map { "Line \(line): \($0)" })
    }

    public static func required(_ field: String, label: String) -> FieldError {
        FieldError(code: "required", message: "\(label)不能为空", field: field)
    }

    public static func invalid(_ field: String, label: String, value: String, expected: String) -> FieldError
    {
        FieldError(code: "invalid", message: "\(label)“\(value)”无效，应为\(expected)", field: field)
    }

    public static func required(_ field: String, _ label: UIText) -> FieldError {
        FieldError(
            code: "required", UIText(zh: "\(label.zh)不能为空", en: "\(label.en) is required"), field: field)
    }

    public static func invalid(_ field: String, _ label: UIText, value: String, expected: UIText)
        -> FieldError
    {
        FieldError(
            code: "invalid",
            UIText(
                zh: "\(label.zh)“\(value)”无效，应为\(expected.zh)",
                en: "\(label.en) “\(value)” is not valid: expected \(expected.en)"),
            field: field)
    }
}

/// Several input errors at once: forms and imports report everything, not the first problem.
public struct ValidationErrors: Error, Sendable {
    public var errors: [FieldError]
    public init(_ errors: [FieldError]) { self.errors = errors }
}
