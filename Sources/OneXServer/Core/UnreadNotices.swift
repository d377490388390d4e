import OneXDomain
import Vapor

/// Counts the signed-in user's unread notices for the menu of every page it shows. Only page
/// views (GET) pay the one count; form posts and downloads do not.
struct UnreadNoticesMiddleware: AsyncMiddleware {
    func respond(to req: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        if req.method == .GET, let user = req.currentUser {
            req.unreadNotices = try await NoticeService.unread(for: user.actor, userID: user.id, on: req.db)
        }
        return try await next.respond(to: req)
    }
}

extension Request {
    private struct UnreadKey: StorageKey {
        typealias Value = Int
    }

    /// Set by `UnreadNoticesMiddleware` on page views.
    var unreadNotices: Int {
        get { storage[UnreadKey.self] ?? 0 }
        set { storage[UnreadKey.self] = newValue }
    }
}
