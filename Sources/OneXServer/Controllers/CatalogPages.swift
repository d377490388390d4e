import Fluent
import OneXDomain
import OneXTabular
import Vapor

/// Web pages of the catalog tables: list with search, paging and export; detail with change
/// history; create and edit forms with inline errors. One generic controller for all six.
enum CatalogPages {
    static func register<S: CatalogStore>(_ store: S.Type, on web: any RoutesBuilder) {
        let k = PathComponent(stringLiteral: S.kind.rawValue)
        web.get(k) { req in try await list(S.self, req) }
        web.get(k, "export.csv") { req in try await export(S.self, req, format: .csv) }
        web.get(k, "export.xlsx") { req in try await export(S.self, req, format: .xlsx) }
        web.get(k, "new") { req in try await form(S.self, req, code: nil, values: [:], errors: []) }
        web.post(k, "new") { req in try await submit(S.self, req, code: nil) }
        web.get(k, ":code") { req in try await detail(S.self, req) }
        web.get(k, ":code", "edit") { req in
            let code = try req.parameters.require("code")
            _ = try req.actor(may: .update, RecordKind(S.kind))
            guard let record = try await S.find(code, scope: .all, on: req.db) else { throw AppError.notFound }
            return try await form(S.self, req, code: code, values: record.values, errors: [])
        }
        web.post(k, ":code", "edit") { req in try await submit(S.self, req, code: try req.parameters.require("code")) }
    }

    static func scope<S: CatalogStore>(_ store: S.Type, _ req: Request) throws -> RecordScope {
        Access.scope(of: RecordKind(S.kind), for: try req.actor(reading: RecordKind(S.kind)))
    }

    static func list<S: CatalogStore>(_ store: S.Type, _ req: Request) async throws -> HTML {
        let lang = req.lang
        let actor = try req.actor()
        let scope = try scope(S.self, req)
        let search = (try? req.query.get(String.self, at: "q"))?.trimmingCharacters(in: .whitespaces) ?? ""
        let paging = try Paging(req, defaultLimit: 20)
        let (items, total) = try await S.page(scope: scope, search: search.isEmpty ? nil : search,
                                              limit: paging.limit, offset: paging.offset, on: req.db)
        let columns = S.Record.columns
        let rows = items.map { record -> [HTML] in
            columns.enumerated().map { i, c -> HTML in
                let text = record.display(c.field, lang: lang)
                return i == 0 ? "<a href=\"\(SitePath.detail(S.kind, record.code).path)\">\(text)</a>" : "\(text)"
            }
        }
        let q = search.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
        let createButton: HTML = actor.maintainsCatalog
            ? "<a class=\"btn\" href=\"\(SitePath.create(S.kind).path)\">\(lang(.create))</a>" : ""
        let body: HTML = """
            <h1>\(lang(S.kind.title))</h1>
            <form method="get" action="\(SitePath.list(S.kind).path)" class="toolbar" role="search">
            <input type="search" name="q" value="\(search)" placeholder="\(lang(.searchPlaceholder))" aria-label="\(lang(.search))">
            <button type="submit" class="btn secondary">\(lang(.search))</button>
            <span class="spacer"></span>
            <a class="btn secondary" href="\(SitePath.export(S.kind, .csv).path)?q=\(q)">\(lang(.exportCSV))</a>
            <a class="btn secondary" href="\(SitePath.export(S.kind, .xlsx).path)?q=\(q)">\(lang(.exportXLSX))</a>
            \(createButton)
            </form>
            \(Components.table(headers: columns.map { lang($0.label) }, rows: rows, empty: lang(.noRecords)))
            \(Components.pager(total: total, paging: paging, path: SitePath.list(S.kind).path, query: [("q", search)], lang: lang))
            """
        return Layout.page(req: req, title: lang(S.kind.title), crumbs: [.init(title: lang(S.kind.title))], body: body)
    }

    static func export<S: CatalogStore>(_ store: S.Type, _ req: Request, format: SitePath.ExportFormat) async throws -> Response {
        let lang = req.lang
        let scope = try scope(S.self, req)
        let search = (try? req.query.get(String.self, at: "q"))?.trimmingCharacters(in: .whitespaces) ?? ""
        let (items, _) = try await S.page(scope: scope, search: search.isEmpty ? nil : search, limit: 1_000_000,
                                          offset: 0, on: req.db)
        // Headers in the reader's language and canonical values: the file imports back unchanged.
        var rows = [S.Record.columns.map { lang($0.label) }]
        rows += items.map { r in S.Record.columns.map { r.values[$0.field] ?? "" } }
        return Download.file(rows, name: "\(S.kind.rawValue)-\(LocalDate(req.now))", format: format)
    }

    static func detail<S: CatalogStore>(_ store: S.Type, _ req: Request) async throws -> HTML {
        let lang = req.lang
        let actor = try req.actor()
        let code = try req.parameters.require("code")
        guard let record = try await S.find(code, scope: try scope(S.self, req), on: req.db) else { throw AppError.notFound }
        let facts = Components.facts(S.Record.columns.map { c in (lang(c.label), record.display(c.field, lang: lang)) })
        let edit: HTML = actor.maintainsCatalog
            ? "<p><a class=\"btn\" href=\"\(SitePath.edit(S.kind, code).path)\">\(lang(.edit))</a></p>" : ""
        var history: HTML = ""
        if Access.readsAuditLog(actor) {
            let entries = try await AuditEntry.query(on: req.db).filter(\.$entity == S.kind.rawValue)
                .filter(\.$entityKey == code).sort(\.$seq, .descending).limit(20).all()
            history = """
                <h2>\(lang(.history))</h2>
                \(Components.table(headers: [lang(.auditTime), lang(.auditActor), lang(.auditAction)],
                                   rows: entries.map { ["\(Shanghai.minuteText($0.at))", "\($0.actor)", "\($0.action)"] },
                                   empty: lang(.noRecords)))
                """
        }
        let related = try await Related.section(kind: S.kind, code: code, actor: actor, lang: lang, on: req.db)
        let title = record.values["name"] ?? code
        let body: HTML = """
            <h1>\(title)</h1>
            \(facts)
            \(edit)
            \(related)
            \(history)
            """
        return Layout.page(req: req, title: title,
                           crumbs: [.init(title: lang(S.kind.title), path: .list(S.kind)), .init(title: code)], body: body)
    }

    static func form<S: CatalogStore>(_ store: S.Type, _ req: Request, code: String?, values: FieldValues,
                                      errors: [FieldError], status: HTTPResponseStatus = .ok) async throws -> Response {
        let lang = req.lang
        _ = try req.actor(may: .update, RecordKind(S.kind))
        let fields = try await FormFields.fields(for: S.kind, editing: code != nil, lang: lang, on: req.db)
        let action = code.map { SitePath.edit(S.kind, $0).path } ?? SitePath.create(S.kind).path
        let cancel = code.map { SitePath.detail(S.kind, $0).path } ?? SitePath.list(S.kind).path
        let title = "\(lang(code == nil ? .create : .edit)) · \(lang(S.kind.noun))"
        let body: HTML = """
            <h1>\(title)</h1>
            \(Components.form(action: action, csrf: CSRF.token(for: req), fields: fields, values: values, errors: errors,
                              submit: lang(.save), cancel: cancel, lang: lang))
            """
        var crumbs: [Layout.Crumb] = [.init(title: lang(S.kind.title), path: .list(S.kind))]
        if let code { crumbs.append(.init(title: code, path: .detail(S.kind, code))) }
        crumbs.append(.init(title: lang(code == nil ? .create : .edit)))
        let page = Layout.page(req: req, title: title, crumbs: crumbs, body: body)
        let response = try await page.encodeResponse(for: req)
        response.status = status
        return response
    }

    static func submit<S: CatalogStore>(_ store: S.Type, _ req: Request, code: String?) async throws -> Response {
        let actor = try req.actor(may: .update, RecordKind(S.kind))
        var values = try req.content.decode([String: String].self)
        values["_csrf"] = nil
        if let code { values[S.Record.columns[0].field] = code }
        do {
            let record: S.Record
            do { record = try S.Record(values: values) } catch { throw AppError.invalid(error.errors) }
            try await CatalogService.save(S.self, record, mode: code == nil ? .create : .update, actor: actor.username,
                                          at: req.now, on: req.db)
            return req.redirect(local: SitePath.detail(S.kind, record.code).path)
        } catch let e as AppError where e.status == .unprocessableEntity {
            return try await form(S.self, req, code: code, values: values, errors: e.errors, status: .unprocessableEntity)
        }
    }
}

/// A file download of a table.
enum Download {
    static func file(_ rows: [[String]], name: String, format: SitePath.ExportFormat) -> Response {
        let data: Data
        let contentType: String
        switch format {
        case .csv:
            data = CSV.write(rows)
            contentType = "text/csv; charset=utf-8"
        case .xlsx:
            data = XLSX.write(rows)
            contentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        }
        return Response(status: .ok, headers: SafeHeaders.download(contentType: contentType, filename: "\(name).\(format.rawValue)"),
                        body: .init(data: data))
    }
}
