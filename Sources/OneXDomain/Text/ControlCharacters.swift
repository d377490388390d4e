extension StringProtocol {
    /// The text without control characters (Unicode category Cc: C0, DEL and C1, NUL among
    /// them). Names and labels that people send are stored this way, so what is stored, shown,
    /// hashed in the audit log and written into a header is the same text everywhere.
    public var withoutControlCharacters: String {
        if !unicodeScalars.contains(where: \.isControl) { return String(self) }
        var out = String.UnicodeScalarView()
        out.append(contentsOf: unicodeScalars.filter { !$0.isControl })
        return String(out)
    }
}

extension Unicode.Scalar {
    public var isControl: Bool { properties.generalCategory == .control }
}

/// The name an uploaded file is kept under: no control characters, no folders, at most 200
/// characters, never empty.
public enum FileName {
    public static func normalised(_ raw: String?) -> String {
        let name = (raw ?? "").withoutControlCharacters
            .split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? ""
        let trimmed = name.trimmingSpaces
        return trimmed.isEmpty ? "attachment" : String(trimmed.prefix(200))
    }
}
