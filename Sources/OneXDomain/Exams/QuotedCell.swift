/// A cell quoted back in an import's error message. A file whose columns are shifted puts ID
/// numbers under other headers, so any cell with a run of 14 or more digits — the shape of an
/// ID number, never of a code, a date or a count — is shown with its middle hidden.
public enum QuotedCell {
    public static func text(_ cell: String) -> String {
        var run = 0, longest = 0
        for s in cell.unicodeScalars {
            run = ("0"..."9").contains(s) ? run + 1 : 0
            longest = max(longest, run)
        }
        guard longest >= 14 else { return String(cell.prefix(40)) }
        let chars = Array(cell)
        guard chars.count > 4 else { return String(repeating: "*", count: chars.count) }
        return String(chars.prefix(2)) + String(repeating: "*", count: min(chars.count - 4, 20)) + String(chars.suffix(2))
    }
}
