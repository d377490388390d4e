import Foundation
import ZIPFoundation

#if canImport(FoundationXML)
import FoundationXML
#endif

/// Why an Excel file could not be read.
public struct XLSXError: Error, Equatable, Sendable {
    public var message: String
}

/// The first worksheet of an Office Open XML workbook (.xlsx), as rows of cell text.
///
/// No Swift XLSX library is available here, and a full one is not needed: imports read one
/// sheet of values, exports write one sheet of text and numbers. ZIPFoundation unpacks the
/// archive; Foundation's XMLParser reads the sheet and the shared strings.
public enum XLSX {
    /// Whether bytes look like a ZIP archive (every .xlsx is one).
    public static func looksLikeXLSX(_ data: Data) -> Bool {
        data.count > 4 && data.prefix(4) == Data([0x50, 0x4B, 0x03, 0x04])
    }

    /// How much a file may unpack to, and how large its sheet may be. A workbook is untrusted
    /// input: every limit is checked while the file is unpacked and parsed, before memory is
    /// spent on what lies beyond it. The defaults are Excel's own sheet limits (1,048,576 rows,
    /// 16,384 columns, 32,767 characters a cell) and a budget for the archive.
    public struct Limits: Sendable {
        public var maxEntries = 1_000
        public var maxUnpackedBytes = 256 * 1024 * 1024
        public var maxRows = 1_048_576
        public var maxColumns = 16_384
        public var maxCellLength = 32_767
        /// Cells including the empty ones a gap adds, so a sparse sheet cannot fill memory.
        public var maxCells = 10_000_000

        public init() {}
        public static let standard = Limits()
    }

    public static func read(_ data: Data, limits: Limits = .standard) throws(XLSXError) -> [[String]] {
        let archive: Archive
        do {
            archive = try Archive(data: data, accessMode: .read)
        } catch {
            throw XLSXError(message: "无法打开 Excel 文件：文件已损坏或不是 .xlsx 格式")
        }
        var entries = 0
        for _ in archive {
            entries += 1
            if entries > limits.maxEntries {
                throw XLSXError(message: "Excel 文件包含的部件超过 \(limits.maxEntries) 个，不像是普通的工作簿，请另存为 .xlsx 后再导入")
            }
        }
        var unpacked = 0
        func entryData(_ path: String) throws(XLSXError) -> Data? {
            guard let entry = archive[path] else { return nil }
            var out = Data()
            let tooLarge = XLSXError(message: "Excel 文件解压后超过 \(limits.maxUnpackedBytes / 1024 / 1024) MB，请拆分为几个较小的文件再导入")
            do {
                // Counted while unpacking: the sizes the archive declares may lie.
                _ = try archive.extract(entry, skipCRC32: true) { chunk in
                    unpacked += chunk.count
                    guard unpacked <= limits.maxUnpackedBytes else { throw tooLarge }
                    out.append(chunk)
                }
            } catch let e as XLSXError {
                throw e
            } catch {
                throw XLSXError(message: "无法解压 Excel 文件中的 \(path)")
            }
            return out
        }
        let sharedStrings: [String]
        if let xml = try entryData("xl/sharedStrings.xml") {
            sharedStrings = try SharedStringsParser.parse(xml, limits: limits)
        } else {
            sharedStrings = []
        }
        guard let sheet = try entryData(try firstSheetPath(entryData)) else {
            throw XLSXError(message: "Excel 文件中没有工作表")
        }
        return try SheetParser.parse(sheet, sharedStrings: sharedStrings, limits: limits)
    }

    /// The first sheet in workbook order, through the workbook's relationships.
    static func firstSheetPath(_ entryData: (String) throws(XLSXError) -> Data?) throws(XLSXError) -> String {
        guard let workbook = try entryData("xl/workbook.xml"),
            let rels = try entryData("xl/_rels/workbook.xml.rels")
        else { return "xl/worksheets/sheet1.xml" }
        let sheetRel = AttributeScanner.first(element: "sheet", attribute: "r:id", in: workbook)
        guard let id = sheetRel,
            let target = AttributeScanner.target(ofRelationship: id, in: rels)
        else { return "xl/worksheets/sheet1.xml" }
        if target.hasPrefix("/") { return String(target.dropFirst()) }
        return "xl/" + target
    }

    /// Writes one sheet: the first row bold as a header, numbers as numbers, the rest as text.
    public static func write(_ rows: [[String]], sheetName: String = "Sheet1") -> Data {
        var sheet = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>
            """
        for (r, row) in rows.enumerated() {
            sheet += "<row r=\"\(r + 1)\">"
            for (c, value) in row.enumerated() {
                let ref = columnName(c) + String(r + 1)
                let style = r == 0 ? " s=\"1\"" : ""
                if r > 0, isPlainNumber(value) {
                    sheet += "<c r=\"\(ref)\"\(style)><v>\(value)</v></c>"
                } else {
                    sheet += "<c r=\"\(ref)\" t=\"inlineStr\"\(style)><is><t xml:space=\"preserve\">\(xmlEscape(value))</t></is></c>"
                }
            }
            sheet += "</row>"
        }
        sheet += "</sheetData></worksheet>"

        let files: [(String, String)] = [
            ("[Content_Types].xml", """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
                <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
                <Default Extension="xml" ContentType="application/xml"/>\
                <Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>\
                <Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>\
                <Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>\
                </Types>
                """),
            ("_rels/.rels", """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
                <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>\
                </Relationships>
                """),
            ("xl/workbook.xml", """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" \
                xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">\
                <sheets><sheet name="\(xmlEscape(String(sheetName.prefix(31))))" sheetId="1" r:id="rId1"/></sheets></workbook>
                """),
            ("xl/_rels/workbook.xml.rels", """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
                <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>\
                <Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>\
                </Relationships>
                """),
            ("xl/styles.xml", """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">\
                <fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts>\
                <fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>\
                <borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>\
                <cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>\
                <cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>\
                <xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs>\
                </styleSheet>
                """),
            ("xl/worksheets/sheet1.xml", sheet),
        ]
        // Creating an in-memory archive and adding entries cannot fail short of memory exhaustion.
        let archive = try! Archive(data: Data(), accessMode: .create)
        for (path, text) in files {
            let bytes = Data(text.utf8)
            try! archive.addEntry(with: path, type: .file, uncompressedSize: Int64(bytes.count),
                                  compressionMethod: .deflate) { position, size in
                bytes.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        return archive.data!
    }

    /// `0` → `A`, `25` → `Z`, `26` → `AA`.
    public static func columnName(_ index: Int) -> String {
        var n = index + 1
        var name = ""
        while n > 0 {
            let r = (n - 1) % 26
            name = String(UnicodeScalar(UInt8(65 + r))) + name
            n = (n - 1) / 26
        }
        return name
    }

    /// `A` → 0, `AA` → 26; the letters of a reference like `AB12`. Nil without letters, and
    /// for more than three letters (Excel's last column is `XFD`), which could only overflow.
    static func columnIndex(ofReference ref: String) -> Int? {
        var n = 0
        var letters = 0
        for ch in ref.unicodeScalars {
            guard ch.value >= 65 && ch.value <= 90 else { break }
            letters += 1
            if letters > 3 { return nil }
            n = n * 26 + Int(ch.value - 64)
        }
        return letters > 0 ? n - 1 : nil
    }

    // Codes with leading zeros (区划代码 "0371") and long digit strings must stay text.
    static func isPlainNumber(_ s: String) -> Bool {
        guard !s.isEmpty, s.count <= 15 else { return false }
        let digits = s.hasPrefix("-") ? String(s.dropFirst()) : s
        guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ".") }),
            Double(digits) != nil
        else { return false }
        return !(digits.hasPrefix("0") && digits.count > 1 && !digits.hasPrefix("0."))
    }

    static func cellTooLong(_ limits: Limits) -> XLSXError {
        XLSXError(message: "Excel 工作表中有单元格超过 \(limits.maxCellLength) 个字符（Excel 的上限），文件可能已损坏")
    }

    static func xmlEscape(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.count)
        for ch in s.unicodeScalars {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "\u{9}", "\u{A}", "\u{D}": out.unicodeScalars.append(ch)
            // XML 1.0 cannot carry other control characters at all.
            case _ where ch.value < 0x20: continue
            default: out.unicodeScalars.append(ch)
            }
        }
        return out
    }
}

/// Reads `<si>` entries of sharedStrings.xml, joining rich-text runs.
final class SharedStringsParser: NSObject, XMLParserDelegate {
    private var strings: [String] = []
    private var current = ""
    private var inText = false
    private var inPhonetic = false
    private let limits: XLSX.Limits
    private var failure: XLSXError?

    private init(limits: XLSX.Limits) { self.limits = limits }

    static func parse(_ data: Data, limits: XLSX.Limits) throws(XLSXError) -> [String] {
        let delegate = SharedStringsParser(limits: limits)
        let parser = XMLParser(data: data)
        parser.delegate = delegate
        _ = parser.parse()
        if let failure = delegate.failure { throw failure }
        return delegate.strings
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?,
                qualifiedName: String?, attributes: [String: String] = [:]) {
        switch name {
        case "si": current = ""
        case "t": inText = !inPhonetic
        case "rPh": inPhonetic = true
        default: break
        }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        switch name {
        case "si":
            guard strings.count < limits.maxCells else {
                failure = XLSXError(message: "Excel 文件的共享字符串超过 \(limits.maxCells) 个，请拆分后再导入")
                parser.abortParsing()
                return
            }
            strings.append(current)
        case "t": inText = false
        case "rPh": inPhonetic = false
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        guard inText, failure == nil else { return }
        current += string
        if current.utf16.count > limits.maxCellLength {
            failure = XLSX.cellTooLong(limits)
            parser.abortParsing()
        }
    }
}

/// Reads the cells of one worksheet into rows, placing each cell by its reference so gaps stay.
final class SheetParser: NSObject, XMLParserDelegate {
    private let sharedStrings: [String]
    private var rows: [[String]] = []
    private var row: [String] = []
    private var rowIndex = 0
    private var cellType = ""
    private var cellColumn = 0
    private var value = ""
    private var inValue = false
    private var failure: XLSXError?
    private let limits: XLSX.Limits
    private var cells = 0

    init(sharedStrings: [String], limits: XLSX.Limits) {
        self.sharedStrings = sharedStrings
        self.limits = limits
    }

    static func parse(_ data: Data, sharedStrings: [String], limits: XLSX.Limits) throws(XLSXError) -> [[String]] {
        let delegate = SheetParser(sharedStrings: sharedStrings, limits: limits)
        let parser = XMLParser(data: data)
        parser.delegate = delegate
        if !parser.parse() {
            throw delegate.failure ?? XLSXError(message: "Excel 工作表内容无法解析")
        }
        if let failure = delegate.failure { throw failure }
        return delegate.rows
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?,
                qualifiedName: String?, attributes: [String: String] = [:]) {
        guard failure == nil else { return }
        switch name {
        case "row":
            row = []
            if let r = attributes["r"] {
                guard let n = Int(r), (1...limits.maxRows).contains(n) else {
                    return fail(parser, "Excel 工作表的行号“\(r.prefix(20))”无效：行号应在 1 到 \(limits.maxRows) 之间")
                }
                rowIndex = n
            } else {
                rowIndex += 1
                guard rowIndex <= limits.maxRows else { return fail(parser, "Excel 工作表超过 \(limits.maxRows) 行，请拆分后再导入") }
            }
            // Empty rows are left out of the file: keep line numbers true to what Excel shows.
            while rows.count < rowIndex - 1 { rows.append([]) }
        case "c":
            cellType = attributes["t"] ?? "n"
            if let r = attributes["r"] {
                guard let column = XLSX.columnIndex(ofReference: r), column < limits.maxColumns else {
                    return fail(parser, "Excel 工作表的单元格位置“\(r.prefix(20))”无效：最多 \(limits.maxColumns) 列（到 XFD 列）")
                }
                cellColumn = column
            } else {
                cellColumn = row.count
                guard cellColumn < limits.maxColumns else { return fail(parser, "Excel 工作表超过 \(limits.maxColumns) 列") }
            }
            // The gap before the cell is filled with empty cells, so it counts too.
            cells += max(1, cellColumn + 1 - row.count)
            guard cells <= limits.maxCells else {
                return fail(parser, "Excel 工作表超过 \(limits.maxCells) 个单元格，请拆分后再导入")
            }
            value = ""
        case "v", "t":
            inValue = true
        default: break
        }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        guard failure == nil else { return }
        switch name {
        case "v", "t":
            inValue = false
        case "c":
            var text = value
            switch cellType {
            case "s":
                if let i = Int(value), i >= 0, i < sharedStrings.count {
                    text = sharedStrings[i]
                } else {
                    failure = XLSXError(message: "Excel 文件的共享字符串表损坏")
                    parser.abortParsing()
                }
            case "b": text = value == "1" ? "TRUE" : "FALSE"
            case "n": text = SheetParser.tidyNumber(value)
            default: break
            }
            while row.count < cellColumn { row.append("") }
            if row.count == cellColumn { row.append(text) } else { row[cellColumn] = text }
        case "row":
            rows.append(row)
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        guard inValue, failure == nil else { return }
        value += string
        if value.utf16.count > limits.maxCellLength {
            failure = XLSX.cellTooLong(limits)
            parser.abortParsing()
        }
    }

    private func fail(_ parser: XMLParser, _ message: String) {
        failure = XLSXError(message: message)
        parser.abortParsing()
    }

    /// Excel stores `12` as `12` but sometimes as `12.0` or `1.2E1`; integers are shown as integers.
    static func tidyNumber(_ raw: String) -> String {
        guard raw.contains(".") || raw.contains("E") || raw.contains("e"), let d = Double(raw) else { return raw }
        if d == d.rounded(), abs(d) < 1e15 { return String(Int64(d)) }
        return String(d)
    }
}

/// Finds attribute values in small XML parts (workbook, relationships) without a full parser.
enum AttributeScanner {
    static func first(element: String, attribute: String, in data: Data) -> String? {
        final class Finder: NSObject, XMLParserDelegate {
            let element: String
            let attribute: String
            var found: String?
            init(element: String, attribute: String) {
                self.element = element
                self.attribute = attribute
            }
            func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?,
                        qualifiedName: String?, attributes: [String: String] = [:]) {
                if found == nil, name == element || qualifiedName == element {
                    found = attributes[attribute]
                        ?? attributes.first { $0.key.hasSuffix(":" + attribute.split(separator: ":").last!) }?.value
                }
            }
        }
        let finder = Finder(element: element, attribute: attribute)
        let parser = XMLParser(data: data)
        parser.delegate = finder
        _ = parser.parse()
        return finder.found
    }

    static func target(ofRelationship id: String, in data: Data) -> String? {
        final class Finder: NSObject, XMLParserDelegate {
            let id: String
            var target: String?
            init(id: String) { self.id = id }
            func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?,
                        qualifiedName: String?, attributes: [String: String] = [:]) {
                if name == "Relationship", attributes["Id"] == id { target = attributes["Target"] }
            }
        }
        let finder = Finder(id: id)
        let parser = XMLParser(data: data)
        parser.delegate = finder
        _ = parser.parse()
        return finder.target
    }
}
