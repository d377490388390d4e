import OneXDomain
import Vapor

/// The rectification ledger through the API (api.md, "Reporting"; AH38-3..6). A step's body is
/// JSON `{text}` or, for an application with its evidence, multipart `text` and `file`.
enum RectificationAPI {
    struct StepBody: Content {
        var text: String?
        var file: File?
    }

    struct GenerateBody: Content {
        var deadline: String?
    }

    static func register(on authed: any RoutesBuilder) {
        let items = authed.grouped("rectification-items")
        items.post { req in
            let actor = try req.actor(may: .create, .ledgerItems)
            let draft = try JSONBody.decode(RectificationService.Draft.self, from: req)
            let id = try await RectificationService.create(draft, actor: actor, now: req.now, on: req.db)
            return try JSONBody.response(
                try await RectificationService.find(id, actor: actor, today: LocalDate(req.now), on: req.db),
                status: .created)
        }
        items.get { req in
            let actor = try req.actor(reading: .ledgerItems)
            let list = try await RectificationService.list(
                actor: actor, filter: try filter(req), today: LocalDate(req.now), on: req.db)
            return try JSONBody.response(ListBody(items: list, total: list.count))
        }
        items.on(.POST, "import", body: .collect(maxSize: "64mb")) { req in
            let actor = try req.actor(may: .create, .ledgerItems)
            let table = try CatalogService.readUpload(req.body.data.map { Data(buffer: $0) } ?? Data())
            struct Imported: Encodable { var created: Int }
            return try JSONBody.response(
                Imported(
                    created: try await RectificationService.importItems(
                        table, actor: actor, now: req.now, on: req.db)),
                status: .created)
        }
        items.post("generate") { req in
            let actor = try req.actor(in: .provinceAdmin)
            let body = try JSONBody.decode(GenerateBody.self, from: req)
            return try JSONBody.response(
                try await RectificationFigures.generate(
                    deadline: body.deadline, actor: actor, now: req.now, on: req.db),
                status: .created)
        }
        items.get("notice-list") { req in
            let actor = try req.actor(reading: .ledgerItems)
            struct Line: Encodable {
                var unit: String
                var kind: ResponsibleKind
                var open: Int
                var overdue: Int
                var noMonthlyProgress: Int
                var items: [String]
            }
            let lines = try await RectificationFigures.noticeList(
                actor: actor, today: LocalDate(req.now), on: req.db
            ).map {
                Line(
                    unit: $0.unit, kind: $0.kind, open: $0.tally.open, overdue: $0.tally.overdue,
                    noMonthlyProgress: $0.tally.noMonthlyProgress, items: $0.items.map(\.number))
            }
            return try JSONBody.response(ListBody(items: lines, total: lines.count))
        }
        items.get(":id") { req in
            let actor = try req.actor(reading: .ledgerItems)
            let id = try FeesAPI.id(req)
            let row = try await RectificationService.visibleRow(id, actor: actor, on: req.db)
            let item = try await RectificationService.item(of: row, today: LocalDate(req.now), on: req.db)
            struct WithFigure: Encodable {
                var item: RectificationService.Item
                var figure: RectificationFigures.Figure?
            }
            return try JSONBody.response(
                WithFigure(
                    item: item,
                    figure: try await RectificationFigures.figure(
                        of: row, today: LocalDate(req.now), on: req.db)))
        }
        items.on(.POST, ":id", "progress", body: .collect(maxSize: "20mb")) { req in
            let actor = try req.actor(may: .update, .ledgerItems)
            struct Body: Content {
                var kind: RectificationEntryKind?
                var text: String?
                var leader: String?
                var onDay: String?
                var file: File?
            }
            let b = try req.content.decode(Body.self)
            try await RectificationSteps.progress(
                try FeesAPI.id(req), .init(kind: b.kind, text: b.text, leader: b.leader, onDay: b.onDay),
                file: b.file,
                actor: actor, now: req.now, on: req.db)
            return try await answer(req, actor: actor, status: .created)
        }
        items.put(":id", "person") { req in
            let actor = try req.actor(may: .update, .ledgerItems)
            try await RectificationSteps.person(
                try FeesAPI.id(req), try JSONBody.decode(RectificationSteps.Person.self, from: req),
                actor: actor,
                now: req.now, on: req.db)
            return try await answer(req, actor: actor, status: .ok)
        }
        // api.md's names: an application is a closure request; the reviews are steps on it.
        for (path, step, action) in [
            ("closure-requests", RectificationStep.apply, RecordAction.update),
            ("confirm", .confirm, .review),
            ("close", .close, .review), ("return", .return, .review), ("reopen", .reopen, .review),
        ] {
            items.on(.POST, ":id", .constant(path), body: .collect(maxSize: "20mb")) { req in
                let actor = try req.actor(may: action, .ledgerItems)
                let body = req.body.data == nil ? StepBody() : try req.content.decode(StepBody.self)
                _ = try await RectificationSteps.step(
                    try FeesAPI.id(req), step, text: body.text, file: body.file, actor: actor, now: req.now,
                    on: req.db)
                return try await answer(req, actor: actor, status: step == .apply ? .created : .ok)
            }
        }
        items.get(":id", "entries", ":entry", "file") { req in
            try await download(req)
        }
    }

    static func answer(_ req: Request, actor: Actor, status: HTTPResponseStatus) async throws -> Response {
        try JSONBody.response(
            try await RectificationService.find(
                try FeesAPI.id(req), actor: actor, today: LocalDate(req.now), on: req.db),
            status: status)
    }

    static func filter(_ req: Request) throws -> RectificationService.Filter {
        var f = RectificationService.Filter()
        if let s = req.queryText("status") {
            guard let status = RectificationStatus(rawValue: s) else {
                throw AppError.badRequest("status 取值无效")
            }
            f.status = status
        }
        if let c = req.queryText("category") {
            guard let category = RectificationCategory(rawValue: c) else {
                throw AppError.badRequest("category 取值无效")
            }
            f.category = category
        }
        f.flaggedOnly = req.queryText("flagged") == "1" || req.queryText("flagged") == "true"
        f.responsibleUnit = req.queryText("unit")
        f.text = req.queryText("q")
        return f
    }

    /// An entry's evidence file, for whoever may read the item.
    static func download(_ req: Request) async throws -> Response {
        let actor = try req.actor(reading: .ledgerItems)
        guard let entry = UUID(uuidString: try req.parameters.require("entry")) else {
            throw AppError.notFound
        }
        let e = try await RectificationService.file(
            try FeesAPI.id(req), entry: entry, actor: actor, on: req.db)
        return Response(
            status: .ok,
            headers: SafeHeaders.download(
                contentType: e.contentType ?? "application/octet-stream", filename: e.filename ?? "file"),
            body: .init(data: e.data ?? Data()))
    }
}
