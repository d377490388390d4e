import Fluent
import OneXDomain
import Vapor

/// `/api/v1/applications`, `/api/v1/plans` and the jobs of api.md.
enum ApplicationsAPI {
    static func register(on api: any RoutesBuilder) {
        let apps = api.grouped("applications")
        apps.get { req in
            let actor = try req.actor()
            guard let q = ApplicationService.scoped(for: actor, on: req.db) else { throw AppError.forbidden }
            if let status = try? req.query.get(String.self, at: "status") { q.filter(\.$status == status) }
            if let year = try req.queryYear() { q.filter(\.$year == year) }
            let paging = try Paging(req)
            let (rows, total) = try await q.with(\.$lines).with(\.$reviews).with(\.$school)
                .sort(\.$updatedAt, .descending).page(limit: paging.limit, offset: paging.offset)
            var items: [ApplicationService.ApplicationBody] = []
            for row in rows {
                items.append(try await ApplicationService.body(row, violations: nil, on: req.db))
            }
            return try JSONBody.response(ListBody(items: items, total: total))
        }
        apps.post { req in
            let actor = try req.actor(may: .create, .applications)
            let draft = try JSONBody.decode(ApplicationService.Draft.self, from: req)
            let row = try await ApplicationService.saveDraft(
                draft, existing: nil, actor: actor, now: req.now, on: req.db)
            return try await respond(row.requireID(), req, status: .created)
        }
        apps.get(":id") { req in try await respond(try id(req), req) }
        apps.put(":id") { req in
            let actor = try req.actor(may: .update, .applications)
            let row = try await ApplicationService.find(try id(req), actor: actor, on: req.db)
            let draft = try JSONBody.decode(ApplicationService.Draft.self, from: req)
            _ = try await ApplicationService.saveDraft(
                draft, existing: row, actor: actor, now: req.now, on: req.db)
            return try await respond(row.requireID(), req)
        }
        apps.delete(":id") { req -> Response in
            let actor = try req.actor(may: .update, .applications)
            let row = try await ApplicationService.find(try id(req), actor: actor, on: req.db)
            try await ApplicationService.delete(row, actor: actor, now: req.now, on: req.db)
            return Response(status: .noContent)
        }
        apps.post(":id", "withdraw") { req in
            let actor = try req.actor(may: .update, .applications)
            let row = try await ApplicationService.find(try id(req), actor: actor, on: req.db)
            try await ApplicationService.withdraw(row, actor: actor, now: req.now, on: req.db)
            return try await respond(row.requireID(), req)
        }
        apps.post(":id", "submit") { req in
            let actor = try req.actor(may: .update, .applications)
            let row = try await ApplicationService.find(try id(req), actor: actor, on: req.db)
            let submitted = try await ApplicationService.submit(row, actor: actor, now: req.now, on: req.db)
            // Loaded with its lines, reviews and school, and no longer a draft: no rules to show.
            return try JSONBody.response(
                try await ApplicationService.body(submitted, violations: nil, on: req.db))
        }
        apps.post(":id", "reviews") { req in
            let actor = try req.actor(may: .review, .applications)
            let row = try await ApplicationService.find(try id(req), actor: actor, on: req.db)
            let input = try JSONBody.decode(ApplicationService.ReviewInput.self, from: req)
            _ = try await ApplicationService.review(row, input: input, actor: actor, now: req.now, on: req.db)
            return try await respond(row.requireID(), req)
        }
        apps.on(.POST, ":id", "attachments", body: .collect(maxSize: "20mb")) { req in
            let actor = try req.actor(may: .create, .attachments)
            let row = try await ApplicationService.find(try id(req), actor: actor, on: req.db)
            struct Upload: Content {
                var purpose: String
                var line: Int?
                var file: File
            }
            let upload = try req.content.decode(Upload.self)
            let a = try await AttachmentService.store(
                row, purpose: upload.purpose, line: upload.line, file: upload.file,
                actor: actor, now: req.now, on: req.db)
            return try JSONBody.response(
                ApplicationService.AttachmentBody(
                    id: a.requireID(), purpose: a.purpose, line: a.lineNo, filename: a.filename, size: a.size,
                    sha256: a.sha256, at: a.at),
                status: .created)
        }

        apps.delete(":id", "attachments", ":attachment") { req -> Response in
            let actor = try req.actor(may: .create, .attachments)
            let row = try await ApplicationService.find(try id(req), actor: actor, on: req.db)
            let a = try await AttachmentService.find(
                try req.parameters.require("attachment"), of: row, on: req.db)
            try await AttachmentService.remove(a, of: row, actor: actor, now: req.now, on: req.db)
            return Response(status: .noContent)
        }
        apps.get(":id", "forms", ":name") { req in
            let row = try await ApplicationService.find(try id(req), actor: try req.actor(), on: req.db)
            return try await FormsPage.render(row, name: try req.parameters.require("name"), req: req)
        }

        api.get("plans") { req in
            let actor = try req.actor()
            let (items, total) = try await PlanService.list(
                actor: actor, filter: try .init(req), paging: try Paging(req),
                today: LocalDate(req.now), on: req.db)
            return try JSONBody.response(ListBody(items: items, total: total))
        }

        api.post("admin", "jobs", ":job", "run") { req in
            let actor = try req.actor(in: .provinceAdmin)
            switch try req.parameters.require("job") {
            case "forcedExit":
                return try JSONBody.response(
                    try await PlanService.runForcedExit(now: req.now, actor: actor.username, on: req.db))
            case "windowNotices":
                guard let policy = try await PolicyVersion.current(on: req.db)?.policy() else {
                    throw AppError.notFound
                }
                let sent = try await NoticeService.windowReminders(now: req.now, policy: policy, on: req.db)
                return try JSONBody.response(["sent": sent])
            case "monitoringSnapshot":
                return try JSONBody.response(try await MonitoringService.snapshot(now: req.now, on: req.db))
            case "biweeklyCheck":
                return try JSONBody.response(try await BiweeklyReportService.check(now: req.now, on: req.db))
            default:
                throw AppError.notFound
            }
        }
    }

    struct NoticeBody: Encodable {
        var title: String
        var body: String
        var link: String?
        var at: Date
    }

    static func registerNotices(on api: any RoutesBuilder) {
        api.get("notices") { req in
            let notices = try await NoticeService.list(
                for: try req.actor(), limit: try Paging(req).limit, on: req.db)
            return try JSONBody.response(
                ListBody(
                    items: notices.map {
                        NoticeBody(title: $0.title, body: $0.body, link: $0.link, at: $0.createdAt)
                    },
                    total: notices.count))
        }
    }

    static func id(_ req: Request) throws -> UUID {
        guard let id = UUID(uuidString: try req.parameters.require("id")) else { throw AppError.notFound }
        return id
    }

    static func respond(_ id: UUID, _ req: Request, status: HTTPResponseStatus = .ok) async throws -> Response
    {
        let row = try await ApplicationService.find(id, actor: try req.actor(), on: req.db)
        let violations =
            try row.statusValue == .draft
            ? try await ApplicationService.violations(of: row, now: req.now, on: req.db) : nil
        return try JSONBody.response(
            try await ApplicationService.body(row, violations: violations, on: req.db), status: status)
    }
}
