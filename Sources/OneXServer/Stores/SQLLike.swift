import SQLKit

/// A search text as a `LIKE … ESCAPE '\'` pattern.
enum SQLLike {
    /// Rows containing the text literally: `%`, `_` and `\` stand for themselves.
    static func contains(_ text: String) -> String {
        "%"
            + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "%", with: "\\%")
            .replacingOccurrences(of: "_", with: "\\_") + "%"
    }

    /// ` AND (a LIKE … OR b LIKE …)`: the text found literally in any of `columns` (names
    /// written in the code, never from input).
    static func inAny(_ text: String, of columns: [String]) -> SQLQueryString {
        let like = contains(text)
        var condition: SQLQueryString = " AND ("
        for (i, column) in columns.enumerated() {
            condition +=
                "\(unsafeRaw: i == 0 ? "" : " OR ")\(unsafeRaw: column) LIKE \(bind: like) ESCAPE '\\'"
        }
        return condition + ")"
    }
}
