import OneXDomain
import Vapor

/// Turns every error into problem+json under `/api` (RFC 9457) and an HTML page elsewhere.
/// Bad input is a 4xx with a reason, never a 500; 4xx are logged at info, 5xx at error with
/// the request id that the page shows.
struct OneXErrorMiddleware: AsyncMiddleware {
    func respond(to req: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        do {
            return try await next.respond(to: req)
        } catch {
            let app = Self.classify(error)
            if app.status.code >= 500 {
                req.logger.error("\(req.method) \(req.url.path) failed [\(req.id)]: \(String(reflecting: error))")
            } else {
                req.logger.debug("\(req.method) \(req.url.path) → \(app.status.code) \(app.kind): \(app.detail)")
            }
            if req.url.path.hasPrefix("/api/") || req.url.path == "/openapi.json" {
                return Self.problem(app, req: req)
            }
            return Self.page(app, req: req)
        }
    }

    static func classify(_ error: any Error) -> AppError {
        switch error {
        case let e as AppError:
            return e
        case let e as ValidationErrors:
            return .invalid(e.errors)
        case let e as DecodingError:
            return .badRequest("请求内容格式有误：\(describe(e))")
        case let e as any AbortError:
            switch e.status {
            case .notFound: return .notFound
            case .unauthorized: return .unauthorized
            case .forbidden: return .forbidden
            case .payloadTooLarge: return AppError(.payloadTooLarge, kind: "too-large", detail: "上传内容过大")
            case .unsupportedMediaType:
                return AppError(.unsupportedMediaType, kind: "unsupported-media-type", detail: "不支持的内容类型：\(e.reason)")
            default:
                return AppError(e.status, kind: e.status.code >= 500 ? "server" : "bad-request",
                                detail: e.status.code >= 500 ? UIText.errorServer.zh : e.reason)
            }
        default:
            return AppError(.internalServerError, kind: "server", detail: UIText.errorServer.zh)
        }
    }

    static func describe(_ e: DecodingError) -> String {
        func path(_ ctx: DecodingError.Context) -> String {
            ctx.codingPath.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
        }
        switch e {
        case .keyNotFound(let key, let ctx):
            let p = path(ctx)
            return "缺少字段 \(p.isEmpty ? "" : p + ".")\(key.stringValue)"
        case .typeMismatch(_, let ctx), .valueNotFound(_, let ctx):
            return "字段 \(path(ctx)) 类型不正确"
        case .dataCorrupted(let ctx):
            let p = path(ctx)
            return p.isEmpty ? "不是有效的 JSON" : "字段 \(p) 的值无效：\(ctx.debugDescription)"
        @unknown default:
            return "无法解析"
        }
    }

    static func problem(_ e: AppError, req: Request) -> Response {
        let body = Problem(
            type: "https://onex.example/problems/\(e.kind)", title: e.status.reasonPhrase, status: Int(e.status.code),
            detail: e.detail, errors: e.errors, requestId: e.status.code >= 500 ? req.id : nil)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(body)) ?? Data()
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .contentType, value: "application/problem+json; charset=utf-8")
        if e.status == .unauthorized { headers.replaceOrAdd(name: .wwwAuthenticate, value: "Bearer") }
        return Response(status: e.status, headers: headers, body: .init(data: data))
    }

    static func page(_ e: AppError, req: Request) -> Response {
        let lang = req.lang
        let message: String
        switch e.status {
        case .notFound: message = lang(.errorNotFound)
        case .forbidden: message = e.kind == "csrf" ? lang(.errorCSRF) : lang(.errorForbidden)
        case .unauthorized: message = lang(.errorUnauthorized)
        case _ where e.status.code >= 500: message = lang(.errorServer) + req.id
        default: message = lang == .en ? e.english ?? e.detail : e.detail
        }
        // The field errors repeat the detail in Chinese; an English detail stands alone.
        let details = lang == .en && e.english != nil ? [] : e.errors.filter { !message.contains($0.message) }
        let body: HTML = """
            <h1>\(lang(.errorTitle)) \(Int(e.status.code))</h1>
            <div class="alert alert-error" role="alert">\(message)</div>
            \(HTML.join(details.map { err in "<p>\(Components.messages([err], on: lang))</p>" }))
            <p><a href="\(SitePath.home.path)">\(lang(.navHome))</a></p>
            """
        let html = Layout.page(req: req, title: lang(.errorTitle), crumbs: [], body: body)
        var headers = HTTPHeaders()
        headers.contentType = .html
        return Response(status: e.status, headers: headers, body: .init(string: html.raw))
    }
}
