import Fluent
import OneXDomain
import Vapor

/// `POST /api/v1/auth/token` (log in), `DELETE /api/v1/auth/token` (log out), `GET /api/v1/me`.
enum AuthAPI {
    struct Credentials: Decodable {
        var username: String
        var password: String
    }

    struct UserBody: Encodable {
        var username: String
        var role: Role
        var unit: String?

        init(_ a: Actor) {
            username = a.username
            role = a.role
            unit = a.unit
        }
    }

    struct TokenBody: Encodable {
        var token: String
        var expiresAt: Date
        var user: UserBody
    }

    static func registerPublic(on api: any RoutesBuilder) {
        api.post("auth", "token") { req in
            let c = try JSONBody.decode(Credentials.self, from: req)
            do {
                let user = try await AccountService.authenticate(username: c.username, password: c.password, req: req)
                let (token, expiresAt) = try await AccountService.issueToken(for: user, req: req)
                return try JSONBody.response(TokenBody(token: token, expiresAt: expiresAt, user: UserBody(user.actor())))
            } catch is AccountService.LoginFailure {
                // One answer whether the name exists, the password is wrong or the account is locked.
                throw AppError(.unauthorized, kind: "unauthorized", detail: UIText.loginFailed.zh)
            }
        }
    }

    static func register(on api: any RoutesBuilder) {
        api.delete("auth", "token") { req in
            _ = try req.actor()
            if let bearer = req.headers.bearerAuthorization {
                try await AccountService.revoke(token: bearer.token, req: req)
            }
            return Response(status: .noContent)
        }
        api.get("me") { req in try JSONBody.response(UserBody(try req.actor())) }
    }
}

/// `/api/v1/users`: the province office manages accounts; auditors read them.
enum UsersAPI {
    static func register(on api: any RoutesBuilder) {
        let users = api.grouped("users")
        users.get { req in
            _ = try req.actor(reading: .users)
            let paging = try Paging(req)
            let (rows, total) = try await User.withUnits(on: req.db).sort(\.$username)
                .page(limit: paging.limit, offset: paging.offset)
            return try JSONBody.response(ListBody(items: rows.map(AccountService.AccountBody.init), total: total))
        }
        users.post { req in
            let actor = try req.actor(may: .update, .users)
            let draft = try JSONBody.decode(AccountDraft.self, from: req)
            let user = try await AccountService.save(draft, existing: nil, actor: actor.username, req: req)
            return try JSONBody.response(WithID(id: user.requireID(), record: AccountService.AccountBody(user)), status: .created)
        }
        users.get(":username") { req in
            _ = try req.actor(reading: .users)
            guard let user = try await AccountService.find(try req.parameters.require("username"), on: req.db) else {
                throw AppError.notFound
            }
            return try JSONBody.response(AccountService.AccountBody(user))
        }
        users.put(":username") { req in
            let actor = try req.actor(may: .update, .users)
            guard let user = try await AccountService.find(try req.parameters.require("username"), on: req.db) else {
                throw AppError.notFound
            }
            var draft = try JSONBody.decode(AccountDraft.self, from: req)
            draft.username = user.username
            let saved = try await AccountService.save(draft, existing: user, actor: actor.username, req: req)
            return try JSONBody.response(AccountService.AccountBody(saved))
        }
    }
}
