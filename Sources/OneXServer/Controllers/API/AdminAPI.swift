import Fluent
import OneXDomain
import Vapor

/// The manual clock (tests and demos) and the audit log.
enum AdminAPI {
    struct ClockBody: Codable {
        var now: String
    }

    static func register(on api: any RoutesBuilder) {
        api.get("admin", "clock") { req in
            _ = try req.actor(in: .provinceAdmin)
            guard req.application.onex.manualClock != nil else { throw AppError.notFound }
            return try JSONBody.response(ClockBody(now: Shanghai.rfc3339(req.now)))
        }
        api.put("admin", "clock") { req in
            _ = try req.actor(in: .provinceAdmin)
            guard let clock = req.application.onex.manualClock else { throw AppError.notFound }
            let body = try JSONBody.decode(ClockBody.self, from: req)
            guard let date = Shanghai.parseInstant(body.now) ?? LocalDate(body.now)?.startOfDay else {
                throw AppError.invalid([FieldError(code: "invalid", message: "时间格式应为 RFC 3339（如 2026-03-11T00:00:00+08:00）",
                                                   field: "now")])
            }
            try await SharedManualClock.set(date, clock: clock, on: req.db)
            return try JSONBody.response(ClockBody(now: Shanghai.rfc3339(date)))
        }
        api.get("audit") { req in
            let actor = try req.actor()
            guard Access.readsAuditLog(actor) else { throw AppError.forbidden }
            let paging = try Paging(req)
            let (rows, total) = try await AuditEntry.query(on: req.db).sort(\.$seq, .descending)
                .page(limit: paging.limit, offset: paging.offset)
            return try JSONBody.response(ListBody(items: rows.map(AuditBody.init), total: total))
        }
        api.get("audit", "verify") { req in
            let actor = try req.actor()
            guard Access.readsAuditLog(actor) else { throw AppError.forbidden }
            return try JSONBody.response(try await AuditVerifier.verify(on: req.db))
        }
    }

    struct AuditBody: Encodable {
        var seq: Int
        var at: Date
        var actor: String
        var action: String
        var entity: String
        var key: String
        var before: String?
        var after: String?
        var hash: String

        init(_ e: AuditEntry) {
            seq = e.seq
            at = e.at
            actor = e.actor
            action = e.action
            entity = e.entity
            key = e.entityKey
            before = e.before
            after = e.after
            hash = e.hash
        }
    }
}
