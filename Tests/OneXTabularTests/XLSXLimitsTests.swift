import Foundation
@testable import OneXTabular
import Testing
import ZIPFoundation

/// Issue 11, item 2: a hostile workbook is refused with the limit it broke; it never traps
/// the process or grows memory past the limits.
@Suite("XLSX limits")
struct XLSXLimitsTests {
    static func workbook(sheet: String) throws -> Data {
        let archive = try Archive(data: Data(), accessMode: .create)
        let bytes = Data(sheet.utf8)
        try archive.addEntry(with: "xl/worksheets/sheet1.xml", type: .file, uncompressedSize: Int64(bytes.count),
                             compressionMethod: .deflate) { position, size in
            bytes.subdata(in: Int(position)..<Int(position) + size)
        }
        return archive.data!
    }

    static func sheet(_ rows: String) -> String {
        #"<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>\#(rows)</sheetData></worksheet>"#
    }

    func message(_ data: Data, limits: XLSX.Limits = .standard) -> String? {
        do {
            _ = try XLSX.read(data, limits: limits)
            return nil
        } catch {
            return error.message
        }
    }

    @Test("Row index Int.min, Int.max or 0 is refused with the row limit")
    func rowIndices() throws {
        for r in ["-9223372036854775808", "9223372036854775807", "0", "abc"] {
            let data = try Self.workbook(sheet: Self.sheet(#"<row r="\#(r)"><c r="A1" t="inlineStr"><is><t>x</t></is></c></row>"#))
            #expect(message(data)?.contains("1 到 1048576") == true, "\(r)")
        }
    }

    @Test("Column letters past XFD are refused, not overflowed")
    func columnLetters() throws {
        for ref in ["ZZZZZZZZZZZZZZZ1", "XFE1"] {
            let data = try Self.workbook(sheet: Self.sheet(#"<row r="1"><c r="\#(ref)" t="inlineStr"><is><t>x</t></is></c></row>"#))
            #expect(message(data)?.contains("16384") == true, "\(ref)")
        }
        let ok = try Self.workbook(sheet: Self.sheet(#"<row r="1"><c r="C1" t="inlineStr"><is><t>x</t></is></c></row>"#))
        #expect(try XLSX.read(ok) == [["", "", "x"]])
    }

    @Test("A zip bomb stops at the unpacked-size limit")
    func zipBomb() throws {
        let filler = String(repeating: "<row/>", count: 400_000)  // 2.4 MB that packs to a few KB
        let data = try Self.workbook(sheet: Self.sheet(filler))
        #expect(data.count < 100_000)
        var limits = XLSX.Limits()
        limits.maxUnpackedBytes = 1024 * 1024
        #expect(message(data, limits: limits)?.contains("超过 1 MB") == true)
    }

    @Test("Sparse cells, long cells and too many cells are refused with their limits")
    func cellLimits() throws {
        var limits = XLSX.Limits()
        limits.maxCells = 1000
        let sparse = try Self.workbook(sheet: Self.sheet(#"<row r="1"><c r="XFD1"><v>1</v></c></row>"#))
        #expect(message(sparse, limits: limits)?.contains("1000 个单元格") == true)
        limits = XLSX.Limits()
        limits.maxCellLength = 10
        let long = try Self.workbook(sheet: Self.sheet(#"<row r="1"><c r="A1" t="inlineStr"><is><t>\#(String(repeating: "长", count: 11))</t></is></c></row>"#))
        #expect(message(long, limits: limits)?.contains("10 个字符") == true)
    }

    @Test("CSV export defuses a formula behind a leading tab or carriage return too")
    func csvLeadingControl() {
        #expect(CSV.escape("\t=1+1") == "'\t=1+1")
        #expect(CSV.escape("\r=1+1").hasPrefix("\"'\r"))
        #expect(CSV.escape("-12") == "-12")
    }
}
