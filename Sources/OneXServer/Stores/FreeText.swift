import OneXDomain

/// Free text of a form or a JSON body, read one way: trimmed, nil when empty, refused (422,
/// `too_long`) above `limit` characters or with control characters other than line breaks
/// and tabs.
enum FreeText {
    static func read(_ value: String?, field: String, label: UIText, limit: Int) throws -> String? {
        let t = (value ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if t.isEmpty { return nil }
        guard t.count <= limit,
            !t.unicodeScalars.contains(where: { $0.isControl && !"\n\r\t".unicodeScalars.contains($0) })
        else {
            throw AppError.invalid([
                FieldError(
                    code: "too_long",
                    UIText(
                        zh: "\(label.zh)不能超过\(limit)个字符",
                        en: "\(label.en) may have at most \(limit) characters"),
                    field: field)
            ])
        }
        return t
    }
}
