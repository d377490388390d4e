import Fluent
import OneXDomain
import Vapor

final class User: Model, @unchecked Sendable {
    static let schema = "users"

    @ID(key: .id) var id: UUID?
    @Field(key: "username") var username: String
    @Field(key: "password_hash") var passwordHash: String
    @Field(key: "role") var role: String
    /// The person's name (姓名), shown instead of the login.
    @OptionalField(key: "display_name") var displayName: String?
    // A user's unit is a real foreign key of the matching table, at most one of them set.
    @OptionalParent(key: "region_id") var region: Region?
    @OptionalParent(key: "school_id") var school: School?
    @OptionalParent(key: "organization_id") var organization: Organization?
    @Field(key: "active") var active: Bool
    @Field(key: "failed_logins") var failedLogins: Int
    @OptionalField(key: "locked_until") var lockedUntil: Date?
    @Field(key: "created_at") var createdAt: Date
    /// Raised by a password change or a deactivation: web sessions begun under an older value
    /// end at their next request (tokens are revoked outright).
    @Field(key: "credential_epoch") var credentialEpoch: Int
    /// When the account last opened its notices; later ones are unread.
    @OptionalField(key: "notices_seen_at") var noticesSeenAt: Date?

    init() {}

    var roleValue: Role {
        get throws { try .stored(role, table: Self.schema, column: "role", id: id) }
    }

    /// The unit's business code; the matching parent must be eager-loaded.
    var unitCode: String? {
        $region.value??.code ?? $school.value??.code ?? $organization.value??.code
    }

    /// The unit's name; the matching parent must be eager-loaded.
    var unitName: String? {
        $region.value??.name ?? $school.value??.name ?? $organization.value??.name
    }

    func actor() throws -> Actor { Actor(username: username, role: try roleValue, unit: unitCode) }

    static func withUnits(on db: any Database) -> QueryBuilder<User> {
        User.query(on: db).with(\.$region).with(\.$school).with(\.$organization)
    }
}

final class APIToken: Model, @unchecked Sendable {
    static let schema = "api_tokens"

    @ID(key: .id) var id: UUID?
    @Parent(key: "user_id") var user: User
    /// SHA-256 of the token: a leaked database does not leak usable tokens.
    @Field(key: "token_hash") var tokenHash: String
    @Field(key: "expires_at") var expiresAt: Date
    @OptionalField(key: "revoked_at") var revokedAt: Date?
    @Field(key: "created_at") var createdAt: Date

    init() {}
}
