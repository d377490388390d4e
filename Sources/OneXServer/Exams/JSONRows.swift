/// A batch of rows written as one JSON array of arrays, bound as a single parameter and
/// unpacked by the database (`jsonb_each` in SQLite, whose rows stay parsed, unlike
/// `json_each`'s; `json_array_elements` in PostgreSQL).
/// Binding ten values per row and parsing a 500-row `VALUES` statement cost more than the
/// import's reading, checking and hashing together.
struct JSONRows {
    private var out: [UInt8] = [UInt8(ascii: "[")]
    private var rows = 0
    private var fields = 0

    init(reserving bytes: Int) {
        out.reserveCapacity(bytes)
    }

    mutating func startRow() {
        if rows > 0 { out.append(UInt8(ascii: ",")) }
        out.append(UInt8(ascii: "["))
        rows += 1
        fields = 0
    }

    mutating func endRow() {
        out.append(UInt8(ascii: "]"))
    }

    mutating func add(_ value: Int) {
        separate()
        out.append(contentsOf: String(value).utf8)
    }

    mutating func add(_ value: Bool) {
        add(value ? 1 : 0)
    }

    mutating func add(_ value: String) {
        separate()
        out.append(UInt8(ascii: "\""))
        if value.utf8.allSatisfy({ $0 >= 0x20 && $0 != UInt8(ascii: "\"") && $0 != UInt8(ascii: "\\") }) {
            out.append(contentsOf: value.utf8)
            out.append(UInt8(ascii: "\""))
            return
        }
        for b in value.utf8 {
            switch b {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"):
                out.append(UInt8(ascii: "\\"))
                out.append(b)
            case 0..<0x20:
                out.append(contentsOf: "\\u00".utf8)
                out.append(Self.hexDigits[Int(b >> 4)])
                out.append(Self.hexDigits[Int(b & 0x0f)])
            default:
                out.append(b)
            }
        }
        out.append(UInt8(ascii: "\""))
    }

    /// The finished array.
    var text: String {
        String(decoding: out, as: UTF8.self) + "]"
    }

    private mutating func separate() {
        if fields > 0 { out.append(UInt8(ascii: ",")) }
        fields += 1
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)
}
