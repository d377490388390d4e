import OneXDomain
import Vapor

/// An error with an HTTP status and a reason people can read. The error middleware renders it
/// as problem+json under `/api` and as an HTML page elsewhere.
public struct AppError: Error, Sendable {
    public var status: HTTPResponseStatus
    /// Short machine-readable kind, the last part of the problem `type`.
    public var kind: String
    public var detail: String
    public var errors: [FieldError]
    /// The detail for a reader who switched to English, where one is written; the API and
    /// Chinese pages use `detail`.
    public var english: String?

    public init(_ status: HTTPResponseStatus, kind: String, detail: String, errors: [FieldError] = [], english: String? = nil) {
        self.status = status
        self.kind = kind
        self.detail = detail
        self.errors = errors
        self.english = english
    }

    public static let unauthorized = AppError(.unauthorized, kind: "unauthorized", detail: UIText.errorUnauthorized.zh)
    public static let forbidden = AppError(.forbidden, kind: "forbidden", detail: UIText.errorForbidden.zh)
    public static let notFound = AppError(.notFound, kind: "not-found", detail: UIText.errorNotFound.zh)
    public static let csrf = AppError(.forbidden, kind: "csrf", detail: UIText.errorCSRF.zh)

    public static func badRequest(_ detail: String) -> AppError {
        AppError(.badRequest, kind: "bad-request", detail: detail)
    }

    public static func invalid(_ errors: [FieldError], detail: String = "提交的数据未通过校验") -> AppError {
        AppError(.unprocessableEntity, kind: "validation", detail: detail, errors: errors)
    }

    public static func conflict(_ detail: String, code: String = "conflict") -> AppError {
        AppError(.conflict, kind: "conflict", detail: detail, errors: [FieldError(code: code, message: detail)])
    }
}

/// The problem+json body of RFC 9457.
struct Problem: Content {
    var type: String
    var title: String
    var status: Int
    var detail: String
    var errors: [FieldError]
    var requestId: String?
}
