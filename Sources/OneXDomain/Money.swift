/// Amounts of money are integer fen (分) everywhere; these helpers convert for people.
public enum Fen {
    /// `50300` → `"503.00"`.
    public static func yuanText(_ fen: Int) -> String {
        let sign = fen < 0 ? "-" : ""
        let a = abs(fen)
        let cents = a % 100
        return "\(sign)\(a / 100).\(cents < 10 ? "0" : "")\(cents)"
    }

    /// `770000000` → `"¥7,700,000.00"`: money as people read it on pages and documents.
    public static func displayText(_ fen: Int) -> String {
        (fen < 0 ? "-" : "") + "¥" + groupedText(abs(fen))
    }

    /// `770000000` → `"7,700,000.00"`: for a column whose header already says （元）.
    public static func groupedText(_ fen: Int) -> String {
        let plain = yuanText(abs(fen))
        let dot = plain.firstIndex(of: ".") ?? plain.endIndex
        var whole = String(plain[..<dot])
        var grouped = ""
        while whole.count > 3 {
            grouped = "," + whole.suffix(3) + grouped
            whole.removeLast(3)
        }
        return (fen < 0 ? "-" : "") + whole + grouped + plain[dot...]
    }

    /// `"503"`, `"503.5"`, `"503.00"`, `"1,503.00"` yuan → fen; nil for anything else,
    /// including more than two decimals (no silent rounding of money) and more than
    /// `Limits.fen`.
    public static func parseYuan(_ text: String) -> Int? {
        let t = text.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: ",", with: "")
            .replacingOccurrences(of: "元", with: "")
        guard !t.isEmpty, !t.hasPrefix("-") else { return nil }
        let parts = t.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count <= 2, let whole = Int(parts[0]) else { return nil }
        var cents = 0
        if parts.count == 2 {
            let frac = parts[1]
            guard frac.count >= 1, frac.count <= 2, let f = Int(frac) else { return nil }
            cents = frac.count == 1 ? f * 10 : f
        }
        guard whole <= Limits.fen.upperBound / 100 else { return nil }
        return whole * 100 + cents
    }
}
