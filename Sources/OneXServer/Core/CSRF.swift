import Vapor

/// Synchroniser-token CSRF protection for every state-changing web form: the token lives in
/// the session and each form carries it in the hidden `_csrf` field.
enum CSRF {
    static func token(for req: Request) -> String {
        if let t = req.session.data["csrf"] { return t }
        let t = Tokens.generate()
        req.session.data["csrf"] = t
        return t
    }

    /// The key under which a route records how large a body it accepts (`RoutesBuilder.form`).
    static let maxBodyKey = "onex.maxBody"
}

extension RoutesBuilder {
    /// A POST route for a form of up to `maxSize` (an upload): the CSRF check collects the body
    /// up to this size before it reads the token, so the token is found however many network
    /// reads the body took.
    @discardableResult
    func form(_ path: PathComponent..., maxSize: ByteCount,
              use closure: @Sendable @escaping (Request) async throws -> some AsyncResponseEncodable) -> Route {
        let route = on(.POST, path, body: .collect(maxSize: maxSize), use: closure)
        route.userInfo[CSRF.maxBodyKey] = maxSize.value
        return route
    }
}

struct CSRFMiddleware: AsyncMiddleware {
    func respond(to req: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        if req.method != .GET && req.method != .HEAD {
            guard let expected = req.session.data["csrf"] else { throw AppError.csrf }
            var sent = req.headers.first(name: "X-CSRF-Token")
            if sent == nil {
                // The route collects its body only after the middleware, so a body that
                // arrived in more than one read is collected here, within the route's limit.
                if req.body.data == nil {
                    let limit = req.route?.userInfo[CSRF.maxBodyKey] as? Int
                        ?? req.application.routes.defaultMaxBodySize.value
                    _ = try await req.body.collect(max: limit).get()
                }
                sent = try? req.content.get(String.self, at: "_csrf")
            }
            guard let sent, Tokens.equal(sent, expected) else { throw AppError.csrf }
        }
        return try await next.respond(to: req)
    }
}
