import Fluent
import OneXDomain
import Vapor

/// `/api/v1/{regions|organizations|certificates|schools|alliances|experts}`: list, read,
/// create (province office) and update (province office), each scoped to the caller.
enum CatalogAPI {
    static func register<S: CatalogStore>(_ store: S.Type, on api: any RoutesBuilder) {
        let r = api.grouped(PathComponent(stringLiteral: S.kind.rawValue))
        r.get { req in try await list(S.self, req) }
        r.post { req in try await create(S.self, req) }
        r.get(":code") { req in try await show(S.self, req) }
        r.put(":code") { req in try await update(S.self, req) }
    }

    static func list<S: CatalogStore>(_ store: S.Type, _ req: Request) async throws -> Response {
        let actor = try req.actor()
        let scope = Access.scope(of: RecordKind(S.kind), for: actor)
        if scope == .none { throw AppError.forbidden }
        let paging = try Paging(req)
        let search = req.queryText("q")
        let (items, total) = try await S.page(scope: scope, search: search, limit: paging.limit,
                                              offset: paging.offset, on: req.db)
        return try JSONBody.response(ListBody(items: items, total: total))
    }

    static func show<S: CatalogStore>(_ store: S.Type, _ req: Request) async throws -> Response {
        let actor = try req.actor(reading: RecordKind(S.kind))
        let code = try req.parameters.require("code")
        guard let record = try await S.find(code, scope: Access.scope(of: RecordKind(S.kind), for: actor), on: req.db) else {
            throw AppError.notFound
        }
        return try JSONBody.response(record)
    }

    static func create<S: CatalogStore>(_ store: S.Type, _ req: Request) async throws -> Response {
        let actor = try req.actor(may: .update, RecordKind(S.kind))
        let record = try JSONBody.decode(S.Record.self, from: req)
        let id = try await CatalogService.save(S.self, record, mode: .create, actor: actor.username, at: req.now, on: req.db)
        return try JSONBody.response(WithID(id: id, record: record), status: .created)
    }

    static func update<S: CatalogStore>(_ store: S.Type, _ req: Request) async throws -> Response {
        let actor = try req.actor(may: .update, RecordKind(S.kind))
        let code = try req.parameters.require("code")
        let record = try JSONBody.decode(S.Record.self, from: req)
        guard record.code == code else {
            throw AppError.invalid([FieldError(code: "code_mismatch", message: "请求体中的代码与路径不一致", field: "code")])
        }
        let id = try await CatalogService.save(S.self, record, mode: .update, actor: actor.username, at: req.now, on: req.db)
        return try JSONBody.response(WithID(id: id, record: record))
    }
}
