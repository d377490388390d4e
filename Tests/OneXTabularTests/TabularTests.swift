import Foundation
import OneXTabular
import Testing

@Suite("CSV, encodings and XLSX")
struct TabularTests {
    @Test("CSV: quotes, doubled quotes, commas and line breaks inside fields")
    func csvQuoting() {
        let rows = CSV.parse("a,b,c\r\n\"x, y\",\"say \"\"hi\"\"\",\"two\nlines\"\n1,,3")
        #expect(rows == [["a", "b", "c"], ["x, y", "say \"hi\"", "two\nlines"], ["1", "", "3"]])
    }

    @Test("CSV: what we write reads back, with a BOM for Excel")
    func csvRoundTrip() throws {
        let rows = [["代码", "名称"], ["0371", "郑州, 河南"], ["=cmd", "-x"]]
        let data = CSV.write(rows)
        #expect(data.starts(with: [0xEF, 0xBB, 0xBF]))
        let back = CSV.parse(try TextDecoding.decode(data))
        #expect(back[0] == rows[0] && back[1] == rows[1])
        // Formula-looking cells are defused so Excel does not execute them.
        #expect(back[2] == ["'=cmd", "'-x"])
    }

    @Test("Encodings: UTF-8 with and without BOM, GB18030 as Chinese Excel writes it")
    func encodings() throws {
        let text = "院校代码,院校名称\nZ001,郑州市财贸学校\n"
        #expect(try TextDecoding.decode(Data(text.utf8)) == text)
        #expect(try TextDecoding.decode(Data([0xEF, 0xBB, 0xBF] + Array(text.utf8))) == text)
        let gb = try #require(TextDecoding.encodeGB18030(text))
        #expect(gb != Data(text.utf8))
        #expect(try TextDecoding.decode(gb) == text)
    }

    @Test("Encodings: bytes that are neither UTF-8 nor GB18030 are refused with a reason")
    func badEncoding() {
        #expect(throws: TextDecodingError.self) { try TextDecoding.decode(Data([0x81, 0x20, 0xFF, 0xFF, 0x30])) }
    }

    @Test("XLSX: what we write reads back, keeping text codes, numbers and gaps")
    func xlsxRoundTrip() throws {
        let rows = [["代码", "名称", "人数"], ["0371", "郑州 <&> \"市\"", "25"], ["B1", "", "3.5"]]
        let back = try Table.read(XLSX.write(rows))
        #expect(back == rows)
    }

    @Test("XLSX: a damaged file is refused with a reason, not a crash")
    func xlsxDamaged() {
        let data = XLSX.write([["a"]])
        #expect(throws: Table.ReadError.self) { try Table.read(data.prefix(data.count / 2)) }
        #expect(throws: Table.ReadError.self) { try Table.read(Data([0x50, 0x4B, 0x03, 0x04, 0, 0, 0])) }
    }

    @Test("Column letters")
    func columnNames() {
        #expect(XLSX.columnName(0) == "A")
        #expect(XLSX.columnName(25) == "Z")
        #expect(XLSX.columnName(26) == "AA")
    }
}
