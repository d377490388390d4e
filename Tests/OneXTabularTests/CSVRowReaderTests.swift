import Foundation
import OneXTabular
import Testing

@Suite("Streaming CSV reader (EXAM-1 import in constant memory)")
struct CSVRowReaderTests {
    static let text = "\u{FEFF}准考证号,姓名\r\nE1,\"李,小\"\nE2,\"说\"\"好\"\"\"\nE3,\"两\n行\"\nE4,"

    @Test("Rows are the same whatever the chunk size, including a chunk boundary inside a character or a quote")
    func chunkBoundaries() {
        let bytes = Array(Self.text.utf8)
        let expected = [["准考证号", "姓名"], ["E1", "李,小"], ["E2", "说\"好\""], ["E3", "两\n行"], ["E4", ""]]
        #expect(CSV.parse(String(Self.text.dropFirst())) == expected)
        for size in [1, 2, 3, 7, 4096] {
            var offset = 0
            let reader = CSVRowReader {
                guard offset < bytes.count else { return nil }
                defer { offset += size }
                return Array(bytes[offset..<min(bytes.count, offset + size)])
            }
            #expect(Array(reader) == expected, "chunk size \(size)")
        }
    }

    @Test("A tab-separated file is recognised by its first line")
    func tabs() {
        #expect(Array(CSVRowReader(data: Data("a\tb\n1\t2,3\n".utf8))) == [["a", "b"], ["1", "2,3"]])
    }
}
