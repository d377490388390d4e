/// One thing wrong with input, in Chinese, pointing at a field and/or a spreadsheet line.
/// The same shape feeds a form's inline errors, an import report and problem+json `errors[]`.
public struct FieldError: Error, Equatable, Sendable, Codable {
    public var code: String
    public var message: String
    public var field: String?
    public var line: Int?

    public init(code: String, message: String, field: String? = nil, line: Int? = nil) {
        self.code = code
        self.message = message
        self.field = field
        self.line = line
    }

    public static func required(_ field: String, label: String) -> FieldError {
        FieldError(code: "required", message: "\(label)不能为空", field: field)
    }

    public static func invalid(_ field: String, label: String, value: String, expected: String) -> FieldError {
        FieldError(code: "invalid", message: "\(label)“\(value)”无效，应为\(expected)", field: field)
    }
}

/// Several input errors at once: forms and imports report everything, not the first problem.
public struct ValidationErrors: Error, Sendable {
    public var errors: [FieldError]
    public init(_ errors: [FieldError]) { self.errors = errors }
}
