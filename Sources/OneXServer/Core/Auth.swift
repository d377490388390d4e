import Fluent
import OneXDomain
import Vapor

/// The signed-in user of a request, set by the session (web) or bearer-token (API) middleware.
struct CurrentUser: Sendable {
    let id: UUID
    let actor: Actor
}

extension Request {
    private struct CurrentUserKey: StorageKey {
        typealias Value = CurrentUser
    }

    var currentUser: CurrentUser? {
        get { storage[CurrentUserKey.self] }
        set { storage[CurrentUserKey.self] = newValue }
    }

    /// The acting user; 401 when nobody is signed in.
    func actor() throws -> Actor {
        guard let user = currentUser else { throw AppError.unauthorized }
        return user.actor
    }

    /// The acting user, who must hold one of these roles; 403 otherwise.
    func actor(in roles: Role...) throws -> Actor {
        let actor = try actor()
        guard roles.contains(actor.role) else { throw AppError.forbidden }
        return actor
    }
}

/// Web: the user id kept in the server-side session.
struct SessionUserMiddleware: AsyncMiddleware {
    func respond(to req: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        if let raw = req.session.data["uid"], let id = UUID(uuidString: raw),
            let user = try await User.withUnits(on: req.db).filter(\.$id == id).first(), user.active
        {
            req.currentUser = CurrentUser(id: id, actor: user.actor())
        }
        return try await next.respond(to: req)
    }
}

/// API: `Authorization: Bearer <token>`, checked against the hashed, unexpired, unrevoked tokens.
struct BearerUserMiddleware: AsyncMiddleware {
    func respond(to req: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        if let bearer = req.headers.bearerAuthorization {
            // An unknown, expired or revoked token leaves the caller anonymous: protected routes
            // answer 401, and logging in again still works.
            let hash = Tokens.hash(bearer.token)
            if let token = try await APIToken.query(on: req.db).filter(\.$tokenHash == hash)
                .filter(\.$revokedAt == nil).first(),
                token.expiresAt > req.now,
                let user = try await User.withUnits(on: req.db).filter(\.$id == token.$user.id).first(),
                user.active
            {
                req.currentUser = CurrentUser(id: user.id!, actor: user.actor())
            }
        }
        return try await next.respond(to: req)
    }
}

/// Sends anonymous visitors of web pages to the login page, and API callers a 401.
struct RequireUserMiddleware: AsyncMiddleware {
    func respond(to req: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard req.currentUser != nil else {
            if req.url.path.hasPrefix("/api/") { throw AppError.unauthorized }
            let back = req.url.path + (req.url.query.map { "?" + $0 } ?? "")
            let target = SitePath.login.path + "?next=" + (back.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "/")
            return req.redirect(to: target)
        }
        return try await next.respond(to: req)
    }
}

enum Tokens {
    /// 32 random bytes, URL-safe base64: 256 bits an attacker cannot guess.
    static func generate() -> String {
        var rng = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: 0...255, using: &rng) }
        return Data(bytes).base64EncodedString().replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }

    static func hash(_ token: String) -> String {
        SHA256.hash(data: Data(token.utf8)).map { String(format: "%02x", $0) }.joined()
    }
}
