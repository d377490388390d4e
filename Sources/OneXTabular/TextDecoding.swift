import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Why a file's bytes could not be read as text.
public struct TextDecodingError: Error, Equatable, Sendable {
    public var message: String
}

/// Decodes the bytes of a CSV file as people in Chinese offices produce them: UTF-8 with or
/// without a byte-order mark, UTF-16 with a mark (Excel's "Unicode text"), or GB18030, which
/// Chinese Excel writes by default.
public enum TextDecoding {
    public static func decode(_ data: Data) throws(TextDecodingError) -> String {
        let bytes = [UInt8](data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            guard let s = String(validating: bytes.dropFirst(3), as: UTF8.self) else {
                throw TextDecodingError(message: "文件声明为 UTF-8 编码，但其中包含无效字符")
            }
            return s
        }
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            let little = bytes[0] == 0xFF
            var units: [UInt16] = []
            units.reserveCapacity(bytes.count / 2)
            var i = 2
            while i + 1 < bytes.count {
                units.append(little ? UInt16(bytes[i]) | UInt16(bytes[i + 1]) << 8
                                    : UInt16(bytes[i]) << 8 | UInt16(bytes[i + 1]))
                i += 2
            }
            return String(decoding: units, as: UTF16.self)
        }
        if let s = String(validating: bytes, as: UTF8.self) { return s }
        if let s = gb18030(bytes) { return s }
        throw TextDecodingError(message: "无法识别文件编码：请保存为 UTF-8 或 GB18030（GBK）编码的 CSV 文件")
    }

    /// GB18030 through the C library's iconv: Foundation on Linux has no GB18030 codec.
    static func gb18030(_ bytes: [UInt8]) -> String? {
        let cd = iconv_open("UTF-8", "GB18030")
        if cd == iconv_t(bitPattern: -1) { return nil }
        defer { iconv_close(cd) }
        var input = bytes.map { CChar(bitPattern: $0) }
        var output = [CChar](repeating: 0, count: bytes.count * 2 + 16)
        let ok: Bool = input.withUnsafeMutableBufferPointer { inBuf in
            output.withUnsafeMutableBufferPointer { outBuf in
                var inPtr: UnsafeMutablePointer<CChar>? = inBuf.baseAddress
                var inLeft = inBuf.count
                var outPtr: UnsafeMutablePointer<CChar>? = outBuf.baseAddress
                var outLeft = outBuf.count
                let r = iconv(cd, &inPtr, &inLeft, &outPtr, &outLeft)
                if r == -1 || inLeft != 0 { return false }
                outBuf[outBuf.count - outLeft] = 0
                return true
            }
        }
        guard ok else { return nil }
        return output.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
    }

    /// Encodes text as GB18030, for tests and for offices whose tools cannot read UTF-8.
    public static func encodeGB18030(_ text: String) -> Data? {
        let cd = iconv_open("GB18030", "UTF-8")
        if cd == iconv_t(bitPattern: -1) { return nil }
        defer { iconv_close(cd) }
        var input = Array(text.utf8).map { CChar(bitPattern: $0) }
        var output = [CChar](repeating: 0, count: input.count * 2 + 16)
        let written: Int? = input.withUnsafeMutableBufferPointer { inBuf in
            output.withUnsafeMutableBufferPointer { outBuf in
                var inPtr: UnsafeMutablePointer<CChar>? = inBuf.baseAddress
                var inLeft = inBuf.count
                var outPtr: UnsafeMutablePointer<CChar>? = outBuf.baseAddress
                var outLeft = outBuf.count
                let r = iconv(cd, &inPtr, &inLeft, &outPtr, &outLeft)
                return r == -1 || inLeft != 0 ? nil : outBuf.count - outLeft
            }
        }
        guard let n = written else { return nil }
        return Data(output[0..<n].map { UInt8(bitPattern: $0) })
    }
}
