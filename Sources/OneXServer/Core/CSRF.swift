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
}

struct CSRFMiddleware: AsyncMiddleware {
    func respond(to req: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        if req.method != .GET && req.method != .HEAD {
            let sent = req.headers.first(name: "X-CSRF-Token") ?? (try? req.content.get(String.self, at: "_csrf"))
            guard let expected = req.session.data["csrf"], let sent, constantTimeEqual(sent, expected) else {
                throw AppError.csrf
            }
        }
        return try await next.respond(to: req)
    }

    private func constantTimeEqual(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        guard x.count == y.count else { return false }
        return zip(x, y).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
    }
}
