import Fluent
import OneXDomain
import Vapor

/// The accounts: the province office manages them, the auditor reads them.
enum UserPages {
    static func register(on web: any RoutesBuilder) {
        web.get("users") { req in try await list(req) }
        web.get("users", "export.csv") { req in try await export(req, format: .csv) }
        web.get("users", "export.xlsx") { req in try await export(req, format: .xlsx) }
        web.get("users", "new") { req in
            _ = try req.actor(may: .create, .users)
            return try await form(req, existing: nil, values: ["active": "true"], errors: [])
        }
        web.post("users", "new") { req in try await submit(req, existing: nil) }
        web.get("users", ":username") { req in try await detail(req) }
        web.get("users", ":username", "edit") { req in
            _ = try req.actor(may: .update, .users)
            guard let user = try await AccountService.find(try req.parameters.require("username"), on: req.db)
            else {
                throw AppError.notFound
            }
            return try await form(
                req, existing: user,
                values: [
                    "username": user.username, "displayName": user.displayName ?? "", "role": user.role,
                    "unit": user.unitCode ?? "", "active": user.active ? "true" : "",
                ],
                errors: [])
        }
        web.post("users", ":username", "edit") { req in
            _ = try req.actor(may: .update, .users)
            guard let user = try await AccountService.find(try req.parameters.require("username"), on: req.db)
            else {
                throw AppError.notFound
            }
            return try await submit(req, existing: user)
        }
    }

    static func list(_ req: Request) async throws -> HTML {
        let lang = req.lang
        let actor = try req.actor(reading: .users)
        let paging = try Paging(req, defaultLimit: 50)
        let q = search(req)
        let keep =
            q.isEmpty ? "" : "?q=" + (q.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")
        let (users, total) = try await filtered(User.withUnits(on: req.db), q).sort(\.$username).page(
            limit: paging.limit, offset: paging.offset)
        let rows = try users.map { u -> [HTML] in
            let role = try u.roleValue
            return [
                "<a href=\"\(SitePath.user(u.username).path)\">\(u.username)</a>", "\(u.displayName ?? "")",
                "\(lang(role))", "\(unitText(u, lang))",
                "\(u.active ? lang(.yes) : lang(.no))",
                "\(u.lockedUntil.map(Shanghai.minuteText) ?? "")",
            ]
        }
        let body: HTML = """
            <h1>\(lang(.navUsers))</h1>
            <p class="muted">\(lang(.usersIntro))</p>
            <form method="get" action="\(SitePath.users.path)" class="toolbar">
            <input type="search" name="q" value="\(q)" placeholder="\(lang(.usersSearch))" aria-label="\(lang(.usersSearch))" size="24">
            <button type="submit" class="btn secondary">\(lang(.filter))</button>
            \(q.isEmpty ? "" : HTML(raw: "<a href=\"\(SitePath.users.path)\">\(HTML.escape(lang(.clearFilter)))</a>"))
            </form>
            <div class="toolbar"><span class="spacer"></span>
            <a class="btn secondary" href="\(SitePath.usersExport(.csv).path)\(keep)">\(lang(.exportCSV))</a>
            <a class="btn secondary" href="\(SitePath.usersExport(.xlsx).path)\(keep)">\(lang(.exportXLSX))</a>
            \(Access.may(.create, .users, actor) ? "<a class=\"btn\" href=\"\(SitePath.newUser.path)\">\(lang(.create))</a>" as HTML : "")</div>
            \(Components.table(headers: [lang(.username), lang(.fieldDisplayName), lang(.fieldRole), lang(.unitColumn), lang(.fieldActive), lang(.lockedUntil)],
                               rows: rows, empty: lang(.noRecords)))
            \(Components.pager(total: total, paging: paging, path: SitePath.users.path, query: [("q", q)], lang: lang))
            """
        return Layout.page(
            req: req, title: lang(.navUsers), crumbs: [.init(title: lang(.navUsers))], body: body)
    }

    static func search(_ req: Request) -> String {
        String(
            ((try? req.query.get(String.self, at: "q")) ?? "").trimmingCharacters(in: .whitespaces).prefix(
                100))
    }

    /// Accounts whose login, person's name or unit (code or name) contains the search.
    static func filtered(_ query: QueryBuilder<User>, _ q: String) async throws -> QueryBuilder<User> {
        guard !q.isEmpty else { return query }
        let db = query.database
        let regions = try await Region.query(on: db).group(.or) {
            $0.filter(\.$code ~~ q).filter(\.$name ~~ q)
        }.all(\.$id)
        let schools = try await School.query(on: db).group(.or) {
            $0.filter(\.$code ~~ q).filter(\.$name ~~ q)
        }.all(\.$id)
        let orgs = try await Organization.query(on: db).group(.or) {
            $0.filter(\.$code ~~ q).filter(\.$name ~~ q)
        }.all(\.$id)
        return query.group(.or) {
            $0.filter(\.$username ~~ q).filter(\.$displayName ~~ q)
                .filter(\.$region.$id ~~ regions).filter(\.$school.$id ~~ schools).filter(
                    \.$organization.$id ~~ orgs)
        }
    }

    static func export(_ req: Request, format: SitePath.ExportFormat) async throws -> Response {
        let lang = req.lang
        _ = try req.actor(reading: .users)
        let users = try await filtered(User.withUnits(on: req.db), search(req)).sort(\.$username).all()
        var rows = [
            [
                lang(.username), lang(.fieldDisplayName), lang(.fieldRole), lang(.unitColumn),
                lang(.fieldUnit), lang(.fieldActive),
            ]
        ]
        rows += try users.map { u in
            let role = try u.roleValue
            return [
                u.username, u.displayName ?? "", lang(role), u.unitName ?? "",
                u.unitCode ?? "",
                u.active ? lang(.yes) : lang(.no),
            ]
        }
        return Download.file(rows, name: "users-\(LocalDate(req.now))", format: format)
    }

    static func form(
        _ req: Request, existing: User?, values: FieldValues, errors: [FieldError],
        status: HTTPResponseStatus = .ok
    ) async throws -> Response {
        let lang = req.lang
        let fields: [Components.FormField] = [
            .init(name: "username", label: lang(.username), required: true, readOnly: existing != nil),
            .init(name: "displayName", label: lang(.fieldDisplayName)),
            .init(
                name: existing == nil ? "password" : "password",
                label: lang(existing == nil ? .password : .fieldNewPassword),
                kind: .password, required: existing == nil,
                hint: lang(.passwordHint)),
            .init(
                name: "role", label: lang(.fieldRole),
                kind: .select(Role.allCases.map { ($0.rawValue, lang($0)) }),
                required: true),
            .init(
                name: "unit", label: lang(.fieldUnit),
                hint: lang(.unitHint)),
            .init(name: "active", label: lang(.fieldActive), kind: .checkbox),
        ]
        let action = existing.map { SitePath.editUser($0.username).path } ?? SitePath.newUser.path
        let title = "\(lang(existing == nil ? .create : .edit)) · \(lang(.nounUser))"
        let body: HTML = """
            <h1>\(title)</h1>
            \(Components.form(action: action, csrf: CSRF.token(for: req), fields: fields, values: values, errors: errors,
                              submit: lang(.save), cancel: SitePath.users.path, lang: lang))
            """
        let page = Layout.page(
            req: req, title: title,
            crumbs: [.init(title: lang(.navUsers), path: .users), .init(title: title)], body: body)
        let response = try await page.encodeResponse(for: req)
        response.status = status
        return response
    }

    /// One account, read-only, with the edit button for those who may change it.
    static func detail(_ req: Request) async throws -> HTML {
        let lang = req.lang
        let actor = try req.actor(reading: .users)
        guard let u = try await AccountService.find(try req.parameters.require("username"), on: req.db) else {
            throw AppError.notFound
        }
        let role = try u.roleValue
        let facts: [(UIText, String)] = [
            (.username, u.username), (.fieldDisplayName, u.displayName ?? "—"),
            (.fieldRole, lang(role)),
            (.unitColumn, unitText(u, lang)),
            (.fieldActive, u.active ? lang(.yes) : lang(.no)),
            (.lockedUntil, u.lockedUntil.map(Shanghai.minuteText) ?? "—"),
        ]
        let edit: HTML =
            Access.may(.update, .users, actor)
            ? "<p><a class=\"btn\" href=\"\(SitePath.editUser(u.username).path)\">\(lang(.edit))</a></p>" : ""
        let body: HTML = """
            <h1>\(u.username)</h1>
            \(Components.facts(facts.map { (lang($0.0), $0.1) }))
            \(edit)
            """
        return Layout.page(
            req: req, title: u.username,
            crumbs: [.init(title: lang(.navUsers), path: .users), .init(title: u.username)],
            body: body)
    }

    /// The unit by name with its code as the secondary detail: 郑州市财贸学校（Z001）.
    static func unitText(_ u: User, _ lang: Lang) -> String {
        guard let code = u.unitCode else { return "—" }
        return u.unitName.map { $0 + lang.bracketed(code) } ?? code
    }

    static func submit(_ req: Request, existing: User?) async throws -> Response {
        let actor = try req.actor(may: existing == nil ? .create : .update, .users)
        var values = try req.content.decode([String: String].self)
        values["_csrf"] = nil
        if let existing { values["username"] = existing.username }
        let draft = AccountDraft(
            username: values["username"] ?? "", password: values["password"], role: values["role"] ?? "",
            unit: values["unit"], active: values["active"] == "true", displayName: values["displayName"])
        do {
            try await AccountService.save(draft, existing: existing, actor: actor.username, req: req)
            return req.redirect(local: SitePath.users.path)
        } catch let e as AppError where e.status == .unprocessableEntity {
            values["password"] = nil
            return try await form(
                req, existing: existing, values: values, errors: e.errors, status: .unprocessableEntity)
        }
    }
}
