import Fluent
import OneXDomain
import SQLKit
import Vapor

/// Logins, tokens and the province office's management of accounts.
enum AccountService {
    enum LoginFailure: Error { case wrongCredentials, locked }

    /// Checks a password, counting failures and locking the account after too many.
    ///
    /// A check is admitted only after it has taken one of the `LoginThrottle.maxFailures`
    /// slots with a single conditional `UPDATE`, so guesses sent in parallel cannot all be
    /// checked before the first failure is counted. A success frees every slot. The answer for
    /// a locked account is the same as for a wrong password or an unknown name.
    static func authenticate(username: String, password: String, req: Request) async throws -> User {
        let now = req.now
        guard let user = try await User.withUnits(on: req.db).filter(\.$username == username).first(), user.active,
            let id = user.id
        else {
            // Spend the same time as a real check so the answer does not reveal which names exist.
            _ = try? await req.password.async.verify(password, created: dummyHash(req))
            throw LoginFailure.wrongCredentials
        }
        if let until = user.lockedUntil {
            if until > now { throw LoginFailure.locked }
            // The lock has run out: whoever clears exactly this lock first frees the slots.
            try await User.query(on: req.db).filter(\.$id == id).filter(\.$lockedUntil == until)
                .set(\.$failedLogins, to: 0).set(\.$lockedUntil, to: nil).update()
        }
        let sql = try req.db.sql()
        let slot = try await sql.raw("""
            UPDATE users SET failed_logins = failed_logins + 1
            WHERE id = \(bind: id) AND failed_logins < \(bind: LoginThrottle.maxFailures) RETURNING failed_logins
            """).first()?.decode(column: "failed_logins", as: Int.self)
        guard let slot else {
            // Every slot is taken by a failure or a check under way: lock, if nobody has yet.
            try await User.query(on: req.db).filter(\.$id == id).filter(\.$lockedUntil == nil)
                .set(\.$lockedUntil, to: now.addingTimeInterval(LoginThrottle.lockSeconds)).update()
            throw LoginFailure.locked
        }
        passwordChecks.increment(user.username)
        if try await req.password.async.verify(password, created: user.passwordHash) {
            try await User.query(on: req.db).filter(\.$id == id).set(\.$failedLogins, to: 0).set(\.$lockedUntil, to: nil).update()
            return user
        }
        if slot >= LoginThrottle.maxFailures {
            try await User.query(on: req.db).filter(\.$id == id)
                .set(\.$lockedUntil, to: now.addingTimeInterval(LoginThrottle.lockSeconds)).update()
            throw LoginFailure.locked
        }
        throw LoginFailure.wrongCredentials
    }

    /// How many passwords of each account were checked since start (read by tests).
    static let passwordChecks = Counter()

    private static func dummyHash(_ req: Request) -> String {
        // A fixed bcrypt hash of a random string, cost 12.
        "$2b$12$C6UzMDM.H6dfI/f/IKxGhuV3pkH5YbbVtzUj3fI9Hq7d9cDDmlq/y"
    }

    static func issueToken(for user: User, req: Request) async throws -> (token: String, expiresAt: Date) {
        let token = Tokens.generate()
        let row = APIToken()
        row.$user.id = try user.requireID()
        row.tokenHash = Tokens.hash(token)
        row.createdAt = req.now
        row.expiresAt = req.now.addingTimeInterval(req.application.onex.config.tokenLifetime)
        try await row.create(on: req.db)
        return (token, row.expiresAt)
    }

    static func revoke(token: String, req: Request) async throws {
        try await APIToken.query(on: req.db).filter(\.$tokenHash == Tokens.hash(token))
            .set(\.$revokedAt, to: req.now).update()
    }

    /// The public shape of an account: never the hash.
    struct AccountBody: Content {
        var username: String
        var displayName: String?
        var role: String
        var unit: String?
        var active: Bool
        var lockedUntil: Date?

        init(_ u: User) {
            username = u.username
            displayName = u.displayName
            role = u.role
            unit = u.unitCode
            active = u.active
            lockedUntil = u.lockedUntil
        }
    }

    static func find(_ username: String, on db: any Database) async throws -> User? {
        try await User.withUnits(on: db).filter(\.$username == username).first()
    }

    /// Creates (`existing == nil`) or edits an account, audited.
    @discardableResult
    static func save(_ draft: AccountDraft, existing: User?, actor: String, req: Request) async throws -> User {
        var problems = draft.problems(isNew: existing == nil)
        let role = Role(rawValue: draft.role)
        let unit = (draft.unit ?? "").trimmingCharacters(in: .whitespaces)
        let resolver = CodeResolver(req.db)
        var unitID: UUID?
        if let role, role.unitKind != .none, !unit.isEmpty {
            let kind: CatalogKind = switch role.unitKind {
            case .region: .regions
            case .school: .schools
            default: .organizations
            }
            unitID = try await resolver.id(kind, unit)
            if unitID == nil {
                problems.append(FieldError(code: "unknown_reference", message: "\(kind.noun.zh)“\(unit)”不存在", field: "unit"))
            }
        }
        if existing == nil, try await find(draft.username, on: req.db) != nil {
            problems.append(FieldError(code: "duplicate_code", message: "用户名“\(draft.username)”已存在", field: "username"))
        }
        if !problems.isEmpty { throw AppError.invalid(problems) }
        let hash: String? = if let p = draft.password, !p.isEmpty { try await req.password.async.hash(p) } else { nil }
        let before = existing.map(AccountBody.init)
        let user = existing ?? User()
        if existing == nil {
            user.username = draft.username
            user.failedLogins = 0
            user.createdAt = req.now
            user.credentialEpoch = 0
        }
        let wasActive = existing?.active ?? true
        if let hash { user.passwordHash = hash }
        user.role = draft.role
        let name = (draft.displayName ?? "").trimmingCharacters(in: .whitespaces)
        user.displayName = name.isEmpty ? nil : name
        user.$region.id = role?.unitKind == .region ? unitID : nil
        user.$school.id = role?.unitKind == .school ? unitID : nil
        user.$organization.id = role?.unitKind == .organization ? unitID : nil
        user.active = draft.active ?? true
        if draft.active == true { user.lockedUntil = nil }
        let now = req.now
        // A new password or a deactivation ends every session and token of the account.
        let endSessions = existing != nil && (hash != nil || (wasActive && !user.active))
        if endSessions { user.credentialEpoch += 1 }
        try await req.db.writeTransaction { tx in
            try await user.save(on: tx)
            if endSessions {
                let id = try user.requireID()
                try await APIToken.query(on: tx).filter(\.$user.$id == id).filter(\.$revokedAt == nil)
                    .set(\.$revokedAt, to: now).update()
            }
            let after = try await find(user.username, on: tx).map(AccountBody.init)
            try await AuditWriter(tx).append(actor: actor, action: before == nil ? "create" : "update", entity: "users",
                                             key: user.username, before: before, after: after, at: now)
        }
        return try await find(user.username, on: req.db)!
    }
}
