import OneXDomain
import Vapor

/// Numbers in the query string are read only through here, each into its documented range
/// (`Limits`): a value that is not a whole number, or lies outside the range, is a 400 that
/// names the parameter and the range — never a trap further down and never silently ignored.
extension Request {
    /// The parameter as a whole number in `range`; nil when it is absent or empty.
    func queryInt(_ name: String, in range: ClosedRange<Int>) throws -> Int? {
        guard let text = query[String.self, at: name], !text.isEmpty else { return nil }
        guard let value = Int(text.trimmingCharacters(in: .whitespaces)), range.contains(value) else {
            throw AppError(
                .badRequest, kind: "bad-request",
                detail: "参数 \(name) 的值“\(text.prefix(40))”无效，应为\(Limits.describe(range))",
                errors: [
                    FieldError(code: "out_of_range", message: "应为\(Limits.describe(range))", field: name)
                ],
                english:
                    "The value “\(text.prefix(40))” of \(name) is not valid: a whole number from \(range.lowerBound) to \(range.upperBound) is expected."
            )
        }
        return value
    }

    /// A text parameter; nil when it is absent or empty.
    func queryText(_ name: String) -> String? {
        query[String.self, at: name].flatMap { $0.isEmpty ? nil : $0 }
    }

    /// `?year=` as a plan year.
    func queryYear() throws -> Int? { try queryInt("year", in: Limits.year) }
}

/// `?limit=&offset=` within `Limits.pageLimit` and `Limits.pageOffset`.
struct Paging {
    var limit: Int
    var offset: Int

    init(limit: Int, offset: Int) {
        self.limit = limit
        self.offset = offset
    }

    init(_ req: Request, defaultLimit: Int = 50) throws {
        limit = try req.queryInt("limit", in: Limits.pageLimit) ?? defaultLimit
        offset = try req.queryInt("offset", in: Limits.pageOffset) ?? 0
    }
}
