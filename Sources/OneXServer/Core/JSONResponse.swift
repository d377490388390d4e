import OneXDomain
import Vapor

/// The API's JSON encoding: camelCase as declared, dates RFC 3339 with the Shanghai offset.
enum JSONBody {
    static func encoder() -> JSONEncoder {
        let e = JSONEncoder()
        e.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        e.dateEncodingStrategy = .custom { date, encoder in
            var c = encoder.singleValueContainer()
            try c.encode(Shanghai.rfc3339(date))
        }
        return e
    }

    static func response<T: Encodable>(_ value: T, status: HTTPResponseStatus = .ok) throws -> Response {
        var headers = HTTPHeaders()
        headers.contentType = .json
        return Response(status: status, headers: headers, body: .init(data: try encoder().encode(value)))
    }

    /// Decodes a JSON body; malformed JSON or a wrong type is a 400 through the error middleware.
    static func decode<T: Decodable>(_ type: T.Type, from req: Request) throws -> T {
        guard let buffer = req.body.data, buffer.readableBytes > 0 else {
            throw AppError.badRequest("请求体为空，应为 JSON")
        }
        return try JSONDecoder().decode(T.self, from: Data(buffer: buffer))
    }
}

/// A list answer of the API: `{items, total}`.
struct ListBody<T: Encodable>: Encodable {
    var items: [T]
    var total: Int
}

/// A record with the database id a create returns.
struct WithID<T: Encodable>: Encodable {
    var id: UUID
    var record: T

    enum Key: String, CodingKey { case id }

    func encode(to encoder: any Encoder) throws {
        try record.encode(to: encoder)
        var c = encoder.container(keyedBy: Key.self)
        try c.encode(id, forKey: .id)
    }
}

/// `?limit=&offset=` with sane bounds.
struct Paging {
    var limit: Int
    var offset: Int

    private struct Raw: Decodable {
        var limit, offset: String?
    }

    /// The query string is parsed once; a value that is not a number counts as not given.
    init(_ req: Request, defaultLimit: Int = 50) {
        let raw = (try? req.query.decode(Raw.self)) ?? Raw()
        limit = min(max(raw.limit.flatMap { Int($0) } ?? defaultLimit, 1), 1000)
        offset = max(raw.offset.flatMap { Int($0) } ?? 0, 0)
    }
}
