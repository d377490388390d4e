import Foundation

/// Streams the rows of a UTF-8 CSV (or tab-separated) file a chunk at a time, so a file of a
/// million rows is read in constant memory. Same dialect as `CSV.parse`: RFC 4180 quoting, an
/// optional byte-order mark, and a tab separator when the first line has tabs but no commas.
public struct CSVRowReader: Sequence, IteratorProtocol {
    private let nextChunk: () -> [UInt8]?
    private var buffer: [UInt8] = []
    private var position = 0
    private var atEnd = false
    private var separator: UInt8 = UInt8(ascii: ",")
    private var started = false

    public init(chunks: @escaping () -> [UInt8]?) {
        nextChunk = chunks
    }

    public init(data: Data) {
        var sent = false
        self.init { () -> [UInt8]? in
            defer { sent = true }
            return sent ? nil : [UInt8](data)
        }
    }

    /// Reads the file 1 MiB at a time; nil when it cannot be opened.
    public init?(path: String) {
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        self.init {
            let data = handle.readData(ofLength: 1 << 20)
            return data.isEmpty ? nil : [UInt8](data)
        }
    }

    private mutating func fill() -> Bool {
        if atEnd { return false }
        guard let chunk = nextChunk() else {
            atEnd = true
            return false
        }
        buffer.removeSubrange(0..<position)
        position = 0
        buffer.append(contentsOf: chunk)
        return true
    }

    private mutating func peek() -> UInt8? {
        while position >= buffer.count { if !fill() { return nil } }
        return buffer[position]
    }

    private mutating func start() {
        started = true
        while buffer.count - position < 3 && fill() {}
        if buffer.count - position >= 3, buffer[position] == 0xEF, buffer[position + 1] == 0xBB, buffer[position + 2] == 0xBF {
            position += 3
        }
        // Look at the first line to choose the separator; fetch more until a line end is seen.
        while true {
            let line = buffer[position...].prefix { $0 != 10 && $0 != 13 }
            if line.count < buffer.count - position || atEnd {
                if line.contains(9) && !line.contains(UInt8(ascii: ",")) { separator = 9 }
                return
            }
            if !fill() { continue }
        }
    }

    public mutating func next() -> [String]? {
        if !started { start() }
        guard peek() != nil else { return nil }
        var row: [String] = []
        var field: [UInt8] = []
        var inQuotes = false
        while let c = peek() {
            position += 1
            if inQuotes {
                if c == UInt8(ascii: "\"") {
                    if peek() == UInt8(ascii: "\"") {
                        field.append(c)
                        position += 1
                    } else {
                        inQuotes = false
                    }
                } else {
                    field.append(c)
                }
                continue
            }
            switch c {
            case UInt8(ascii: "\"") where field.isEmpty:
                inQuotes = true
            case separator:
                row.append(String(decoding: field, as: UTF8.self))
                field.removeAll(keepingCapacity: true)
            case 13, 10:
                if c == 13, peek() == 10 { position += 1 }
                row.append(String(decoding: field, as: UTF8.self))
                return row
            default:
                field.append(c)
            }
        }
        row.append(String(decoding: field, as: UTF8.self))
        return row
    }
}
