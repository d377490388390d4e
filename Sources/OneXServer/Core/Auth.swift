import Fluent
import OneXDomain
import Vapor

/// The signed-in user of a request, set by the session (web) or bearer-token (API) middleware.
struct CurrentUser: Sendable {
    let id: UUID
    let actor: Actor
    /// The person's name and the unit's, for the page header (never the login or a code).
    let name: String?
    let unitName: String?

    init(id: UUID, actor: Actor, name: String?, unitName: String?) {
        self.id = id
        self.actor = actor
        self.name = name
        self.unitName = unitName
    }
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

    /// The acting user, if the access policy lets it take `action` on `kind`; 403 otherwise.
    /// Which record it may touch is then the kind's scope (another unit's record: 404).
    func actor(may action: RecordAction, _ kind: RecordKind) throws -> Actor {
        let actor = try actor()
        guard Access.may(action, kind, actor) else { throw AppError.forbidden }
        return actor
    }

    /// The acting user, if the access policy shows it any record of `kind`; 403 otherwise.
    func actor(reading kind: RecordKind) throws -> Actor {
        let actor = try actor()
        guard Access.scope(of: kind, for: actor) != .none else { throw AppError.forbidden }
        return actor
    }

    /// The acting user, who must hold one of these roles; 403 otherwise. For what is not a
    /// record (the clock, running jobs, the policy document, a school's own declaration).
    func actor(in roles: Role...) throws -> Actor {
        let actor = try actor()
        guard roles.contains(actor.role) else { throw AppError.forbidden }
        return actor
    }
}

/// A signed-in web session's limits, kept in the session on the server: the cookie's
/// Max-Age is only the browser's side of it.
enum WebSession {
    static let idleLimit: TimeInterval = 2 * 3600
    static let absoluteLimit: TimeInterval = 8 * 3600
    /// Activity is recorded at most this often, so most page views write nothing.
    static let touchEvery: TimeInterval = 5 * 60

    static func begin(_ req: Request, user: User) throws {
        let now = String(Int(req.now.timeIntervalSince1970))
        req.session.data["uid"] = try user.requireID().uuidString
        req.session.data["epoch"] = String(user.credentialEpoch)
        req.session.data["since"] = now
        req.session.data["seen"] = now
    }

    /// The user of a live session; nil (and the session's sign-in forgotten) when it has run
    /// past a limit, or the account's password changed, it was deactivated or locked since.
    static func user(_ req: Request) async throws -> CurrentUser? {
        guard let raw = req.session.data["uid"], let id = UUID(uuidString: raw) else { return nil }
        let now = req.now.timeIntervalSince1970
        let since = req.session.data["since"].flatMap(Double.init) ?? 0
        let seen = req.session.data["seen"].flatMap(Double.init) ?? 0
        guard now - since < absoluteLimit, now - seen < idleLimit,
            let (user, epoch) = try await SignedInUser.byID(id, now: req.now, on: req.db),
            req.session.data["epoch"] == String(epoch)
        else {
            for key in ["uid", "epoch", "since", "seen"] { req.session.data[key] = nil }
            return nil
        }
        if now - seen >= touchEvery { req.session.data["seen"] = String(Int(now)) }
        return user
    }
}

/// Web: the user id kept in the server-side session.
struct SessionUserMiddleware: AsyncMiddleware {
    func respond(to req: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        req.currentUser = try await WebSession.user(req)
        return try await next.respond(to: req)
    }
}

/// API: `Authorization: Bearer <token>`, checked against the hashed, unexpired, unrevoked tokens.
struct BearerUserMiddleware: AsyncMiddleware {
    func respond(to req: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        if let bearer = req.headers.bearerAuthorization {
            // An unknown, expired or revoked token leaves the caller anonymous: protected routes
            // answer 401, and logging in again still works.
            req.currentUser = try await SignedInUser.byToken(
                hash: Tokens.hash(bearer.token), now: req.now, on: req.db)
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
            let target =
                SitePath.login.path + "?next="
                + (back.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "/")
            return req.redirect(local: target)
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

    /// Equal texts, compared in time that does not depend on where they differ.
    static func equal(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8)
        let y = Array(b.utf8)
        guard x.count == y.count else { return false }
        return zip(x, y).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
    }

    static func hash(_ token: String) -> String {
        SHA256.hash(data: Data(token.utf8)).map { String(format: "%02x", $0) }.joined()
    }
}
