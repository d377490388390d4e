import Crypto
import Foundation
import OneXDomain
import Vapor

/// An uploaded file checked the one way every upload is: not empty, within
/// `AttachmentFormat.maxBytes`, and a PDF, JPEG or PNG by its content, not its name.
struct UploadedFile {
    var name: String
    var data: Data
    var format: AttachmentFormat

    var sha256: String { SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined() }

    init(_ file: File) throws {
        data = Data(buffer: file.data)
        name = FileName.normalised(file.filename)
        if data.isEmpty {
            throw AppError.invalid([FieldError(code: "empty_file", message: "文件为空", field: "file")])
        }
        guard data.count <= AttachmentFormat.maxBytes else {
            throw AppError.invalid([
                FieldError(code: "too_large", message: "文件过大：\(AttachmentFormat.rule)", field: "file")
            ])
        }
        guard let format = AttachmentFormat.detect(data) else {
            throw AppError.invalid([
                FieldError(
                    code: "unsupported_file", message: "“\(name)”不是可接受的文件：\(AttachmentFormat.rule)",
                    field: "file")
            ])
        }
        self.format = format
    }
}
