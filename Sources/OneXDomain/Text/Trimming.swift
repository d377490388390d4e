/// `trimmingCharacters(in: .whitespaces)` without Foundation's NSString bridge: a result file
/// has millions of cells and almost none of them carry spaces, so the common case returns the
/// string as it is. Whitespace here is what `CharacterSet.whitespaces` means: tab and the
/// Unicode space separators (including the ideographic space U+3000).
extension StringProtocol {
    public var trimmingSpaces: String {
        let scalars = unicodeScalars
        guard let first = scalars.first, let last = scalars.last else { return "" }
        if !Self.isSpace(first) && !Self.isSpace(last) { return String(self) }
        guard let start = scalars.firstIndex(where: { !Self.isSpace($0) }),
            let end = scalars.lastIndex(where: { !Self.isSpace($0) })
        else { return "" }
        var trimmed = String.UnicodeScalarView()
        trimmed.append(contentsOf: scalars[start...end])
        return String(trimmed)
    }

    private static func isSpace(_ s: Unicode.Scalar) -> Bool {
        s == " " || s == "\t" || (s.value > 127 && s.properties.generalCategory == .spaceSeparator)
    }
}
