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
        let data = Data(buffer: buffer)
        if InputText.hasNUL(json: data) { throw InputText.nulRefused }
        return try JSONDecoder().decode(T.self, from: data)
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
