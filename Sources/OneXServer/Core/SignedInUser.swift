import Fluent
import OneXDomain
import SQLKit
import Vapor

/// The signed-in account and its unit, read in one statement on every request: the account
/// active and not locked now, and for a bearer token the token unrevoked and unexpired. Nothing
/// is cached, so a logout, a revocation, a lock-out, a deactivation or a role change ends or
/// changes access at the very next request, on any server sharing the database.
enum SignedInUser {
    private static let columns: SQLQueryString = """
        SELECT u.id, u.username, u.role, u.display_name, u.credential_epoch,
          COALESCE(r.code, s.code, o.code) AS unit_code, COALESCE(r.name, s.name, o.name) AS unit_name
        FROM users u LEFT JOIN regions r ON r.id = u.region_id LEFT JOIN schools s ON s.id = u.school_id
        LEFT JOIN organizations o ON o.id = u.organization_id
        """

    private static func usable(_ now: Date) -> SQLQueryString {
        "u.active = \(bind: true) AND (u.locked_until IS NULL OR u.locked_until <= \(bind: now))"
    }

    /// The account of a bearer token, by the token's hash.
    static func byToken(hash: String, now: Date, on db: any Database) async throws -> CurrentUser? {
        try await db.sql().raw(
            """
            \(columns) JOIN api_tokens t ON t.user_id = u.id
            WHERE t.token_hash = \(bind: hash) AND t.revoked_at IS NULL AND t.expires_at > \(bind: now) AND \(usable(now))
            """
        ).first().map { try user($0).user }
    }

    /// The account of a web session, with the credential epoch the session must match.
    static func byID(_ id: UUID, now: Date, on db: any Database) async throws -> (
        user: CurrentUser, epoch: Int
    )? {
        try await db.sql().raw("\(columns) WHERE u.id = \(bind: id) AND \(usable(now))").first().map(user)
    }

    private static func user(_ r: any SQLRow) throws -> (user: CurrentUser, epoch: Int) {
        let id = try r.decode(column: "id", as: UUID.self)
        let role = try Role.stored(
            try r.decode(column: "role", as: String.self), table: User.schema, column: "role", id: id)
        return (
            CurrentUser(
                id: id,
                actor: Actor(
                    username: try r.decode(column: "username", as: String.self), role: role,
                    unit: try r.decode(column: "unit_code", as: String?.self)),
                name: try r.decode(column: "display_name", as: String?.self),
                unitName: try r.decode(column: "unit_name", as: String?.self)),
            try r.decode(column: "credential_epoch", as: Int.self)
        )
    }
}
