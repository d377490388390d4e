import Foundation
import Vapor

/// NUL is the one character no text OneX keeps may hold: PostgreSQL refuses it and SQLite
/// reads text back cut at it. Requests that carry it — raw, as `\u0000` in JSON or as `%00`
/// in a path, a query string or a form — are refused at the boundary with a 400.
enum InputText {
    static let nulRefused = AppError(.badRequest, kind: "bad-request", detail: "请求中含有空字符（NUL），请删除后重试",
                                     english: "The request contains a NUL character: remove it and try again.")

    static func hasNUL(json data: Data) -> Bool {
        if data.contains(0) { return true }
        return data.withUnsafeBytes { raw in
            let b = raw.bindMemory(to: UInt8.self)
            guard b.count >= 6 else { return false }
            var i = 0
            while i + 5 < b.count {
                if b[i] == UInt8(ascii: "\\") {
                    if b[i + 1] == UInt8(ascii: "u") && b[i + 2] == UInt8(ascii: "0") && b[i + 3] == UInt8(ascii: "0")
                        && b[i + 4] == UInt8(ascii: "0") && b[i + 5] == UInt8(ascii: "0")
                    {
                        return true
                    }
                    i += 2  // an escaped character, perhaps an escaped backslash
                } else {
                    i += 1
                }
            }
            return false
        }
    }

    /// `%00` in URL-encoded text (a query string or a form body).
    static func hasNUL(urlEncoded text: Substring) -> Bool {
        text.contains("%00") || text.contains("\u{0}")
    }
}

/// Refuses a path, a query string, or a collected form body, that carries a NUL, and an
/// address longer than `maxURILength` (414). Addresses past about 80 KB never get here:
/// Vapor's HTTP/1 parser closes the connection at its header limit.
struct InputTextMiddleware: AsyncMiddleware {
    static let maxURILength = 8 * 1024

    func respond(to req: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        if req.url.string.utf8.count > Self.maxURILength {
            throw AppError(.uriTooLong, kind: "uri-too-long", detail: "请求地址过长（超过 8 KB），请减少查询条件后重试",
                           english: "The address is longer than 8 KB: use fewer search conditions and try again.")
        }
        if InputText.hasNUL(urlEncoded: req.url.path[...]) { throw InputText.nulRefused }
        if let query = req.url.query, InputText.hasNUL(urlEncoded: query[...]) { throw InputText.nulRefused }
        if req.headers.contentType == .urlEncodedForm, let body = req.body.data,
            InputText.hasNUL(urlEncoded: String(decoding: body.readableBytesView, as: UTF8.self)[...])
        {
            throw InputText.nulRefused
        }
        return try await next.respond(to: req)
    }
}
