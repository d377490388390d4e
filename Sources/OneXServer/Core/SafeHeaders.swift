import Foundation
import OneXDomain
import Vapor

/// The two places where text that came from outside ends up in a response header. Every
/// redirect and every download goes through them.
enum SafeHeaders {
    private static let urlCharacters = CharacterSet(
        charactersIn: "!#$%&'()*+,-./0123456789:;=?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[]_abcdefghijklmnopqrstuvwxyz~")

    /// A path on this site to send the browser to, or `/`. Refused: anything not starting with
    /// one `/`, any backslash, and any control character — browsers drop tabs and line feeds
    /// from a URL, so `/%09/evil.example` would become `//evil.example`, another host.
    static func localTarget(_ raw: String?) -> String {
        guard let raw, raw.hasPrefix("/"), !raw.hasPrefix("//"),
            !raw.unicodeScalars.contains(where: { $0.isControl || $0 == "\\" || $0.value == 0x7f })
        else { return "/" }
        return raw.addingPercentEncoding(withAllowedCharacters: urlCharacters) ?? "/"
    }

    /// `Content-Disposition: attachment` for a file name from anywhere (RFC 6266): an ASCII
    /// fallback in `filename` and the exact name in `filename*`, control characters removed.
    static func attachment(_ name: String) -> String {
        let clean = FileName.normalised(name)
        let fallback = String(clean.unicodeScalars.map { s -> Character in
            s.isASCII && s.value >= 0x20 && s != "\"" && s != "\\" && s != ";" && s != "%" ? Character(s) : "_"
        })
        let encoded = clean.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(CharacterSet(charactersIn: "-._~")))
            ?? "attachment"
        return "attachment; filename=\"\(fallback)\"; filename*=UTF-8''\(encoded)"
    }

    /// A content type as stored for an upload, or `application/octet-stream` when it is not
    /// a plain `type/subtype` (with parameters) of printable ASCII.
    static func contentType(_ raw: String?) -> String {
        guard let raw, !raw.isEmpty, raw.count <= 200,
            raw.unicodeScalars.allSatisfy({ $0.isASCII && $0.value >= 0x20 && $0.value != 0x7f }),
            raw.contains("/")
        else { return "application/octet-stream" }
        return raw
    }

    /// The headers of a file download (`nosniff` comes with every answer, from
    /// `SecurityHeadersMiddleware`).
    static func download(contentType: String, filename: String) -> HTTPHeaders {
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .contentType, value: Self.contentType(contentType))
        headers.replaceOrAdd(name: .contentDisposition, value: attachment(filename))
        return headers
    }
}

extension Request {
    /// A 303 to a path of this site; any other target becomes the home page.
    func redirect(local target: String) -> Response {
        redirect(to: SafeHeaders.localTarget(target), redirectType: .normal)
    }
}
