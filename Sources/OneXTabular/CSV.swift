import Foundation

/// RFC 4180 CSV: quoted fields may hold commas, quotes (doubled) and line breaks.
public enum CSV {
    /// Parses text into rows of cells. A tab-separated file (Excel's "text" export) is accepted
    /// when its first line has tabs and no commas.
    public static func parse(_ text: String) -> [[String]] {
        let firstLine = text.prefix { $0 != "\n" && $0 != "\r\n" }
        let separator: Character = firstLine.contains("\t") && !firstLine.contains(",") ? "\t" : ","
        var rows: [[String]] = []
        var row: [String] = []
        var field = ""
        var inQuotes = false
        var iterator = text.makeIterator()
        var pending: Character? = nil
        func next() -> Character? {
            if let p = pending { pending = nil; return p }
            return iterator.next()
        }
        while let c = next() {
            if inQuotes {
                if c == "\"" {
                    if let n = next() {
                        if n == "\"" { field.append("\"") } else { inQuotes = false; pending = n }
                    } else {
                        inQuotes = false
                    }
                } else {
                    field.append(c)
                }
                continue
            }
            switch c {
            case "\"" where field.isEmpty:
                inQuotes = true
            case separator:
                row.append(field)
                field = ""
            case "\n", "\r\n", "\r":
                row.append(field)
                rows.append(row)
                row = []
                field = ""
            default:
                field.append(c)
            }
        }
        if !field.isEmpty || !row.isEmpty {
            row.append(field)
            rows.append(row)
        }
        return rows
    }

    /// Writes rows as UTF-8 with a byte-order mark, which Excel needs to show Chinese correctly.
    public static func write(_ rows: [[String]]) -> Data {
        var out = "\u{FEFF}"
        for row in rows {
            out += row.map(escape).joined(separator: ",")
            out += "\r\n"
        }
        return Data(out.utf8)
    }

    static func escape(_ value: String) -> String {
        // A leading =, +, @ (or - before a non-number) would run as a formula in Excel, and so
        // would one after a leading tab or carriage return, which spreadsheets strip.
        var v = value
        if let first = v.unicodeScalars.first,
            "=+@\t\r".unicodeScalars.contains(first) || (first == "-" && Double(v) == nil)
        {
            v = "'" + v
        }
        if v.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) {
            return "\"" + v.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        return v
    }
}
