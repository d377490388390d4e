import OneXDomain
import Vapor

/// The rectification ledger in the browser (AH38-3..6): the list with its flags, a new item,
/// items generated from the fee figures, and the Excel export. One item's page is
/// `LedgerItemPage`; the printed forms are `LedgerForms`.
enum LedgerPages {
    static func register(on web: any RoutesBuilder) {
        web.get("ledger") { req in try await list(req, errors: [], notice: nil, status: .ok) }
        web.get("ledger", "export.xlsx") { req in try await export(req) }
        web.get("ledger", "new") { req in try await new(req, values: [:], errors: [], status: .ok) }
        web.post("ledger", "new") { req in try await create(req) }
        web.post("ledger", "generate") { req in try await generate(req) }
        web.form("ledger", "import", maxSize: "64mb") { req in try await importItems(req) }
        LedgerItemPage.register(on: web)
        LedgerForms.register(on: web)
    }

    static func list(_ req: Request, errors: [FieldError], notice: String?, status: HTTPResponseStatus)
        async throws -> Response
    {
        let lang = req.lang
        let actor = try req.actor(reading: .ledgerItems)
        let filter = try RectificationAPI.filter(req)
        let shown = 1000
        let items = try await RectificationService.list(
            actor: actor, filter: filter, today: LocalDate(req.now), limit: shown, on: req.db)
        let rows = items.map { i -> [HTML] in
            [
                "<a class=\"nowrap\" href=\"\(SitePath.ledgerItem(i.id).path)\">\(i.number)</a>",
                Components.userText(i.problem), "\(lang(i.category))", Components.userText(i.responsibleName),
                Components.userText(i.person ?? ""), "\(lang.day(i.deadline))", "\(lang(i.status))",
                "\(i.lastProgressOn.map { lang.day($0) } ?? "")",
                HTML.join(i.flags.map { f -> HTML in "<span class=\"badge warn\">\(lang(f))</span>" }),
            ]
        }
        func options(_ all: [some InWords & RawRepresentable<String>]) -> [(String, String)] {
            all.map { ($0.rawValue, lang($0)) }
        }
        func select(_ name: String, _ label: UIText, _ opts: [(String, String)], _ value: String?) -> HTML {
            let o = ([("", lang(label))] + opts).map { v, l -> HTML in
                "<option value=\"\(v)\"\(v == (value ?? "") ? HTML(raw: " selected") : "")>\(l)</option>"
            }
            return "<select name=\"\(name)\" aria-label=\"\(lang(label))\">\(o)</select>"
        }
        var tools: [HTML] = []
        if Access.may(.create, .ledgerItems, actor) {
            tools.append("<a class=\"btn\" href=\"\(SitePath.ledger.path)/new\">\(lang(.ledgerNew))</a>")
        }
        tools.append(
            "<a class=\"btn secondary\" href=\"\(SitePath.ledger.path)/export.xlsx\">\(lang(.exportXLSX))</a>"
        )
        if actor.role.seesWholeProvince || actor.role == .cityReviewer {
            tools.append(
                "<a class=\"btn secondary\" href=\"\(SitePath.ledger.path)/notice-list\">\(lang(.ledgerNoticeList))</a>"
            )
        }
        let importForm: HTML =
            Access.may(.create, .ledgerItems, actor)
            ? """
            <form method="post" action="\(SitePath.ledger.path)/import" enctype="multipart/form-data" class="toolbar">
            <input type="hidden" name="_csrf" value="\(CSRF.token(for: req))">
            <label for="ledger-file">\(lang(.ledgerImport))</label>
            <input type="file" id="ledger-file" name="file" accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet">
            <button type="submit" class="btn secondary">\(lang(.importButton))</button>
            <span class="muted">\(lang(.ledgerImportHint(RectificationImport.columns.map { lang($0.label) }.joined(separator: lang.listSeparator))))</span>
            </form>
            """ : ""
        let generate: HTML =
            actor.role == .provinceAdmin
            ? """
            <form method="post" action="\(SitePath.ledger.path)/generate" class="toolbar">
            <input type="hidden" name="_csrf" value="\(CSRF.token(for: req))">
            <label for="gen-deadline">\(lang(.ledgerGenerate))</label>
            <input type="date" id="gen-deadline" name="deadline" value="\(LocalDate(req.now.addingTimeInterval(30 * 86400)).description)" required>
            <button type="submit" class="btn secondary">\(lang(.ledgerGenerateButton))</button>
            <span class="muted">\(lang(.ledgerGenerateHint))</span>
            </form>
            """ : ""
        let body: HTML = """
            <h1>\(lang(.navLedger))</h1>
            <p class="muted">\(lang(.ledgerIntro))</p>
            \(notice.map { Components.alert($0, ok: true) } ?? "")
            \(errors.isEmpty ? "" : Components.errorList(errors, lang: lang) { field in
                RectificationImport.columns.first { $0.field == field }.map { lang($0.label) } ?? field
            })
            <div class="toolbar">\(HTML.join(tools))</div>
            \(generate)
            \(importForm)
            <form method="get" action="\(SitePath.ledger.path)" class="toolbar">
            <input type="search" name="q" value="\(filter.text ?? "")" placeholder="\(lang(.ledgerSearch))" aria-label="\(lang(.ledgerSearch))">
            \(select("status", .status, options(RectificationStatus.allCases), filter.status?.rawValue))
            \(select("category", .ledgerCategory, options(RectificationCategory.allCases), filter.category?.rawValue))
            <label><input type="checkbox" name="flagged" value="1"\(filter.flaggedOnly ? HTML(raw: " checked") : "")> \(lang(.ledgerFlaggedOnly))</label>
            <button type="submit" class="btn secondary">\(lang(.filter))</button>
            </form>
            \(items.count == shown ? HTML("<p class=\"muted\">\(lang(.ledgerFirstShown(shown)))</p>") : "")
            \(Components.table(
                headers: [lang(.ledgerNumber), lang(.ledgerProblem), lang(.ledgerCategory), lang(.ledgerResponsible), lang(.ledgerPerson),
                          lang(.ledgerDeadline), lang(.status), lang(.ledgerLastProgress), lang(.ledgerFlags)],
                rows: rows, empty: lang(.noRecords)))
            """
        let response = try await Layout.page(
            req: req, title: lang(.navLedger), crumbs: [.init(title: lang(.navLedger))], body: body
        ).encodeResponse(for: req)
        response.status = status
        return response
    }

    static func new(_ req: Request, values: FieldValues, errors: [FieldError], status: HTTPResponseStatus)
        async throws -> Response
    {
        let lang = req.lang
        let actor = try req.actor(may: .create, .ledgerItems)
        var units: [CodePicker.Option] = try await CodePicker.options(
            SchoolStore.self, actor: actor, on: req.db)
        if actor.role == .provinceAdmin {
            units += try await CodePicker.options(RegionStore.self, actor: actor, on: req.db)
            units += try await CodePicker.options(OrganizationStore.self, actor: actor, on: req.db)
        } else if let own = actor.unit {
            units.append((own, req.currentUser?.unitName ?? own))
        }
        let kinds = ResponsibleKind.allCases.filter { actor.role == .provinceAdmin || $0 != .organization }
        let fields: [Components.FormField] = [
            .init(
                name: "category", label: lang(.ledgerCategory),
                kind: .select(RectificationCategory.allCases.map { ($0.rawValue, lang($0)) }), required: true),
            .init(name: "problem", label: lang(.ledgerProblem), kind: .textarea, required: true),
            .init(name: "task", label: lang(.ledgerTask), kind: .textarea, required: true),
            .init(
                name: "responsibleKind", label: lang(.ledgerResponsibleKind),
                kind: .select(kinds.map { ($0.rawValue, lang($0)) }), required: true),
            .init(
                name: "responsibleUnit", label: lang(.ledgerResponsibleCode), kind: .picker(units),
                required: true,
                hint: lang(.ledgerResponsibleHint)),
            .init(name: "person", label: lang(.ledgerPerson), required: true),
            .init(name: "phone", label: lang(.ledgerPhone), required: true),
            .init(name: "deadline", label: lang(.ledgerDeadline), kind: .date, required: true),
        ]
        let body: HTML = """
            <h1>\(lang(.ledgerNew))</h1>
            \(Components.form(action: SitePath.ledger.path + "/new", csrf: CSRF.token(for: req), fields: fields, values: values,
                              errors: errors, submit: lang(.save), cancel: SitePath.ledger.path, lang: lang))
            """
        let response = try await Layout.page(
            req: req, title: lang(.ledgerNew),
            crumbs: [.init(title: lang(.navLedger), path: .ledger), .init(title: lang(.ledgerNew))],
            body: body
        ).encodeResponse(for: req)
        response.status = status
        return response
    }

    static func create(_ req: Request) async throws -> Response {
        let actor = try req.actor(may: .create, .ledgerItems)
        let values = try req.content.decode([String: String].self).filter { $0.key != "_csrf" }
        let draft = RectificationService.Draft(
            category: values["category"].flatMap(RectificationCategory.init(rawValue:)),
            problem: values["problem"], task: values["task"],
            responsibleKind: values["responsibleKind"].flatMap(ResponsibleKind.init(rawValue:)),
            responsibleUnit: values["responsibleUnit"]?.trimmingCharacters(in: .whitespaces),
            person: values["person"], phone: values["phone"], deadline: values["deadline"])
        do {
            let id = try await RectificationService.create(draft, actor: actor, now: req.now, on: req.db)
            return req.redirect(local: SitePath.ledgerItem(id).path)
        } catch let e as AppError where e.status == .unprocessableEntity {
            return try await new(req, values: values, errors: e.errors, status: e.status)
        }
    }

    static func generate(_ req: Request) async throws -> Response {
        let actor = try req.actor(in: .provinceAdmin)
        struct Form: Content { var deadline: String? }
        let deadline = try req.content.decode(Form.self).deadline
        do {
            let result = try await RectificationFigures.generate(
                deadline: deadline, actor: actor, now: req.now, on: req.db)
            return try await list(
                req, errors: [], notice: req.lang(.ledgerGenerated(result.created, result.existing)),
                status: .ok)
        } catch let e as AppError where e.status == .unprocessableEntity {
            return try await list(req, errors: e.errors, notice: nil, status: e.status)
        }
    }

    static func importItems(_ req: Request) async throws -> Response {
        let actor = try req.actor(may: .create, .ledgerItems)
        struct Upload: Content { var file: File? }
        guard let file = try req.content.decode(Upload.self).file, file.data.readableBytes > 0 else {
            return try await list(
                req, errors: [FieldError(code: "required", .noFile)], notice: nil,
                status: .unprocessableEntity)
        }
        do {
            let table = try CatalogService.readUpload(Data(buffer: file.data))
            let created = try await RectificationService.importItems(
                table, actor: actor, now: req.now, on: req.db)
            return try await list(req, errors: [], notice: req.lang(.ledgerImported(created)), status: .ok)
        } catch let e as AppError where e.status == .unprocessableEntity {
            return try await list(req, errors: e.errors, notice: nil, status: e.status)
        }
    }

    static func export(_ req: Request) async throws -> Response {
        let lang = req.lang
        let actor = try req.actor(reading: .ledgerItems)
        let items = try await RectificationService.list(
            actor: actor, filter: try RectificationAPI.filter(req), today: LocalDate(req.now), on: req.db)
        let header = [
            lang(.ledgerNumber), lang(.ledgerCategory), lang(.ledgerProblem), lang(.ledgerTask),
            lang(.ledgerResponsible), lang(.ledgerPerson), lang(.ledgerPhone), lang(.ledgerDeadline),
            lang(.status),
            lang(.ledgerLastProgress), lang(.ledgerLastLeaderReview), lang(.ledgerFlags),
        ]
        let rows = items.map { i in
            [
                i.number, lang(i.category), i.problem, i.task, i.responsibleName, i.person ?? "",
                i.phone ?? "",
                i.deadline, lang(i.status), i.lastProgressOn ?? "", i.lastLeaderReviewOn ?? "",
                i.flags.map { lang($0) }.joined(separator: lang.listSeparator),
            ]
        }
        return Download.file([header] + rows, name: "整改台账-\(LocalDate(req.now))", format: .xlsx)
    }
}
