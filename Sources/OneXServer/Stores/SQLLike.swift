/// A search text as a `LIKE … ESCAPE '\'` pattern.
enum SQLLike {
    /// Rows containing the text literally: `%`, `_` and `\` stand for themselves.
    static func contains(_ text: String) -> String {
        "%"
            + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "%", with: "\\%")
            .replacingOccurrences(of: "_", with: "\\_") + "%"
    }
}
