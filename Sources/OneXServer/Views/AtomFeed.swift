import Foundation
import OneXDomain
import Vapor

/// An Atom feed (RFC 4287) of a public list's changes, newest first, so people can follow the
/// disclosure without visiting the page (AH41-12).
struct AtomFeed {
    struct Entry {
        var id: String
        var title: String
        var updated: Date
        var summary: String
    }

    var id: String
    var title: String
    /// The page the feed is about, as a path.
    var page: String
    var entries: [Entry]

    func response(for req: Request) -> Response {
        // The configured public address, else the one the reader used.
        let base =
            req.application.onex.config.publicURL
            ?? "http://\(req.headers.first(name: .host) ?? "localhost")"
        let updated = entries.map(\.updated).max() ?? Date(timeIntervalSince1970: 0)
        var xml = """
            <?xml version="1.0" encoding="utf-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom">
            <id>\(Self.escape(id))</id><title>\(Self.escape(title))</title>
            <updated>\(Shanghai.rfc3339(updated))</updated>
            <link rel="alternate" href="\(Self.escape(base + page))"/>
            <author><name>\(Self.escape(title))</name></author>

            """
        for e in entries {
            xml += """
                <entry><id>\(Self.escape(e.id))</id><title>\(Self.escape(e.title))</title>
                <updated>\(Shanghai.rfc3339(e.updated))</updated><link rel="alternate" href="\(Self.escape(base + page))"/>
                <summary>\(Self.escape(e.summary))</summary></entry>

                """
        }
        xml += "</feed>\n"
        var headers = HTTPHeaders()
        headers.contentType = HTTPMediaType(
            type: "application", subType: "atom+xml", parameters: ["charset": "utf-8"])
        return Response(status: .ok, headers: headers, body: .init(string: xml))
    }

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
            .withoutControlCharacters
    }
}
